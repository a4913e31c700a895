// electron-builder's config for `npm run dist` (build/tools/dist.mjs): the Electron host as a deb
// and an AppImage on Linux, an NSIS installer on Windows. TypeScript, so tsc and ESLint check it;
// electron-builder, Node 24 and Vitest all load it as it is.
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'de.jena.buergerservice.kiosk',
  // The deb installs to /opt/<productName>/<executableName>; the systemd and cage units start
  // /opt/buergerservice-kiosk/buergerservice-kiosk, so neither name may change.
  productName: 'buergerservice-kiosk',
  executableName: 'buergerservice-kiosk',
  copyright: 'Stadt Jena',
  // dist/ is ignored by git, ESLint and Prettier; the app's own files come from dist/electron and dist/renderer.
  directories: { output: 'dist/release' },
  // The deb needs a project URL and the package.json has none.
  extraMetadata: { homepage: 'https://www.jena.de/' },

  // Only what the packaged app runs: the bundled hosts (esbuild), the built UI (Vite) and
  // package.json ("main"). electron-builder adds the production dependencies itself, never the
  // dev dependencies; sources, tests, fixtures and docs are not listed, so they stay out. From the
  // dependencies, the exclusions drop what some of them publish beside their code: TypeScript
  // sources, source maps, tests, fixtures, docs and examples (their licences stay).
  files: [
    'dist/electron/**/*',
    'dist/renderer/**/*',
    'package.json',
    '!**/node_modules/**/*.{ts,tsx,mts,cts,map}',
    '!**/node_modules/**/{test,tests,__tests__,fixtures,docs,example,examples}/**',
  ],
  // The configs and the content pack stay outside the asar, so IT can change them without a
  // rebuild. They are the defaults: the installers copy them to /etc/buergerservice-kiosk or
  // %ProgramData%\buergerservice-kiosk when nothing is there yet (electron/core/config/configLocation.ts).
  extraResources: [{ from: 'kiosk-config', to: 'kiosk-config', filter: ['**/*'] }],
  asar: true,
  // serialport and node-hid ship prebuilt N-API binaries that Electron loads as they are: no
  // node-gyp rebuild against Electron's headers (it would need a compiler and the network).
  npmRebuild: false,
  buildDependenciesFromSource: false,

  // Locks the binary to the kiosk's own app.asar: no running as plain Node, no NODE_OPTIONS, no
  // inspector, no loading code from outside the (integrity-checked) asar, no file:// extras.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },

  linux: {
    target: ['deb', 'AppImage'],
    category: 'Utility',
    // The deb's Maintainer field; the package.json has no author.
    maintainer: 'Stadt Jena, Bürgerservice <buergerservice@jena.de>',
    synopsis: 'Self-service kiosk of the Bürgerservice Jena',
    desktop: { entry: { Name: 'Bürgerservice Kiosk' } },
  },
  deb: {
    // electron-builder's own maintainer scripts plus the config in /etc (never overwritten).
    afterInstall: 'build/deploy/debian/after-install.sh',
    afterRemove: 'build/deploy/debian/after-remove.sh',
  },

  win: { target: ['nsis'] },
  nsis: {
    // Installed for the machine by IT (administrator), which is also what %ProgramData% needs.
    oneClick: false,
    perMachine: true,
    allowToChangeInstallationDirectory: false,
    shortcutName: 'Bürgerservice Kiosk',
    uninstallDisplayName: 'Bürgerservice Kiosk ${version}',
    include: 'build/deploy/windows/installer.nsh',
    deleteAppDataOnUninstall: false,
  },
};

export default config;
