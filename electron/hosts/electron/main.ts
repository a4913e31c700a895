/**
 * Electron host: composition root. Everything with logic lives in core or in the small adapter
 * modules beside this file; this file only wires them to Electron's objects.
 */
import { app, BrowserWindow, clipboard, ipcMain, Menu, powerSaveBlocker, protocol, session, type Clipboard } from 'electron';
import { join, resolve } from 'node:path';
import { rendererRoot } from '#core/app/appPaths';
import { createKioskCore } from '#core/app/kioskCore';
import { disableCoreDumps } from '#core/app/crashLeftovers';
import { installFatalErrorHandlers } from '#core/app/fatalErrors';
import { checkProductionStart } from '#core/app/productionMode';
import { prepareStartup } from '#core/app/startup';
import type { Logger } from '#core/logging/logger';
import { createNodeHidAccess } from '#core/devices/transport/nodeHidAccess';
import { openSerialPort } from '#core/devices/transport/serialPortLink';
import { appOrigin, appSchemePrivileges, createAppProtocolHandler, appScheme } from './appProtocol';
import { installIpcBridge, sendKioskEvent } from './ipcBridge';
import { restartExitCode } from '#shared/exitCodes';
import { denyAllPermissions, guardNewContents, refuseDeviceChoosers, refuseWindowClose } from './kioskGuards';
import { kioskPartition, kioskWindowOptions } from './windowOptions';
import { configArgument } from './configArgument';
import { installUiRecovery, logChildProcessGone } from './uiRecovery';
import { electronPortalSurface } from './portal/electronPortalDeps';
import { PortalContentsGate } from './portal/portalContentsGate';

/** dist/electron/main.cjs → the app root two levels up. */
const appRoot = resolve(__dirname, '..', '..');
const devTools = !app.isPackaged && process.env.KIOSK_DEVTOOLS === '1';

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
// Read-aloud on Linux goes through speech-dispatcher, which Chromium only uses when asked to.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher');

/** The log once it is open, for errors nobody caught. */
let hostLogger: Logger | null = null;
installFatalErrorHandlers(process, {
  logger: () => hostLogger,
  exit: (code) => {
    app.exit(code);
  },
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    // Never a window-less Electron hanging around: say why and exit, so a supervisor restarts it.
    console.error(`Kiosk failed to start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const cliConfigPath = configArgument(process.argv);
  if (cliConfigPath === null) {
    console.error('--config needs a file: --config <file>. The kiosk was not started.');
    app.exit(2);
    return;
  }
  const startup = await prepareStartup({
    appRoot,
    cliConfigPath,
    env: process.env,
    cwd: process.cwd(),
    packaged: app.isPackaged ? { resourcesPath: process.resourcesPath } : undefined,
  });
  if (!startup.ok) {
    console.error(startup.report);
    app.exit(2);
    return;
  }
  const { config, logger } = startup;
  hostLogger = logger;
  disableCoreDumps(logger);
  const production = checkProductionStart(config, process.env, { host: 'electron', cdpPort: undefined, devTools: process.env.KIOSK_DEVTOOLS === '1' });
  if (production.refusals.length > 0) {
    for (const line of production.refusals) console.error(line);
    logger.error({ event: 'production-refused', refusals: production.refusals }, 'production mode refused this start');
    app.exit(2);
    return;
  }
  logChildProcessGone(app, logger);
  await app.whenReady();
  Menu.setApplicationMenu(null);
  // The kiosk page runs in an in-memory partition (windowOptions.ts); the default session is locked down too.
  const kioskSession = session.fromPartition(kioskPartition);
  denyAllPermissions(session.defaultSession);
  denyAllPermissions(kioskSession);
  refuseDeviceChoosers(session.defaultSession);
  refuseDeviceChoosers(kioskSession);
  // The kiosk UI never downloads anything (portal downloads are handled per portal session).
  kioskSession.on('will-download', (event) => {
    event.preventDefault();
  });
  kioskSession.protocol.handle(appScheme, createAppProtocolHandler(rendererRoot(appRoot)));
  // Every web contents is locked to the kiosk's origin, except the portal view being created by
  // the portal surface right now (it gets the portal policies instead; see PortalContentsGate).
  const portalGate = new PortalContentsGate();
  app.on('web-contents-created', (_event, contents) => {
    guardNewContents(contents, { appOrigin, devTools, claimPortal: (created) => portalGate.claim(created) });
  });

  const window = new BrowserWindow(kioskWindowOptions({ preloadPath: join(__dirname, 'preload.cjs'), devTools }));
  const contents = window.webContents;
  const portalSurface = electronPortalSurface({
    window,
    kioskContents: () => (contents.isDestroyed() ? null : contents),
    gate: portalGate,
    logger,
  });
  const content = await startup.content;
  const core = createKioskCore({
    config,
    logger,
    reloadUi: () => {
      contents.reload();
    },
    deviceAccess: { openSerial: openSerialPort, hid: createNodeHidAccess(), dataDir: startup.dataDir },
    dataDir: startup.dataDir,
    content,
    portalSurface,
    clearClipboard: () => {
      clipboard.clear();
      // Linux: the primary selection (middle-click paste) holds whatever was last selected. The
      // property is undefined on other platforms, although the typings do not say so.
      (clipboard.selection as Clipboard | undefined)?.clear();
      return Promise.resolve();
    },
    // Staff restart or quit: the same contract as the Chromium host. The process exits with the
    // code (restartExitCode 75: the launcher or systemd starts it again; 0: it stays stopped).
    // Not app.relaunch(): the relaunched process would run outside the launcher's and systemd's
    // view of the kiosk, and systemd would stop it together with the old one.
    exit: (code) => {
      void core.dispose().finally(() => {
        app.exit(code);
      });
    },
  });
  // Devices connect in the background; their health reaches the UI as events.
  void core.startDevices();
  installIpcBridge({ ipcMain, router: core.router, kioskContents: () => (contents.isDestroyed() ? null : contents), appOrigin });
  core.onEvent(({ event, payload }) => {
    sendKioskEvent(contents, event, payload);
  });

  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  window.once('ready-to-show', () => {
    window.show();
  });
  installUiRecovery(contents, { uiFailed: (reason) => core.uiFailed(reason), resetSession: () => core.session.reset('trigger'), logger });
  app.on('second-instance', () => {
    window.focus();
  });
  // The desktop's close (Alt+F4 in the window manager, a close button) never ends the kiosk; only
  // its own quit does (staff's quit and restart exit directly, a shutdown's SIGTERM quits the app).
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  refuseWindowClose(window, {
    quitting: () => quitting,
    refused: () => {
      logger.warn({ event: 'kiosk-window-close-refused' }, 'the desktop tried to close the kiosk window; it stays');
    },
  });
  app.on('window-all-closed', () => {
    powerSaveBlocker.stop(blocker);
    // The window went all the same (it crashed with its renderer process, or was destroyed): the
    // restart code brings the kiosk back through the launcher or systemd instead of leaving the terminal dark.
    const code = quitting ? 0 : restartExitCode;
    logger.warn({ event: 'kiosk-window-gone', code }, 'the kiosk window is gone; the kiosk ends');
    void core.dispose().finally(() => {
      app.exit(code);
    });
  });
  if (devTools) contents.openDevTools({ mode: 'detach' });
  await window.loadURL(`${appOrigin}/`);
  logger.info({ event: 'ready', host: 'electron' }, 'kiosk ready');
}
