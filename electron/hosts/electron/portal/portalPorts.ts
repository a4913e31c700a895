import type { Debugger, Rectangle, Session, WebContents } from 'electron';

/**
 * The slices of Electron's objects the portal adapter uses. Kept as `Pick`s of the real types so
 * the real objects fit without wrappers, and small enough that unit tests can pass fakes.
 */

export type PortalDebugger = Pick<Debugger, 'attach' | 'detach' | 'isAttached' | 'sendCommand' | 'on'>;

export type PortalContents = Pick<
  WebContents,
  | 'on'
  | 'removeAllListeners'
  | 'setWindowOpenHandler'
  | 'loadURL'
  | 'reload'
  | 'navigationHistory'
  | 'insertText'
  | 'sendInputEvent'
  | 'printToPDF'
  | 'close'
  | 'isDestroyed'
> & { readonly debugger: PortalDebugger; readonly session: object };

export type PortalSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'on'
  | 'removeAllListeners'
  | 'fetch'
  | 'clearStorageData'
  | 'clearCache'
  | 'clearAuthCache'
  | 'clearHostResolverCache'
> & { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** A portal view as the adapter sees it; the composition places it in the kiosk window. */
export interface PortalViewHandle {
  readonly webContents: PortalContents;
  setBounds(bounds: Rectangle): void;
  /** Hidden while a kiosk dialog covers the area (a native view is drawn above the kiosk UI). */
  setVisible(visible: boolean): void;
  /** Adds the view to the kiosk window, above the kiosk UI. */
  show(): void;
  /** Takes the view out of the kiosk window. */
  remove(): void;
}

/** The kiosk UI's own web contents (Escape in the portal gives focus back to it). */
export type KioskContents = Pick<WebContents, 'focus' | 'isDestroyed'>;
