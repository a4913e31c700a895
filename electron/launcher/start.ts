/**
 * `npm start`: runs the kiosk on Electron (the product). Where the Electron binary is missing and
 * cannot be downloaded, says so in one line and runs the same kiosk on the Chromium host.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electronBinary';

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = resolve(here, '..', '..');
const args = process.argv.slice(2);

const binary = findElectronBinary(appRoot, {
  exists: existsSync,
  readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  runDownload: (installScript) => {
    const result = spawnSync(process.execPath, [installScript], { encoding: 'utf8', timeout: 300_000 });
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n');
    return { status: result.status, lastLine: (output.at(-1) ?? '').trim().slice(0, 160) };
  },
});

const [command, commandArgs] = binary.available
  ? [binary.path, [join(appRoot, 'dist', 'electron', 'main.cjs'), ...args]]
  : [process.execPath, [join(appRoot, 'dist', 'chromium', 'host.mjs'), ...args]];

if (!binary.available) {
  console.log(`Electron binary unavailable: ${binary.reason}. Starting the same kiosk on the Chromium host instead (\`npm run start:chromium\`).`);
}

const child = spawn(command, commandArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
