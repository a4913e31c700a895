import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatConfigProblems, loadConfig, validateConfig, type ConfigLoadResult } from '#core/config/loadConfig';
import { kioskConfigSchema, resolveConfig, sessionDefaults } from '#shared/config/kioskConfig';
import { findAppRoot } from '#tests/support/appRoot';

const repoRoot = findAppRoot(import.meta.dirname);
const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-test-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function writeTemp(content: string): string {
  counter += 1;
  const file = join(dir, `config-${String(counter)}.json`);
  writeFileSync(file, content, 'utf8');
  return file;
}

function validData(): Record<string, unknown> & { terminal: Record<string, unknown>; session: Record<string, unknown>; languages: Record<string, unknown> } {
  return {
    formatVersion: 1,
    terminal: { id: 'info-lobby', name: 'Informationsterminal Foyer', role: 'info', site: 'Bürgerservice Jena' },
    session: { idleTimeoutSeconds: 90, warningSeconds: 30 },
    languages: { default: 'de', offered: ['de', 'en'] },
  };
}

async function loadData(data: unknown): Promise<ConfigLoadResult> {
  return loadConfig(writeTemp(JSON.stringify(data)));
}

function problemsOf(result: ConfigLoadResult) {
  if (result.ok) throw new Error('expected the config to be refused');
  return result.problems;
}

function paths(result: ConfigLoadResult): string[] {
  return problemsOf(result).map((p) => p.path);
}

describe('loadConfig: valid files', () => {
  it('loads kiosk-config/default.json', async () => {
    const file = join(repoRoot, 'kiosk-config', 'default.json');
    const result = await loadConfig(file);
    expect(result.ok).toBe(true);
    expect(result.file).toBe(file);
    expect(result.ok && result.config.terminal.role).toBe('info');
    expect(result.ok && result.config.session).toEqual({ idleTimeoutSeconds: 90, warningSeconds: 30 });
  });

  it('loads kiosk-config/workstation.json', async () => {
    const result = await loadConfig(join(repoRoot, 'kiosk-config', 'workstation.json'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.config.terminal.role).toBe('workstation');
    expect(result.ok && result.config.session.idleTimeoutSeconds).toBe(180);
  });

  it('loads a minimal valid temp file and accepts $schema', async () => {
    const result = await loadData({ $schema: './x.json', ...validData() });
    expect(result).toMatchObject({ ok: true, config: { terminal: { id: 'info-lobby' }, languages: { default: 'de', offered: ['de', 'en'] } } });
    expect(result.ok && 'session' in result.config && !('$schema' in result.config)).toBe(true);
  });
});

describe('loadConfig: problems', () => {
  it('reports a wrong type with its path', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    const result = await loadData(data);
    expect(paths(result)).toEqual(['session.idleTimeoutSeconds']);
  });

  it('reports a missing field with its path', async () => {
    const data = validData();
    delete data.terminal.name;
    expect(paths(await loadData(data))).toEqual(['terminal.name']);
  });

  it('reports each unknown key with its path and "unknown key"', async () => {
    const data = validData();
    data.sesion = { idleTimeoutSeconds: 90 };
    data.terminal.nmae = 'typo';
    data.terminal.colour = 'blue';
    const problems = problemsOf(await loadData(data));
    expect(problems.map((p) => p.path).sort()).toEqual(['sesion', 'terminal.colour', 'terminal.nmae']);
    for (const problem of problems) expect(problem.message).toMatch(/unknown key/);
  });

  it('lists several problems at once', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    data.session.warningSeconds = 5;
    delete data.terminal.name;
    data.terminal.id = 'Has Spaces';
    data.terminal.role = 'printer';
    data.sesion = {};
    const result = await loadData(data);
    expect(paths(result).sort()).toEqual(
      ['sesion', 'session.idleTimeoutSeconds', 'session.warningSeconds', 'terminal.id', 'terminal.name', 'terminal.role'].sort(),
    );
  });

  it('lists language problems together with other problems', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    data.languages = { default: 'en', offered: ['de', 'de'] };
    const result = await loadData(data);
    expect(paths(result).sort()).toEqual(['languages.default', 'languages.offered', 'session.idleTimeoutSeconds']);
  });

  it('reports a default language that is not offered', async () => {
    const data = validData();
    data.languages = { default: 'en', offered: ['de'] };
    const problems = problemsOf(await loadData(data));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('languages.default');
    expect(problems[0]?.message).toMatch(/offered/);
  });

  it('reports a language listed twice', async () => {
    const data = validData();
    data.languages = { default: 'de', offered: ['de', 'de'] };
    const problems = problemsOf(await loadData(data));
    expect(problems).toEqual([{ path: 'languages.offered', message: 'lists a language twice' }]);
  });

  it('reports a language without translations with an indexed path', async () => {
    const data = validData();
    data.languages = { default: 'de', offered: ['de', 'xx'] };
    expect(paths(await loadData(data))).toEqual(['languages.offered[1]']);
  });

  it.each([
    ['warningSeconds below 20 (WCAG 2.2.1)', { warningSeconds: 19 }, 'session.warningSeconds'],
    ['idleTimeoutSeconds below 3', { idleTimeoutSeconds: 2 }, 'session.idleTimeoutSeconds'],
    ['idleTimeoutSeconds not an integer', { idleTimeoutSeconds: 90.5 }, 'session.idleTimeoutSeconds'],
  ])('reports %s', async (_label, session, path) => {
    const data = validData();
    data.session = { ...data.session, ...session };
    expect(paths(await loadData(data))).toEqual([path]);
  });

  it('reports a blank terminal name', async () => {
    const data = validData();
    data.terminal.name = '   ';
    expect(paths(await loadData(data))).toEqual(['terminal.name']);
  });

  it('reports a file that is not JSON', async () => {
    const result = await loadConfig(writeTemp('{ "terminal": '));
    const problems = problemsOf(result);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('(file)');
    expect(problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('reports a missing file', async () => {
    const file = join(dir, 'does-not-exist.json');
    const result = await loadConfig(file);
    expect(result).toEqual({ ok: false, file, problems: [{ path: '(file)', message: 'file not found' }] });
  });

  it('reports a directory as unreadable', async () => {
    const result = await loadConfig(dir);
    expect(problemsOf(result)).toEqual([{ path: '(file)', message: 'file cannot be read' }]);
  });

  it('reports a JSON value that is not an object at the root', async () => {
    expect(paths(await loadData([1, 2]))).toEqual(['(root)']);
    expect(paths(await loadData(null))).toEqual(['(root)']);
  });
});

describe('formatConfigProblems', () => {
  it('lists every path and says the kiosk was not started', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    delete data.terminal.name;
    data.sesion = {};
    const result = await loadData(data);
    if (result.ok) throw new Error('expected failure');
    const text = formatConfigProblems(result);
    expect(text).toContain(result.file);
    expect(text).toContain('(3 problems)');
    for (const problem of result.problems) expect(text).toContain(`  - ${problem.path}: ${problem.message}`);
    expect(text.split('\n')).toHaveLength(result.problems.length + 2);
    expect(text).toMatch(/not started/);
  });

  it('uses the singular for one problem', () => {
    const text = formatConfigProblems({ ok: false, file: '/x.json', problems: [{ path: '(file)', message: 'file not found' }] });
    expect(text).toContain('(1 problem)');
  });
});

describe('resolveConfig', () => {
  it.each(['info', 'workstation'] as const)('fills in the %s defaults when session is omitted', (role) => {
    const data = validData();
    delete (data as Record<string, unknown>).session;
    data.terminal.role = role;
    const result = validateConfig(data, 'mem');
    expect(result.ok && result.config.session).toEqual(sessionDefaults[role]);
  });

  it('fills in only the missing field', () => {
    const parsed = kioskConfigSchema.parse({ ...validData(), session: { warningSeconds: 45 }, terminal: { ...validData().terminal, role: 'workstation' } });
    expect(resolveConfig(parsed).session).toEqual({ idleTimeoutSeconds: 180, warningSeconds: 45 });
  });

  it('has the documented role defaults', () => {
    expect(sessionDefaults).toEqual({
      info: { idleTimeoutSeconds: 90, warningSeconds: 30 },
      workstation: { idleTimeoutSeconds: 180, warningSeconds: 30 },
    });
  });
});

describe('loadConfig: secrets', () => {
  const pinHash = 'scrypt$15$8$1$RvJHxHx2028MnWsIikk0Mw==$EEn1Y5rmA++53MDNFdPleMZrubeHiZZ+XVAL1fki5KY=';
  const webhookSecret = 'secret-value-0123456789abcdef0123456789abcdef';
  const channel = { kind: 'webhook', url: 'https://staff.example.de/kiosk-help' };

  /** Writes `content` to a new file of the given mode (set explicitly: the umask must not decide). */
  function writeMode(name: string, content: unknown, mode: number): string {
    counter += 1;
    const file = join(dir, `${String(counter)}-${name}`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
    chmodSync(file, mode);
    return file;
  }

  function withSecretsFile(secrets: unknown, secretsMode = 0o600, config: Record<string, unknown> = {}) {
    const secretsFile = writeMode('secrets.json', secrets, secretsMode);
    const file = writeMode('config.json', { ...validData(), secretsFile: basename(secretsFile), ...config }, 0o644);
    return { file, secretsFile };
  }

  it('refuses a config that holds secrets and everybody may read, with one line naming the file and the fix', async () => {
    const file = writeMode(
      'config.json',
      { ...validData(), staff: { pinHashes: [pinHash] }, help: { channels: [{ ...channel, secret: webhookSecret }] } },
      0o644,
    );
    const result = await loadConfig(file, { platform: 'linux' });
    expect(result.ok).toBe(false);
    const report = result.ok ? '' : formatConfigProblems(result);
    expect(report.split('\n')).toHaveLength(1);
    expect(report).toContain(file);
    expect(report).toContain(`chmod o-rwx "${file}"`);
    expect(report).toContain('staff.pinHashes, help.channels[0].secret');
    expect(report).toMatch(/not started/);
    expect(report).not.toContain(webhookSecret);
    expect(report).not.toContain(pinHash);
  });

  it('loads a config with secrets that only its owner and group may read, and any mode on Windows (ACLs there)', async () => {
    const data = { ...validData(), staff: { pinHashes: [pinHash] } };
    for (const mode of [0o600, 0o640, 0o400])
      expect((await loadConfig(writeMode('config.json', data, mode), { platform: 'linux' })).ok, mode.toString(8)).toBe(true);
    expect((await loadConfig(writeMode('config.json', data, 0o644), { platform: 'win32' })).ok).toBe(true);
    // A config without secrets may be read by anyone.
    expect((await loadConfig(writeMode('config.json', validData(), 0o644), { platform: 'linux' })).ok).toBe(true);
  });

  it('merges the secrets file (relative to the config) before validation; the config leaves the secrets out', async () => {
    const { file } = withSecretsFile({ staff: { pinHashes: [pinHash] }, help: { channels: [{}, { secret: webhookSecret }] } }, 0o600, {
      help: {
        channels: [
          { ...channel, secret: 'inline-secret-0123456789abcdef0123456789' },
          { ...channel, when: 'escalation' },
        ],
      },
      staff: { lockAfterFailures: 30 },
    });
    // The first channel's secret stays in the config, so only its owner may read the config too.
    chmodSync(file, 0o600);
    const result = await loadConfig(file, { platform: 'linux' });
    if (!result.ok) throw new Error(formatConfigProblems(result));
    expect(result.config.staff.pinHashes).toEqual([pinHash]);
    expect(result.config.staff.lockAfterFailures).toBe(30);
    expect(result.config.help.channels.map((c) => c.secret)).toEqual(['inline-secret-0123456789abcdef0123456789', webhookSecret]);
  });

  it('refuses a secrets file everybody may read, with one line naming it, before reading anything of it', async () => {
    const { file, secretsFile } = withSecretsFile('{ not even JSON', 0o644);
    const result = await loadConfig(file, { platform: 'linux' });
    const report = result.ok ? '' : formatConfigProblems(result);
    expect(report.split('\n')).toHaveLength(1);
    expect(report).toContain(`Secrets file ${secretsFile}`);
    expect(report).toContain(`chmod o-rwx "${secretsFile}"`);
    expect((await loadConfig(withSecretsFile({ staff: { pinHashes: [pinHash] } }, 0o644).file, { platform: 'win32' })).ok).toBe(true);
  });

  it('names the secrets file and the key in its problems, never the secret', async () => {
    const short = 'too-short-secret';
    const invalid = withSecretsFile({ help: { channels: [{ secret: short }] }, staff: { pinHashes: ['1234'], pin: '4711' } }, 0o600, {
      help: { channels: [channel] },
    });
    const problems = problemsOf(await loadConfig(invalid.file, { platform: 'linux' }));
    expect(problems.map((p) => p.path).sort()).toEqual(['help.channels[0].secret', 'staff.pin', 'staff.pinHashes[0]']);
    for (const problem of problems) expect(problem.message).toContain(`(in the secrets file ${invalid.secretsFile})`);
    const text = JSON.stringify(problems);
    expect(text).not.toContain(short);
    expect(text).not.toContain('4711');

    const notJson = withSecretsFile(`{ "help": { "channels": [{ "secret": "${webhookSecret}" `, 0o600);
    const [problem] = problemsOf(await loadConfig(notJson.file, { platform: 'linux' }));
    expect(problem).toMatchObject({ path: 'secretsFile', message: expect.stringContaining(notJson.secretsFile) as string });
    expect(JSON.stringify(problem)).not.toContain(webhookSecret.slice(0, 12));

    const missing = join(dir, 'no-such-secrets.json');
    const config = writeMode('config.json', { ...validData(), secretsFile: missing }, 0o644);
    expect(problemsOf(await loadConfig(config, { platform: 'linux' }))).toEqual([{ path: 'secretsFile', message: `${missing}: file not found` }]);
  });

  it('refuses a secret set in both files, and one for a channel the config does not list', async () => {
    const both = withSecretsFile({ staff: { pinHashes: [pinHash] }, help: { channels: [{ secret: webhookSecret }] } }, 0o600, {
      staff: { pinHashes: [pinHash] },
      help: { channels: [{ ...channel, secret: webhookSecret }] },
    });
    // The config holds secrets itself: only its owner may read it.
    chmodSync(both.file, 0o600);
    const problems = problemsOf(await loadConfig(both.file, { platform: 'linux' }));
    expect(problems.map((p) => p.path).sort()).toEqual(['help.channels[0].secret', 'staff.pinHashes']);
    for (const problem of problems) expect(problem.message).toMatch(/also in the config/);
    const extra = withSecretsFile({ help: { channels: [{ secret: webhookSecret }] } });
    expect(problemsOf(await loadConfig(extra.file, { platform: 'linux' }))).toEqual([
      { path: 'help.channels[0].secret', message: expect.stringMatching(/channel 1, which the config's "help.channels" does not list/) as string },
    ]);
  });

  it('a config that names no secrets file needs none; the default configs load as they are shipped', async () => {
    expect((await loadConfig(join(repoRoot, 'kiosk-config', 'default.json'), { platform: 'linux' })).ok).toBe(true);
    expect((await loadConfig(join(repoRoot, 'kiosk-config', 'workstation.json'), { platform: 'linux' })).ok).toBe(true);
  });
});
