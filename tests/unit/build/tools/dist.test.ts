import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * `npm run dist` (build/tools/dist.mjs) where the Electron binary cannot be had: one line saying
 * what to do, exit code 2, before anything is built. The download goes to a port nothing listens
 * on, so it fails at once, and the cache is an empty folder of the test's own.
 */

const root = findAppRoot(import.meta.dirname);
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Runs dist.mjs with `cache` as electron_config_cache and a mirror that refuses every download. */
function runDist(cache: string): { status: number | null; lines: string[] } {
  const env: NodeJS.ProcessEnv = {};
  // npm's own electron_mirror settings would win over ELECTRON_MIRROR: leave them out.
  for (const [key, value] of Object.entries(process.env)) if (!/electron_(mirror|config_cache)/i.test(key)) env[key] = value;
  const result = spawnSync(process.execPath, [join(root, 'build', 'tools', 'dist.mjs')], {
    cwd: root,
    env: { ...env, electron_config_cache: cache, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_GET_NO_PROGRESS: '1' },
    encoding: 'utf8',
    timeout: 25_000,
  });
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, lines };
}

function emptyCache(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kiosk-dist-cache-'));
  folders.push(folder);
  return folder;
}

describe('npm run dist without the Electron binary', () => {
  it('says so in one line naming ELECTRON_MIRROR and electron_config_cache, and exits with 2', { timeout: 30_000 }, () => {
    const cache = emptyCache();
    const { status, lines } = runDist(cache);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    const [line = ''] = lines;
    expect(line).toContain('ELECTRON_MIRROR');
    expect(line).toContain('electron_config_cache');
    expect(line).toContain(`put ${zipName} into ${cache}`);
    expect(line).toContain('download failed');
  });

  it('refuses a zip in the cache that is not the electron package’s, in one line too', { timeout: 30_000 }, () => {
    const cache = emptyCache();
    writeFileSync(join(cache, zipName), 'not Electron');
    const { status, lines } = runDist(cache);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${join(cache, zipName)} does not match`);
    expect(lines[0]).toContain('ELECTRON_MIRROR');
  });
});
