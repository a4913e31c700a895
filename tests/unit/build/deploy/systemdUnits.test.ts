import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The kiosk's systemd unit (build/deploy/buergerservice-kiosk.service) and the files installed
 * beside it. `systemd-analyze verify` reads the unit as systemd would; the other checks hold the
 * unit, logrotate and the udev rules to the same user and folders.
 */

const root = findAppRoot(import.meta.dirname);
const deployDir = join(root, 'build', 'deploy');
const unitName = 'buergerservice-kiosk.service';
const unitText = readFileSync(join(deployDir, unitName), 'utf8');

const dataDir = '/var/lib/buergerservice-kiosk';
const appBinary = '/opt/buergerservice-kiosk/buergerservice-kiosk';

/** Under CI the check must run; elsewhere a machine without systemd-analyze skips it, saying why. */
const onCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
const analyzeMissing = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).error !== undefined;
const skipReason = analyzeMissing && !onCi ? 'systemd-analyze is not installed (Debian package systemd: apt-get install systemd); CI runs this check' : null;

/** `Key=value` lines of one section, in order (comments and blank lines left out). */
function settings(unit: string, section: string): [string, string][] {
  const found: [string, string][] = [];
  let current = '';
  for (const raw of unit.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      current = line;
      continue;
    }
    const equals = line.indexOf('=');
    if (current === `[${section}]` && equals > 0) found.push([line.slice(0, equals), line.slice(equals + 1)]);
  }
  return found;
}

function values(unit: string, section: string, key: string): string[] {
  return settings(unit, section)
    .filter(([name]) => name === key)
    .map(([, value]) => value);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'kiosk-units-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * A copy of the unit whose Exec*= programs that this machine lacks (cage, the installed app) are
 * stand-in scripts: verify checks that each program exists, and the real ones are only on a terminal.
 */
function copyWithStandIns(unit: string, folder: string): string {
  const dir = join(scratch, folder);
  const standIns = join(dir, 'stand-ins');
  mkdirSync(standIns, { recursive: true });
  const copied = unit.replace(/^(Exec[A-Za-z]*=[-@:+!|]*)(\/\S+)/gm, (line: string, prefix: string, program: string) => {
    if (isExecutable(program)) return line;
    const standIn = join(standIns, basename(program));
    writeFileSync(standIn, '#!/bin/sh\nexit 0\n');
    chmodSync(standIn, 0o755);
    return `${prefix}${standIn}`;
  });
  const path = join(dir, unitName);
  writeFileSync(path, copied);
  return path;
}

/** systemd-analyze verify's complaints about this unit file: empty when systemd would load it cleanly. */
function verify(unitPath: string): string[] {
  const result = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', unitPath], {
    encoding: 'utf8',
    env: { ...process.env, SYSTEMD_LOG_COLOR: '0', SYSTEMD_PAGER: '' },
  });
  if (result.error) throw new Error(`systemd-analyze could not run: ${result.error.message}`);
  const output = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  // Unknown keys are only warned about (exit code 0), so every line about this unit counts.
  const complaints = output.filter((line) => line.includes(unitName));
  return result.status === 0 ? complaints : [`exit code ${String(result.status)}`, ...output];
}

describe('systemd-analyze verify', () => {
  it('accepts the kiosk unit without a warning', ({ skip }) => {
    skip(skipReason !== null, skipReason ?? undefined);
    expect(verify(copyWithStandIns(unitText, 'as-shipped'))).toEqual([]);
  });

  it('catches a misspelt directive (so the check above means something)', ({ skip }) => {
    skip(skipReason !== null, skipReason ?? undefined);
    const broken = unitText.replace(/^ProtectSystem=/m, 'ProtectSytem=');
    expect(broken).not.toBe(unitText);
    expect(verify(copyWithStandIns(broken, 'misspelt')).join('\n')).toMatch(/Unknown key 'ProtectSytem'/);
  });
});

describe('the kiosk unit', () => {
  it('runs the installed app under cage, never npm, without VT switching', () => {
    const [execStart, ...more] = values(unitText, 'Service', 'ExecStart');
    expect(more).toEqual([]);
    expect(execStart).toBeDefined();
    const words = (execStart ?? '').split(/\s+/);
    const cage = words.indexOf('/usr/bin/cage');
    const end = words.indexOf('--');
    expect(cage).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(cage);
    // -s would let anyone at the terminal switch to another console with Ctrl+Alt+F<n>.
    expect(words.slice(cage + 1, end)).not.toContain('-s');
    expect(words[end + 1]).toBe(appBinary);
    expect(execStart).not.toMatch(/\bnpm\b|\bnode\b/);
  });

  it('restarts the kiosk, with a start limit, but not after an invalid config', () => {
    expect(values(unitText, 'Service', 'Restart')).toEqual(['always']);
    expect(values(unitText, 'Service', 'RestartPreventExitStatus')).toEqual(['2']);
    expect(values(unitText, 'Unit', 'StartLimitIntervalSec')).toHaveLength(1);
    expect(values(unitText, 'Unit', 'StartLimitBurst')).toHaveLength(1);
  });

  it('runs as the kiosk user in production mode with the system config and the data folder', () => {
    expect(values(unitText, 'Service', 'User')).toEqual(['kiosk']);
    const environment = values(unitText, 'Service', 'Environment');
    expect(environment).toContain('KIOSK_PRODUCTION=1');
    expect(environment).toContain('KIOSK_CONFIG=/etc/buergerservice-kiosk/kiosk-config.json');
    expect(environment).toContain(`KIOSK_DATA_DIR=${dataDir}`);
  });

  it('keeps the browser profile (HOME) and temporary files (TMPDIR) in the runtime folder on tmpfs, which systemd empties at every stop', () => {
    const runtime = values(unitText, 'Service', 'RuntimeDirectory')
      .flatMap((names) => names.split(/\s+/))
      .map((name) => `/run/${name}`);
    const environment = values(unitText, 'Service', 'Environment');
    const home = environment.find((entry) => entry.startsWith('HOME='))?.slice('HOME='.length);
    const tmp = environment.find((entry) => entry.startsWith('TMPDIR='))?.slice('TMPDIR='.length);
    expect(runtime).toContain(home);
    expect(runtime).toContain(tmp);
    expect(values(unitText, 'Service', 'RuntimeDirectoryPreserve')).not.toContain('yes');
  });

  it('writes nowhere but the data folder (and its runtime folder on tmpfs)', () => {
    expect(values(unitText, 'Service', 'ProtectSystem')).toEqual(['strict']);
    expect(values(unitText, 'Service', 'ReadWritePaths')).toEqual([dataDir]);
    expect(values(unitText, 'Service', 'StateDirectory').map((name) => `/var/lib/${name}`)).toEqual([dataDir]);
    const hardening: [string, string][] = [
      ['ProtectHome', 'yes'],
      ['PrivateTmp', 'yes'],
      ['NoNewPrivileges', 'yes'],
      ['LimitCORE', '0'],
    ];
    for (const [key, value] of hardening) expect(values(unitText, 'Service', key), key).toEqual([value]);
  });
});

describe('the files installed beside the unit', () => {
  it('the udev rules give the devices to the kiosk user group', () => {
    const rules = readFileSync(join(deployDir, '99-buergerservice-kiosk.rules'), 'utf8');
    const groups = [...rules.matchAll(/GROUP="([^"]*)"/g)].map((match) => match[1]);
    expect(groups.length).toBeGreaterThan(0);
    expect(new Set(groups)).toEqual(new Set(['kiosk']));
  });
});
