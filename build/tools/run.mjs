// Entry point of the npm scripts that need Node 24 (start, build, test, bench, soak, content:import, staff:pin). Runs on any Node,
// provides Node 24 where the machine's is too old, then does the task with it.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { appRoot, ensureNode24, node24Env } from './node24.mjs';
import { ensureSystemPrerequisites, runtimePackages } from './system-prerequisites.mjs';

const [task, ...args] = process.argv.slice(2);
const node = ensureNode24();
const env = node24Env(node);

function runSync(scriptArgs, options = {}) {
  const result = spawnSync(node, scriptArgs, { cwd: appRoot, env, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function build({ quiet }) {
  runSync([join(appRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', ...(quiet ? ['--logLevel', 'warn'] : [])]);
  runSync([join(appRoot, 'build', 'tools', 'bundle-hosts.mjs')]);
}

/** Exit code of a restart asked for by staff (restartExitCode in shared/contract/staffContract.ts). */
const restartExitCode = 75;

/**
 * Runs a long-lived child with the terminal attached and passes Ctrl-C / SIGTERM on to it.
 * `restartOnRequest`: a child that exits with restartExitCode is started again (staff restarted the kiosk).
 */
function runForeground(scriptArgs, { restartOnRequest = false } = {}) {
  let child;
  let stopping = false;
  const startChild = () => {
    // npm runs scripts in the project folder; relative --config paths mean the caller's folder.
    child = spawn(node, scriptArgs, { cwd: process.env.INIT_CWD ?? process.cwd(), env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (restartOnRequest && code === restartExitCode && !stopping) {
        console.log('Restart asked for by staff: starting the kiosk again.');
        startChild();
        return;
      }
      process.exit(code ?? (signal ? 1 : 0));
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
  }
  startChild();
}

/** Bundles TypeScript that imports core modules into .cache/<name>/<name>.mjs for Node (packages stay in node_modules); returns the file. */
async function bundleForNode(name, source) {
  const { build: esbuild } = await import('esbuild');
  const outfile = join(appRoot, '.cache', name, `${name}.mjs`);
  await esbuild({ ...source, outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  return outfile;
}

/** Runs a command-line tool of electron/tools: bundles a short entry that calls it, then runs that. */
async function runTsCli(name, entry) {
  const outfile = await bundleForNode(name, { stdin: { contents: entry, resolveDir: appRoot, sourcefile: `${name}.ts`, loader: 'ts' } });
  runForeground([outfile, ...args]);
}

switch (task) {
  case 'build':
    build({ quiet: false });
    break;
  case 'start':
    // Chromium is the fallback where Electron's binary cannot be downloaded: installed like the tests' prerequisites.
    if (!ensureSystemPrerequisites(runtimePackages)) process.exit(1);
    build({ quiet: true });
    runForeground([join(appRoot, 'dist', 'launcher', 'start.mjs'), ...args]);
    break;
  case 'start:chromium':
    if (!ensureSystemPrerequisites(runtimePackages)) process.exit(1);
    build({ quiet: true });
    runForeground([join(appRoot, 'dist', 'chromium', 'host.mjs'), ...args], { restartOnRequest: true });
    break;
  case 'test':
    runForeground([join(appRoot, 'build', 'tools', 'test-all.mjs'), ...args]);
    break;
  case 'bench': {
    build({ quiet: true });
    // The bench is TypeScript importing core modules: bundle it once, then run it.
    const outfile = await bundleForNode('bench', { entryPoints: [join(appRoot, 'tests', 'bench', 'bench.ts')] });
    runForeground([outfile, ...args]);
    break;
  }
  case 'soak': {
    build({ quiet: true });
    // The endurance run is TypeScript like the bench: bundle it once, then run it.
    const outfile = await bundleForNode('soak', { entryPoints: [join(appRoot, 'tests', 'soak', 'soak.ts')] });
    runForeground([outfile, ...args]);
    break;
  }
  case 'content:import':
    await runTsCli(
      'content-import',
      "import { runImportCli } from './electron/tools/contentImport/importCli';\n" +
        'process.exitCode = await runImportCli(process.argv.slice(2), process.cwd(), { info: (line) => console.log(line), error: (line) => console.error(line) });\n',
    );
    break;
  case 'staff:pin':
    await runTsCli(
      'staff-pin',
      "import { runPinCli, terminalPinIo } from './electron/tools/staffPin/pinCli';\n" + 'process.exitCode = await runPinCli(terminalPinIo());\n',
    );
    break;
  default:
    console.error(`unknown task "${String(task)}" (expected build, start, start:chromium, test, bench, soak, content:import or staff:pin)`);
    process.exit(2);
}
