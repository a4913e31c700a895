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

/**
 * Guards every new web contents (from `web-contents-created`): the kiosk lock, unless
 * `claimPortal` recognises it as a portal view, which the portal adapter guards itself.
 */
export function guardNewContents(
  contents: GuardedContents & { readonly session: object },
  options: { appOrigin: string; devTools: boolean; claimPortal: (contents: { readonly session: object }) => boolean },
): 'kiosk' | 'portal' {
  if (options.claimPortal(contents)) return 'portal';
  guardKioskContents(contents, options);
  return 'kiosk';
}
