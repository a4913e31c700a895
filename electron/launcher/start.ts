/**
 * `npm start`: runs the kiosk on Electron (the product). Where the Electron binary is missing and
 * cannot be downloaded, says so in one line and runs the same kiosk on the Chromium host. Starts it
 * again when staff restart it (exit code 75, shared/exitCodes.ts); ends with its code otherwise. In
 * production mode (KIOSK_PRODUCTION=1) it never falls back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electronBinary';
import { restartRequested } from './restartPolicy';

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

if (!binary.available && process.env.KIOSK_PRODUCTION === '1') {
  console.error(`Production mode refuses to fall back to the Chromium host: the Electron binary is unavailable (${binary.reason}). Install the kiosk package.`);
  process.exit(2);
}
if (!binary.available) {
  console.log(`Electron binary unavailable: ${binary.reason}. Starting the same kiosk on the Chromium host instead (\`npm run start:chromium\`).`);
}

let child: ChildProcess;
let stopping = false;
/** Runs the kiosk; a restart asked for by staff starts it again, any other end ends the launcher with its code. */
function run(): void {
  child = spawn(command, commandArgs, { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (restartRequested(code, stopping)) {
      console.log('Restart asked for by staff: starting the kiosk again.');
      run();
      return;
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
}
run();
