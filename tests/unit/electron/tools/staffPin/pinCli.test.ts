import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPinCli, type PinCliIo } from '#electron/tools/staffPin/pinCli';
import { verifyPin } from '#core/staff/staffPin';
import { pinHashPattern } from '#shared/config/staffConfig';
import { findAppRoot } from '#tests/support/appRoot';

const appRoot = findAppRoot(import.meta.dirname);
const pin = '5820193746';

function fakeIo(lines: (string | null)[], interactive: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const io: PinCliIo = {
    interactive,
    readLine: (prompt) => {
      prompts.push(prompt);
      return Promise.resolve(lines.shift() ?? null);
    },
    info: (line) => out.push(line),
    error: (line) => err.push(line),
  };
  return { io, out, err, prompts };
}

function hashIn(text: string): string {
  const hash = text.split(/\s|"/).find((word) => pinHashPattern.test(word));
  if (hash === undefined) throw new Error('no hash printed');
  return hash;
}

describe('npm run staff:pin', () => {
  it('at a terminal asks twice and prints a hash that verifies, with the config snippet', async () => {
    const { io, out, err, prompts } = fakeIo([pin, pin], true);
    expect(await runPinCli(io)).toBe(0);
    expect(prompts).toHaveLength(2);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(await verifyPin(pin, hashIn(text))).toEqual({ ok: true, value: true });
    expect(text).toContain('"staff": {');
    expect(text).toContain('"pinHashes"');
    expect(text).not.toContain(pin);
  });

  it('refuses two different entries, anything but 6–12 digits, and no input, without repeating what was typed', async () => {
    const differ = fakeIo([pin, '5820193747'], true);
    expect(await runPinCli(differ.io)).toBe(1);
    expect(differ.out).toEqual([]);
    const letters = fakeIo(['12ab34'], false);
    expect(await runPinCli(letters.io)).toBe(1);
    expect(letters.err.join('\n')).not.toContain('12ab34');
    const short = fakeIo(['123'], false);
    expect(await runPinCli(short.io)).toBe(1);
    const none = fakeIo([null], false);
    expect(await runPinCli(none.io)).toBe(1);
    for (const run of [differ, letters, short, none]) expect([...run.out, ...run.err].join('\n')).not.toContain(pin);
  });

  it('refuses a PIN of 4 or 5 digits with a line that says 6 to 12, and makes no hash', async () => {
    for (const shortPin of ['4711', '47110']) {
      const run = fakeIo([shortPin, shortPin], true);
      expect(await runPinCli(run.io)).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err).toEqual([expect.stringContaining('6 to 12 digits')]);
      expect(run.err.join('\n')).not.toContain(shortPin);
    }
  });

  it('run for real with the PIN on stdin: prints a hash verifyPin accepts and never the PIN', async () => {
    const result = spawnSync(process.execPath, [join(appRoot, 'build', 'tools', 'run.mjs'), 'staff:pin'], {
      cwd: appRoot,
      input: `${pin}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(await verifyPin(pin, hashIn(result.stdout))).toEqual({ ok: true, value: true });
    expect(result.stdout).not.toContain(pin);
    expect(result.stderr).not.toContain(pin);
  });

  it('run for real with a malformed PIN: exit 1 and the input is not echoed', () => {
    const result = spawnSync(process.execPath, [join(appRoot, 'build', 'tools', 'run.mjs'), 'staff:pin'], {
      cwd: appRoot,
      input: '98765x\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).not.toContain('98765');
  });
});
