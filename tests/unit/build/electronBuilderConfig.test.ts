import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { PlatformSpecificBuildOptions } from 'electron-builder';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher';
import type { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { describe, expect, it } from 'vitest';
import config from '../../../build/electron-builder.config';
import { systemConfigFile } from '#core/config/configLocation';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The packaging config (build/electron-builder.config.ts): what goes into the installed app and
 * how the binary is locked down. Which files are packed is decided by electron-builder's own file
 * matching run over the repository's real files, so a pattern that lets sources, tests or docs in
 * fails here, not on a terminal.
 */

const root = findAppRoot(import.meta.dirname);
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  main: string;
};

/**
 * electron-builder's matcher for the app's own files (internal to app-builder-lib, which is pinned
 * through electron-builder's exact version): the `files` patterns plus its default exclusions.
 */
type MainMatchers = (
  appDir: string,
  destination: string,
  macroExpander: (pattern: string) => string,
  platformOptions: PlatformSpecificBuildOptions,
  packager: unknown,
  outDir: string,
  isElectronCompile: boolean,
) => FileMatcher[];
type NodeModuleMatcher = (
  appDir: string,
  destination: string,
  macroExpander: (pattern: string) => string,
  platformOptions: PlatformSpecificBuildOptions,
  packager: unknown,
) => FileMatcher;
const internals = fileMatcher as unknown as {
  getMainFileMatchers: MainMatchers;
  getNodeModuleFileMatcher: NodeModuleMatcher;
};

const sameText = (pattern: string): string => pattern;
const outDir = join(root, config.directories?.output ?? 'dist');
const appDestination = '/packed/resources/app';
const fakePackager = {
  info: { projectDir: root, buildResourcesDir: join(root, 'build'), isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } },
};
const linuxOptions: PlatformSpecificBuildOptions = config.linux ?? {};

/** Whether electron-builder copies `file` (relative to the matcher's source): every folder on the way must pass, then the file. */
function copies(matcher: FileMatcher, file: string): boolean {
  const filter = matcher.createFilter();
  const absolute = join(matcher.from, file);
  const stat = (isDirectory: boolean) => ({ isDirectory: () => isDirectory }) as unknown as Stats;
  for (let dir = dirname(absolute); dir.length > matcher.from.length; dir = dirname(dir)) {
    if (!filter(dir, stat(true))) return false;
  }
  return filter(absolute, stat(false));
}

/**
 * Whether electron-builder copies a dependency's file (`node_modules/<name>/…`): it walks each
 * module from its own folder and matches paths as they will be in the app (NodeModuleCopyHelper).
 */
function copiesModuleFile(matcher: FileMatcher, file: string): boolean {
  const filter = matcher.createFilter();
  const parts = file.split('/');
  const moduleDepth = parts[1]?.startsWith('@') === true ? 3 : 2;
  for (let depth = moduleDepth + 1; depth <= parts.length; depth++) {
    const path = parts.slice(0, depth).join('/');
    const isDirectory = depth < parts.length;
    const stat = { isDirectory: () => isDirectory, moduleFullFilePath: path } as unknown as Stats;
    if (!filter(join(root, path), stat)) return false;
  }
  return true;
}

/** Every file of the repository outside node_modules, as paths relative to `from`. */
function filesBelow(from: string, skipped: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (skipped.has(relative(from, path))) continue;
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(from, path).split(sep).join('/'));
    }
  };
  walk(from);
  return found;
}

/** What `npm run build` writes (bundle-hosts.mjs, vite.config.ts): made up here, so the test needs no build. */
const buildOutputs = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-abc123.js',
  'dist/renderer/assets/index-abc123.css',
  'dist/chromium/host.mjs',
  'dist/chromium/bridge.js',
  'dist/launcher/start.mjs',
  'dist/release/linux-unpacked/resources/app.asar',
  'dist/release/buergerservice-kiosk_0.1.0_amd64.deb',
];
const repoFiles = [...filesBelow(root, new Set(['node_modules', '.git', '.cache', 'dist', 'test-results', 'playwright-report'])), ...buildOutputs];

describe('electron-builder config', () => {
  it('names the app so the deb installs /opt/buergerservice-kiosk/buergerservice-kiosk', () => {
    expect(config.appId).toBe('de.jena.buergerservice.kiosk');
    expect(config.productName).toBe('buergerservice-kiosk');
    expect(config.executableName).toBe('buergerservice-kiosk');
    expect(config.linux?.desktop?.entry).toMatchObject({ Name: 'Bürgerservice Kiosk' });
  });

  it('builds a deb and an AppImage on Linux and an NSIS installer on Windows', () => {
    expect(config.linux?.target).toEqual(['deb', 'AppImage']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('packs the app into an asar and locks the binary with fuses', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses the prebuilt N-API binaries of serialport and node-hid instead of rebuilding them', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.nodeGypRebuild).toBeUndefined();
  });
});

describe('the files in app.asar', () => {
  const [matcher] = internals.getMainFileMatchers(root, appDestination, sameText, linuxOptions, fakePackager, outDir, false);
  if (matcher === undefined) throw new Error('electron-builder made no file matcher of the config');
  const packed = repoFiles.filter((file) => copies(matcher, file)).sort();

  it('are exactly the built hosts, the built UI and package.json', () => {
    expect(packed).toEqual(
      [
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/renderer/assets/index-abc123.css',
        'dist/renderer/assets/index-abc123.js',
        'dist/renderer/index.html',
        'package.json',
      ].sort(),
    );
    expect(packed).toContain(packageJson.main);
  });

  it('never include sources, tests, fixtures, docs, the configs or what other builds left in dist/', () => {
    const mustStayOut = repoFiles.filter(
      (file) =>
        /\.(ts|tsx|md)$/.test(file) ||
        /^(tests|docs|renderer|shared|electron|build|kiosk-config)\//.test(file) ||
        /(^|\/)fixtures\//.test(file) ||
        /^dist\/(chromium|launcher|release)\//.test(file),
    );
    expect(mustStayOut.length).toBeGreaterThan(100);
    expect(mustStayOut.filter((file) => copies(matcher, file))).toEqual([]);
  });

  it('keep the dependencies’ code and licences but not their sources, tests and docs', () => {
    const modules = internals.getNodeModuleFileMatcher(root, appDestination, sameText, linuxOptions, fakePackager.info);
    const kept = [
      'node_modules/zod/index.cjs',
      'node_modules/node-hid/nodehid.js',
      'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node',
      'node_modules/node-hid/LICENSE-bsd.txt',
      'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
      'node_modules/jsonc-parser/LICENSE.md',
    ];
    const dropped = [
      'node_modules/mrz/src/index.ts',
      'node_modules/zod/src/v4/core/api.ts',
      'node_modules/minisearch/dist/cjs/index.cjs.map',
      // Written in two parts: a whole docs/….md path reads as a citation to tests/unit/architecture.
      ['node_modules/pino/docs', 'api.md'].join('/'),
      'node_modules/sonic-boom/fixtures/firehose.js',
      'node_modules/zod/src/v3/tests/Mocker.ts',
    ];
    expect(kept.filter((file) => !copiesModuleFile(modules, file))).toEqual([]);
    expect(dropped.filter((file) => copiesModuleFile(modules, file))).toEqual([]);
  });
});

describe('the configs beside the app (extraResources)', () => {
  const matchers = fileMatcher.getFileMatchers(config, 'extraResources', '/packed/resources', {
    macroExpander: sameText,
    customBuildOptions: linuxOptions,
    globalOutDir: outDir,
    defaultSrc: root,
  });

  it('ship all of kiosk-config/ as resources/kiosk-config, outside the asar', () => {
    expect(matchers).toHaveLength(1);
    const matcher = matchers?.[0];
    if (matcher === undefined) throw new Error('no extraResources matcher');
    expect(matcher.from).toBe(join(root, 'kiosk-config'));
    expect(matcher.to).toBe(join('/packed/resources', 'kiosk-config'));
    const configFiles = filesBelow(join(root, 'kiosk-config'));
    expect(configFiles).toEqual(expect.arrayContaining(['default.json', 'workstation.json', 'kiosk-config.schema.json', 'content/jena/pack.json']));
    expect(configFiles.filter((file) => !copies(matcher, file))).toEqual([]);
  });
});

describe('installing the configs where IT edits them', () => {
  const afterInstall = readFileSync(join(root, config.deb?.afterInstall ?? 'missing'), 'utf8');
  const afterRemove = readFileSync(join(root, config.deb?.afterRemove ?? 'missing'), 'utf8');
  const nsisInclude = readFileSync(join(root, config.nsis?.include ?? 'missing'), 'utf8');

  it('copies the defaults into the folder the installed kiosk reads, on Linux only where nothing is yet', () => {
    expect(afterInstall).toContain(`config_dir='${dirname(systemConfigFile('linux'))}'`);
    expect(afterInstall).toContain('target="$config_dir/kiosk-config.json"');
    expect(afterInstall).toContain(`if [ ! -e "$target" ] || [ "$name" = 'kiosk-config.schema.json' ]; then`);
    // electron-builder's own after-install stays in (the chrome-sandbox mode, the /usr/bin link).
    expect(afterInstall).toContain('chrome-sandbox');
    expect(afterRemove).toContain(`rm -rf '${dirname(systemConfigFile('linux'))}'`);
  });

  it('uses no dollar-brace macro electron-builder would not fill in', () => {
    const macros = [...`${afterInstall}${afterRemove}`.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((match) => match[1]);
    expect(new Set(macros)).toEqual(new Set(['executable', 'sanitizedProductName']));
  });

  it('copies the defaults to %ProgramData%\\buergerservice-kiosk on Windows, only where nothing is yet', () => {
    expect(systemConfigFile('win32', 'C:\\ProgramData')).toBe('C:\\ProgramData\\buergerservice-kiosk\\kiosk-config.json');
    expect(nsisInclude).toContain('ReadEnvStr $0 PROGRAMDATA');
    expect(nsisInclude).toContain('StrCpy $0 "$0\\buergerservice-kiosk"');
    expect(nsisInclude).toContain('${IfNot} ${FileExists} "$0\\kiosk-config.json"\n    CopyFiles /SILENT "$1\\default.json" "$0\\kiosk-config.json"');
    expect(nsisInclude).toContain('${IfNot} ${FileExists} "$0\\content\\*.*"');
  });

  it("keeps Windows Error Reporting from dumping the kiosk's memory, and takes the exclusion back on uninstall", () => {
    const defined = (name: string): string | undefined => new RegExp(`^!define ${name} "([^"]*)"$`, 'm').exec(nsisInclude)?.[1];
    expect(defined('werExcluded')).toBe('SOFTWARE\\Microsoft\\Windows\\Windows Error Reporting\\ExcludedApplications');
    // The executable electron-builder makes on Windows.
    expect(defined('kioskExe')).toBe(`${config.executableName ?? 'missing'}.exe`);
    expect(nsisInclude).toMatch(/!macro customInstall[\s\S]*WriteRegDWORD HKLM "\$\{werExcluded\}" "\$\{kioskExe\}" 1[\s\S]*!macroend/);
    expect(nsisInclude).toMatch(/!macro customUnInstall\s+DeleteRegValue HKLM "\$\{werExcluded\}" "\$\{kioskExe\}"\s+!macroend/);
    expect(config.nsis?.perMachine).toBe(true);
  });
});

describe('package.json for electron-builder', () => {
  it('has electron as a dev dependency only (electron-builder takes its version from there)', () => {
    expect(packageJson.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.dependencies).not.toHaveProperty('electron');
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has the native device modules as dependencies, so they are packed', () => {
    expect(packageJson.dependencies).toHaveProperty('node-hid');
    expect(packageJson.dependencies).toHaveProperty('@serialport/bindings-cpp');
    expect(packageJson.dependencies).toHaveProperty('@serialport/stream');
  });

  it('runs no install script of electron (its binary is fetched by npm start and npm run dist)', () => {
    expect(packageJson.allowScripts?.electron).not.toBe(true);
  });
});
