/**
 * Chromium host: the same core and contract as the Electron host, on system Chromium through
 * playwright-core. Used for development, end-to-end tests and as a fallback runtime on Linux.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererRoot } from '#core/app/appPaths';
import { createKioskCore } from '#core/app/kioskCore';
import { disableCoreDumps, sweepStaleProfiles } from '#core/app/crashLeftovers';
import { installFatalErrorHandlers } from '#core/app/fatalErrors';
import { checkProductionStart } from '#core/app/productionMode';
import type { Logger } from '#core/logging/logger';
import { errorKind } from '#core/logging/logger';
import { prepareStartup } from '#core/app/startup';
import { createNodeHidAccess } from '#core/devices/transport/nodeHidAccess';
import { openSerialPort } from '#core/devices/transport/serialPortLink';
import { startAssetServer } from './assetServer';
import { hasDisplay, useSandbox } from './chromiumArgs';
import { watchHelperProcesses } from './childProcessWatch';
import { launchKioskBrowsers, type KioskBrowsers, type KioskContext } from './kioskBrowser';
import { parseHostOptions } from './hostOptions';
import { HeadlessClipboard } from './browserClipboard';
import { KioskPage } from './kioskPage';
import { createChromiumPortalSurface } from './portal/chromiumPortalSurface';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/chromium/host.mjs → the app root two levels up. */
const appRoot = resolve(here, '..', '..');

/** The log once it is open, for errors nobody caught. */
let hostLogger: Logger | null = null;
installFatalErrorHandlers(process, { logger: () => hostLogger, exit: (code) => process.exit(code) });

async function main(): Promise<number> {
  const parsed = parseHostOptions(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`Chromium host: ${parsed.message}`);
    return 2;
  }
  const { options } = parsed;
  const startup = await prepareStartup({ appRoot, cliConfigPath: options.configPath, env: process.env, cwd: process.cwd() });
  if (!startup.ok) {
    console.error(startup.report);
    return 2;
  }
  const { config, logger } = startup;
  hostLogger = logger;
  disableCoreDumps(logger);
  const production = checkProductionStart(config, process.env, { host: 'chromium', cdpPort: options.cdpPort, devTools: false });
  if (production.refusals.length > 0) {
    for (const line of production.refusals) console.error(line);
    logger.error({ event: 'production-refused', refusals: production.refusals }, 'production mode refused this start');
    return 2;
  }

  const uiRoot = rendererRoot(appRoot);
  const bridgeFile = join(here, 'bridge.js');
  if (!existsSync(join(uiRoot, 'index.html')) || !existsSync(bridgeFile)) {
    console.error('The kiosk is not built yet: run `npm run build` first.');
    return 1;
  }

  const headless = options.headless || !hasDisplay(process.env);
  if (!options.headless && headless) console.log('No display found (DISPLAY and WAYLAND_DISPLAY are unset): running headless.');

  const stale = await sweepStaleProfiles(tmpdir());
  if (stale > 0) logger.warn({ event: 'stale-profiles-removed', profiles: stale }, 'browser profiles of a killed run deleted');
  const server = await startAssetServer(uiRoot);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let browsers: KioskBrowsers;
  try {
    browsers = await launchKioskBrowsers({ headless, executablePath, cdpPort: options.cdpPort, sandbox: useSandbox(process.env, process.getuid?.()) });
  } catch (error) {
    await server.close();
    const reason = existsSync(executablePath)
      ? ((error as Error).message.split('\n')[0] ?? 'unknown error')
      : 'not found (install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH)';
    console.error(`Chromium at ${executablePath} could not be started: ${reason}`);
    return 1;
  }

  const url = `${server.origin}/`;
  let kioskPage: KioskPage | null = null;
  let kiosk: KioskContext | null = null;
  let closing = false;
  let helpers: { stop(): void } | null = null;
  const headlessClipboard = new HeadlessClipboard(browsers.portalBrowser);
  const portalSurface = config.portal === null ? undefined : createChromiumPortalSurface({ browser: browsers.portalBrowser, logger });
  const content = await startup.content;
  const core = createKioskCore({
    config,
    logger,
    reloadUi: () => kioskPage?.reload(),
    deviceAccess: { openSerial: openSerialPort, hid: createNodeHidAccess(), dataDir: startup.dataDir },
    dataDir: startup.dataDir,
    content,
    portalSurface,
    // The kiosk window's clipboard through its page; the headless browser's (the portal's pages,
    // or everything when headless) through a throwaway page, selection buffer included.
    clearClipboard: async () => {
      await Promise.all([kioskPage?.clearClipboard(), headlessClipboard.clear()]);
    },
    // Staff restart (restartExitCode: run.mjs or the launcher starts the host again) or quit (0).
    exit: (code) => {
      void shutdown(code);
    },
  });
  core.onEvent(({ event, payload }) => {
    kioskPage?.deliver(event, payload);
  });
  // Devices connect in the background; their health reaches the UI as events.
  void core.startDevices();

  /** Opens the kiosk page's context and page (headed: a new kiosk browser with its app window). */
  const showKiosk = async (): Promise<KioskPage> => {
    const opened = await browsers.openKioskContext();
    kiosk = opened;
    // The kiosk UI loads nothing but its own files.
    await opened.context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith(`${server.origin}/`)) void route.continue();
      else void route.abort('blockedbyclient');
    });
    // The kiosk page empties the clipboard at every reset (a portal page may have copied to it).
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    if (!headless) {
      // The kiosk browser itself went away (quit by a key, crashed): a new kiosk window replaces it.
      opened.context.on('close', () => {
        if (kiosk === opened) void replaceKioskWindow('kiosk-browser-closed');
      });
    }
    const page = await KioskPage.open({
      context: opened.context,
      firstPage: opened.page,
      url,
      origin: server.origin,
      bridgeFile,
      core: () => core,
      logger,
      onWindowLost: headless ? undefined : () => void replaceKioskWindow('kiosk-window-closed'),
    });
    // After a crash the fresh page shows the session's state; the reset then wipes it for good.
    page.onRecovered(() => void core.session.reset('trigger'));
    kioskPage = page;
    return page;
  };

  let replacing: Promise<void> | null = null;
  /** Headed: the kiosk window was closed or its browser quit; a new kiosk window takes its place and the session starts over. */
  const replaceKioskWindow = (reason: string): Promise<void> => {
    replacing ??= (async () => {
      if (closing) return;
      logger.error({ event: reason }, 'kiosk window gone; opening a new kiosk window');
      const old = kiosk;
      kiosk = null;
      kioskPage = null;
      await old?.close();
      try {
        await showKiosk();
        await core.session.reset('trigger');
      } catch (error) {
        logger.error({ event: 'kiosk-window-failed', err: errorKind(error) }, 'no new kiosk window could be opened; stopping');
        void shutdown(1);
      }
    })().finally(() => {
      replacing = null;
    });
    return replacing;
  };

  const shutdown = async (code: number): Promise<void> => {
    if (closing) return;
    closing = true;
    kioskPage?.shutdown();
    helpers?.stop();
    await core.dispose();
    await browsers.close();
    await server.close();
    logger.info({ event: 'shutdown' }, 'kiosk stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // The portal's browser (headless: the only one) went away: the host cannot go on without it.
  browsers.portalBrowser.on('disconnected', () => void shutdown(closing ? 0 : 1));

  // The clipboard's page is made while the kiosk page loads, and before the kiosk is ready, so no reset waits for it.
  const clipboardPrepared = headlessClipboard.prepare();
  const first = await showKiosk();
  await clipboardPrepared;
  // Chromium runs as this process's children: its helper processes dying are logged like Electron's child-process-gone.
  helpers = watchHelperProcesses({ rootPid: process.pid, logger });

  // Ready when the first screen shows: attract, or the out-of-order screen staff left switched on.
  await first.page?.waitForSelector('[data-screen="attract"], [data-screen="out-of-order"]', { timeout: 30_000 });
  logger.info({ event: 'ready', headless }, 'kiosk ready');
  console.log(`KIOSK_READY ${url}`);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`Chromium host failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
