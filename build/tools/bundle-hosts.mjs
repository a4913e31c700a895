// Bundles the host side with esbuild: Electron main + preload, the Chromium host and its bridge
// script, and the `npm start` launcher. The renderer is built by Vite (vite.config.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// Electron's main bundle is CommonJS: ESM-only packages (mrz) are bundled in, the rest stay in node_modules.
const esmOnly = ['mrz'];
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const mainExternal = ['electron', ...Object.keys(pkg.dependencies).filter((name) => !esmOnly.includes(name))];

/**
 * The scripts that run inside pages (Electron's preload, the Chromium host's bridge) are bundled
 * whole, and zod's namespace brings every locale of its error messages along (about half of such a
 * script, sent and parsed with every kiosk page). The kiosk shows its own translated texts, never
 * zod's messages: only zod's default (English) locale is kept there.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/')
        ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: join(args.resolveDir, '..', 'locales') }
        : undefined,
    );
    // Resolved beside zod's own locales index, wherever the build is started from.
    plugin.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: args.pluginData,
    }));
  },
};

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
    plugins: [zodEnglishOnly],
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
    plugins: [zodEnglishOnly],
  }),
  build({ ...common, entryPoints: ['electron/launcher/start.ts'], outfile: 'dist/launcher/start.mjs', format: 'esm', packages: 'external' }),
]);
