// Bundles the host side with esbuild: Electron main + preload, the Chromium host and its bridge
// script, and the `npm start` launcher. The renderer is built by Vite (vite.config.ts).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

// Electron's main bundle is CommonJS: ESM-only packages (mrz) are bundled in, the rest stay in node_modules.
const esmOnly = ['mrz'];
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const mainExternal = ['electron', ...Object.keys(pkg.dependencies).filter((name) => !esmOnly.includes(name))];

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  // Electron main: CommonJS, packages stay in node_modules; `electron` is provided at run time.
  build({ ...common, entryPoints: ['electron/hosts/electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: mainExternal }),
  // Sandboxed preload: may only require `electron`, so everything else is bundled in.
  build({
    ...common,
    entryPoints: ['electron/hosts/electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
    minify: true,
  }),
  build({ ...common, entryPoints: ['electron/hosts/chromium/host.ts'], outfile: 'dist/chromium/host.mjs', format: 'esm', packages: 'external' }),
  // Runs inside the kiosk page before its scripts: a self-contained browser script.
  build({
    ...common,
    platform: 'browser',
    target: 'chrome130',
    entryPoints: ['electron/hosts/chromium/bridge/bridgeScript.ts'],
    outfile: 'dist/chromium/bridge.js',
    format: 'iife',
    minify: true,
  }),
  build({ ...common, entryPoints: ['electron/launcher/start.ts'], outfile: 'dist/launcher/start.mjs', format: 'esm', packages: 'external' }),
]);
