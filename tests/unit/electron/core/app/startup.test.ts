import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareStartup } from '#core/app/startup';
import { findAppRoot } from '#tests/support/appRoot';

const appRoot = findAppRoot(import.meta.dirname);
const pinHash = 'scrypt$15$8$1$RvJHxHx2028MnWsIikk0Mw==$EEn1Y5rmA++53MDNFdPleMZrubeHiZZ+XVAL1fki5KY=';

describe('prepareStartup', () => {
  // File modes are POSIX; on Windows the installer's ACLs keep the config to the kiosk.
  it.skipIf(process.platform === 'win32')('refuses a config with secrets that everybody may read with one line, before anything is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-startup-'));
    const file = join(dir, 'kiosk-config.json');
    const config = {
      formatVersion: 1,
      terminal: { id: 'info-lobby', name: 'Informationsterminal Foyer', role: 'info', site: 'Bürgerservice Jena' },
      languages: { default: 'de', offered: ['de'] },
      staff: { pinHashes: [pinHash] },
    };
    writeFileSync(file, JSON.stringify(config));
    chmodSync(file, 0o644);
    const dataDir = join(dir, 'data');
    const result = await prepareStartup({ appRoot, cliConfigPath: file, env: { KIOSK_DATA_DIR: dataDir }, cwd: dir });
    expect(result.ok).toBe(false);
    const report = result.ok ? '' : result.report;
    expect(report.split('\n')).toEqual([expect.stringContaining(`chmod o-rwx "${file}"`)]);
    expect(report).not.toContain(pinHash);
    // Not even the log was opened: nothing starts half-configured.
    expect(existsSync(dataDir)).toBe(false);
  });
});
