// npm run dist: the kiosk's installers for this machine's platform, with electron-builder
// (build/electron-builder.config.ts): a deb and an AppImage on Linux, an NSIS installer on Windows,
// into dist/release. `npm run dist -- --dir` only lays out the unpacked app (no installer tools needed).
//
// The Electron zip is found first, before the build: in the Electron cache (electron_config_cache,
// else the usual one), else downloaded (ELECTRON_MIRROR), checked against the checksums the electron
// package ships. Without it the run ends with one line saying where to put it, exit code 2.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appRoot, ensureNode24, node24Env } from './node24.mjs';

/** Exit code when the Electron binary cannot be had (as for an invalid config: fix, then run again). */
const missingElectronExitCode = 2;

const node = ensureNode24();
if (node !== process.execPath) {
  // Node 24 loads the TypeScript config as it is (type stripping), like the rest of the build.
  const rerun = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: node24Env(node) });
  process.exit(rerun.status ?? 1);
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--dir');
if (unknown.length > 0) {
  console.error(`npm run dist: unknown argument ${unknown.join(' ')} (only --dir: the unpacked app without installers)`);
  process.exit(2);
}
const dirOnly = args.includes('--dir');

const builderPlatform = { linux: 'linux', win32: 'win' }[process.platform];
if (builderPlatform === undefined) {
  console.error(`npm run dist builds on Linux (deb, AppImage) and Windows (NSIS installer), not on ${process.platform}.`);
  process.exit(2);
}

const electronDir = join(appRoot, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
/** electron's own checksums for its release zips, so no SHASUMS file has to be fetched. */
const checksums = JSON.parse(readFileSync(join(electronDir, 'checksums.json'), 'utf8'));

/** The Electron cache the electron package and @electron/get use (env-paths "electron"). */
function electronCacheDir() {
  const configured = process.env.electron_config_cache;
  if (configured !== undefined && configured !== '') return configured;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'electron');
}

/** The zip where a person puts it (the cache folder itself) or where a download left it (a subfolder per URL). */
function zipInCache(cacheDir) {
  if (!existsSync(cacheDir)) return null;
  const candidates = [join(cacheDir, zipName)];
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    if (entry.isDirectory()) candidates.push(join(cacheDir, entry.name, zipName));
  }
  return candidates.find((file) => existsSync(file)) ?? null;
}

async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** Electron's own downloader (the one `npm start` uses): honours ELECTRON_MIRROR, caches the zip. */
async function downloadZip(cacheDir) {
  const getPath = createRequire(join(electronDir, 'package.json')).resolve('@electron/get');
  const { downloadArtifact } = await import(pathToFileURL(getPath).href);
  return downloadArtifact({
    version: electronVersion,
    artifactName: 'electron',
    platform: process.platform,
    arch: process.arch,
    cacheRoot: cacheDir,
    checksums,
  });
}

function failMissingElectron(cacheDir, why) {
  console.error(
    `The Electron ${electronVersion} binary for ${process.platform}-${process.arch} is not available (${why}): ` +
      `set ELECTRON_MIRROR to a mirror that has it, or put ${zipName} into ${cacheDir} (electron_config_cache names another folder), then run npm run dist again.`,
  );
  process.exit(missingElectronExitCode);
}

/** The first line of an error's message, without its stack: the one line above must stay one line. */
function shortReason(error) {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message}${cause}`.split('\n')[0].trim();
}

async function findElectronZip() {
  const cacheDir = electronCacheDir();
  let zip = zipInCache(cacheDir);
  if (zip === null) {
    try {
      zip = await downloadZip(cacheDir);
    } catch (error) {
      failMissingElectron(cacheDir, `its download failed: ${shortReason(error)}`);
    }
  }
  const expected = checksums[zipName];
  if (expected !== undefined && (await sha256(zip)) !== expected) {
    failMissingElectron(cacheDir, `${zip} does not match the electron package's checksum; delete it`);
  }
  return zip;
}

const electronZip = await findElectronZip();

const build = spawnSync(node, [join(appRoot, 'build', 'tools', 'run.mjs'), 'build'], { cwd: appRoot, stdio: 'inherit', env: node24Env(node) });
if (build.status !== 0) process.exit(build.status ?? 1);

const { default: config } = await import(pathToFileURL(join(appRoot, 'build', 'electron-builder.config.ts')).href);
const { default: builder } = await import('electron-builder');
try {
  await builder.build({
    projectDir: appRoot,
    [builderPlatform]: dirOnly ? ['dir'] : [],
    publish: 'never',
    config: {
      ...config,
      electronDist: electronZip,
      // A zip given as electronDist is unpacked as it is; drop Electron's sample app the way
      // electron-builder does with the zips it downloads itself.
      afterExtract: async (context) => {
        await rm(join(context.appOutDir, 'resources', 'default_app.asar'), { force: true });
      },
    },
  });
} catch (error) {
  console.error(`npm run dist failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`Done: ${join(appRoot, 'dist', 'release')}`);
