import type { Event, Session, WebContents } from 'electron';
import { isBlockedShortcut } from '#shared/kiosk/blockedShortcuts';
import { originOf } from '#core/ipc/originOf';

export { isBlockedShortcut } from '#shared/kiosk/blockedShortcuts';

/**
 * Same-origin check by exact comparison of scheme, host and port (no prefix matching). Compares the
 * parts rather than `URL.origin`, which is "null" for custom schemes such as `kiosk://` in Node.
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(appOrigin);
}

/** Denies every permission request and check on a session (deny by default). */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Cancels every device chooser a page could open (WebHID, Web Serial, WebUSB): the kiosk hands no
 * device to a page, and without a handler Electron would decide for itself.
 */
export function refuseDeviceChoosers(session: Pick<Session, 'on'>): void {
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

/** A window the desktop may try to close (Alt+F4 handled by the window manager, a close button). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Keeps the kiosk window open against every close but the kiosk's own quit (staff, shutdown):
 * `quitting` says whether the app is on its way out.
 */
export function refuseWindowClose(window: ClosableWindow, options: { quitting: () => boolean; refused: () => void }): void {
  window.on('close', (event) => {
    if (options.quitting()) return;
    event.preventDefault();
    options.refused();
  });
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Locks the kiosk UI's web contents: no navigation away, no new windows, no shortcuts, no menus. */
export function guardKioskContents(contents: GuardedContents, options: { appOrigin: string; devTools: boolean }): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnApp = (event: Event, url: string): void => {
    if (!isAppUrl(url, options.appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => {
    stayOnApp(event, url);
  });
  contents.on('will-frame-navigate', (event) => {
    stayOnApp(event, event.url);
  });
  contents.on('will-redirect', (event, url) => {
    stayOnApp(event, url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.on('context-menu', (event) => {
    event.preventDefault();
  });
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, options.devTools)) event.preventDefault();
  });
}

/** Cancels Web Bluetooth's device chooser: without a handler Electron picks the first device it finds. */
export function refuseBluetoothChooser(contents: Pick<WebContents, 'on'>): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

/**
 * Guards every new web contents (from `web-contents-created`): no Bluetooth chooser, and the kiosk
 * lock, unless `claimPortal` recognises it as a portal view, which the portal adapter guards itself.
 */
export function guardNewContents(
  contents: GuardedContents & { readonly session: object },
  options: { appOrigin: string; devTools: boolean; claimPortal: (contents: { readonly session: object }) => boolean },
): 'kiosk' | 'portal' {
  // Portal pages and the kiosk page alike: no page gets a Bluetooth device.
  refuseBluetoothChooser(contents);
  if (options.claimPortal(contents)) return 'portal';
  guardKioskContents(contents, options);
  return 'kiosk';
}
