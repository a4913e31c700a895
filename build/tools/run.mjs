// Entry point of the npm scripts that need Node 24 (start, build, test, bench, content:import). Runs on any Node,
// provides Node 24 where the machine's is too old, then does the task with it.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { appRoot, ensureNode24, node24Env } from './node24.mjs';

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

/** Runs a long-lived child with the terminal attached and passes Ctrl-C / SIGTERM on to it. */
function runForeground(scriptArgs) {
  // npm runs scripts in the project folder; relative --config paths mean the caller's folder.
  const child = spawn(node, scriptArgs, { cwd: process.env.INIT_CWD ?? process.cwd(), env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

switch (task) {
  case 'build':
    build({ quiet: false });
    break;
  case 'start':
    build({ quiet: true });
    runForeground([join(appRoot, 'dist', 'launcher', 'start.mjs'), ...args]);
    break;
  case 'start:chromium':
    build({ quiet: true });
    runForeground([join(appRoot, 'dist', 'chromium', 'host.mjs'), ...args]);
    break;
  case 'test':
    runForeground([join(appRoot, 'build', 'tools', 'test-all.mjs'), ...args]);
    break;
  case 'bench': {
    build({ quiet: true });
    // The bench is TypeScript importing core modules: bundle it once, then run it.
    const { build: esbuild } = await import('esbuild');
    const outfile = join(appRoot, '.cache', 'bench', 'bench.mjs');
    await esbuild({ entryPoints: [join(appRoot, 'tests', 'bench', 'bench.ts')], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    runForeground([outfile, ...args]);
    break;
  }
  case 'content:import': {
    // The importer is TypeScript in core: bundle a two-line entry that runs it, then run that.
    const { build: esbuild } = await import('esbuild');
    const outfile = join(appRoot, '.cache', 'content-import', 'content-import.mjs');
    await esbuild({
      stdin: {
        contents: "import { runImportCli } from './electron/core/content/import/importCli';\n" +
          'process.exitCode = await runImportCli(process.argv.slice(2), process.cwd(), { info: (line) => console.log(line), error: (line) => console.error(line) });\n',
        resolveDir: appRoot,
        sourcefile: 'content-import.ts',
        loader: 'ts',
      },
      outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning',
    });
    runForeground([outfile, ...args]);
    break;
  }
  default:
    console.error(`unknown task "${String(task)}" (expected build, start, start:chromium, test, bench or content:import)`);
    process.exit(2);
}
