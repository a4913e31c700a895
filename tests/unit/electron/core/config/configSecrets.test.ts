import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configRefusal, inlineSecrets, mergeSecrets, readableByOthers, readWithMode, secretsFileRefusal } from '#core/config/configSecrets';

const secret = 'secret-value-0123456789abcdef0123456789abcdef';

describe('config secrets', () => {
  it('a file is readable by others when its "other" read bit is set; on Windows never (ACLs decide there)', () => {
    expect(readableByOthers(0o100644, 'linux')).toBe(true);
    expect(readableByOthers(0o100604, 'darwin')).toBe(true);
    for (const mode of [0o100600, 0o100640, 0o100400, 0o100660, 0o100602]) expect(readableByOthers(mode, 'linux'), mode.toString(8)).toBe(false);
    expect(readableByOthers(0o100644, 'win32')).toBe(false);
  });

  it('reads a file with the mode of that same open file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'config-secrets-')), 'a.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o640);
    expect(await readWithMode(file)).toEqual({ ok: true, text: '{}', mode: expect.any(Number) as number });
    const read = await readWithMode(file);
    expect(read.ok && read.mode & 0o777).toBe(0o640);
    expect(await readWithMode(join(file, '..', 'missing.json'))).toEqual({ ok: false, code: 'ENOENT' });
  });

  it('finds the secrets a config holds itself, by key, whatever their values', () => {
    expect(inlineSecrets({ terminal: {}, staff: { lockAfterSeconds: 60 } })).toEqual([]);
    expect(inlineSecrets({ staff: { pinHashes: [] }, help: { channels: [{ kind: 'webhook' }, { secret: 42 }] } })).toEqual([
      'staff.pinHashes',
      'help.channels[1].secret',
    ]);
    expect(inlineSecrets([1, 2])).toEqual([]);
    expect(inlineSecrets(null)).toEqual([]);
  });

  it('refusals are one line each, naming the file and the fix', () => {
    for (const line of [configRefusal('/etc/k/kiosk-config.json', ['staff.pinHashes']), secretsFileRefusal('/etc/k/secrets.json')]) {
      expect(line).not.toContain('\n');
      expect(line).toMatch(/chmod o-rwx "\/etc\/k\/[a-z-]+\.json"/);
      expect(line).toMatch(/The kiosk was not started\.$/);
    }
  });

  it('merges only what the secrets file holds, and leaves anything else for the schema to report', () => {
    const config = { help: { channels: 'not a list' }, staff: { lockAfterSeconds: 60 } };
    expect(mergeSecrets(config, { help: { channels: [] } }, '/s.json')).toEqual({ ok: true, data: config });
    expect(mergeSecrets(config, { staff: { pinHashes: ['h'] } }, '/s.json')).toEqual({
      ok: true,
      data: { ...config, staff: { lockAfterSeconds: 60, pinHashes: ['h'] } },
    });
    const merged = mergeSecrets({ help: { channels: [{ kind: 'webhook' }] } }, { help: { channels: [{ secret }] } }, '/s.json');
    expect(merged).toEqual({ ok: true, data: { help: { channels: [{ kind: 'webhook', secret }] } } });
  });
});
