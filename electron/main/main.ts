/**
 * Electron host: composition root. Everything with logic lives in core or in the small adapter
 * modules beside this file; this file only wires them to Electron's objects.
 */
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, protocol, session } from 'electron';
import { join, resolve } from 'node:path';
import { rendererRoot } from '../core/app/appPaths';
import { createKioskCore } from '../core/app/kioskCore';
import { prepareStartup } from '../core/app/startup';
import { appOrigin, appSchemePrivileges, createAppProtocolHandler, appScheme } from './appProtocol';
import { installIpcBridge, sendKioskEvent } from './ipcBridge';
import { denyAllPermissions, guardKioskContents } from './kioskGuards';
import { kioskWindowOptions } from './windowOptions';
import { configArgument } from './configArgument';

/** dist/electron/main.cjs → the app root two levels up. */
const appRoot = resolve(__dirname, '..', '..');
const devTools = !app.isPackaged && process.env.KIOSK_DEVTOOLS === '1';

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const startup = await prepareStartup({
    appRoot,
    cliConfigPath: configArgument(process.argv),
    env: process.env,
    cwd: process.cwd(),
  });
  if (!startup.ok) {
    console.error(startup.report);
    app.exit(2);
    return;
  }
  const { config, logger } = startup;
  await app.whenReady();
  Menu.setApplicationMenu(null);
  denyAllPermissions(session.defaultSession);
  session.defaultSession.protocol.handle(appScheme, createAppProtocolHandler(rendererRoot(appRoot)));
  app.on('web-contents-created', (_event, contents) => {
    guardKioskContents(contents, { appOrigin, devTools });
  });

  const window = new BrowserWindow(kioskWindowOptions({ preloadPath: join(__dirname, 'preload.cjs'), devTools }));
  const contents = window.webContents;
  const core = createKioskCore({
    config,
    logger,
    reloadUi: () => {
      contents.reload();
    },
  });
  installIpcBridge({ ipcMain, router: core.router, kioskContents: () => (contents.isDestroyed() ? null : contents), appOrigin });
  core.onEvent(({ event, payload }) => {
    sendKioskEvent(contents, event, payload);
  });

  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  window.once('ready-to-show', () => {
    window.show();
  });
  let crashes = 0;
  contents.on('render-process-gone', (_event, details) => {
    crashes += 1;
    // A fresh page first, then the reset: the new page confirms it, so nothing of the session survives.
    logger.error({ event: 'ui-crash', reason: details.reason, crashes }, 'kiosk UI gone; reloading');
    contents.reload();
    void core.session.reset('trigger');
  });
  contents.on('unresponsive', () => {
    logger.error({ event: 'ui-hang' }, 'kiosk UI unresponsive; reloading');
    contents.forcefullyCrashRenderer();
    contents.reload();
  });
  app.on('second-instance', () => {
    window.focus();
  });
  app.on('window-all-closed', () => {
    powerSaveBlocker.stop(blocker);
    void core.dispose().finally(() => {
      app.quit();
    });
  });
  await window.loadURL(`${appOrigin}/`);
  logger.info({ event: 'ready', host: 'electron' }, 'kiosk ready');
}
