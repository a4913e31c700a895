import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary, type ElectronBinary } from '#electron/launcher/electronBinary';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * Which host the end-to-end tests drive: the Chromium host (default, and CI here), or Electron
 * with `KIOSK_HOST=electron` through Playwright's `_electron.launch` against the development build
 * (dist/electron/main.cjs with the stock Electron binary, whose fuses still allow the inspector).
 */
export const e2eHost: 'electron' | 'chromium' = process.env.KIOSK_HOST === 'electron' ? 'electron' : 'chromium';

/** Why a spec runs on the Chromium host only, for `test.skip`. */
export const chromiumHostOnly = 'drives the Chromium host itself (its process, CDP port or browser); the Electron leg has its own paths for this';

/** The Electron binary for the Electron leg; one download attempt, as `npm start` makes. */
export function electronForTests(): ElectronBinary {
  const appRoot = findAppRoot(import.meta.dirname);
  return findElectronBinary(appRoot, {
    exists: existsSync,
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
    runDownload: (installScript) => {
      const result = spawnSync(process.execPath, [installScript], { encoding: 'utf8', timeout: 120_000 });
      const output = `${result.stdout}\n${result.stderr}`.trim().split('\n');
      return { status: result.status, lastLine: (output.at(-1) ?? '').trim().slice(0, 160) };
    },
  });
}

/** The development build's Electron entry. */
export const electronMain = (appRoot: string): string => join(appRoot, 'dist', 'electron', 'main.cjs');
