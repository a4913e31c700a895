import type { Rectangle } from 'electron';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { PortalPageEvents } from '#core/portal/portalSurface';
import type { PortalContents, PortalSession, PortalViewHandle } from '#electron/hosts/electron/portal/portalPorts';
import type { PortalTile } from '#shared/config/portalConfig';

/** Fakes of the Electron objects the portal adapter uses (EventEmitters with spies). */

export const tile: PortalTile = {
  id: 'buergerportal',
  label: { de: 'Bürgerportal' },
  icon: 'globe',
  startUrl: 'https://portal.example.de/start',
  origins: ['https://portal.example.de', 'https://login.example.de'],
  permissions: ['camera'],
  printPdfs: true,
  uploadFolder: null,
} as unknown as PortalTile;

export function fakeEvents() {
  return {
    loading: vi.fn(),
    navigated: vi.fn(),
    blocked: vi.fn(),
    failed: vi.fn(),
    focus: vi.fn(),
    dialog: vi.fn(),
    download: vi.fn(),
    fileChooser: vi.fn(),
    refused: vi.fn(),
    frame: vi.fn(),
    activity: vi.fn(),
  } satisfies PortalPageEvents;
}

export function fakeEvent<T extends Record<string, unknown>>(extra: T = {} as T) {
  return { preventDefault: vi.fn(), defaultPrevented: false, ...extra };
}

export class FakeDebugger extends EventEmitter {
  attached = false;
  readonly commands: { method: string; params: unknown; sessionId?: string }[] = [];
  failAttach = false;
  readonly attach = vi.fn(() => {
    if (this.failAttach) throw new Error('cannot attach');
    this.attached = true;
  });
  readonly detach = vi.fn(() => {
    this.attached = false;
  });
  readonly isAttached = vi.fn(() => this.attached);
  readonly sendCommand = vi.fn((method: string, params?: unknown, sessionId?: string) => {
    this.commands.push(sessionId === undefined ? { method, params } : { method, params, sessionId });
    return Promise.resolve({});
  });
  /** Emits a CDP event as Electron does: (event, method, params, sessionId). */
  cdp(method: string, params: unknown, sessionId = ''): void {
    this.emit('message', {}, method, params, sessionId);
  }
}

export class FakeContents extends EventEmitter {
  destroyed = false;
  readonly debugger = new FakeDebugger();
  canGoBack = false;
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  constructor(readonly session: object) {
    super();
  }
  readonly navigationHistory = { canGoBack: vi.fn(() => this.canGoBack), goBack: vi.fn() };
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => unknown) => {
    this.windowOpenHandler = handler;
  });
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly reload = vi.fn();
  readonly insertText = vi.fn(() => Promise.resolve());
  readonly sendInputEvent = vi.fn();
  readonly printToPDF = vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7')));
  readonly close = vi.fn(() => {
    this.destroyed = true;
  });
  readonly isDestroyed = vi.fn(() => this.destroyed);
  asContents(): PortalContents {
    return this as unknown as PortalContents;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequest: ((...args: unknown[]) => void) | undefined;
  permissionCheck: ((...args: unknown[]) => boolean) | undefined;
  device: ((...args: unknown[]) => boolean) | undefined;
  displayMedia: ((...args: unknown[]) => void) | undefined;
  readonly setPermissionRequestHandler = vi.fn((handler: (...args: unknown[]) => void) => {
    this.permissionRequest = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.permissionCheck = handler;
  });
  readonly setDevicePermissionHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.device = handler;
  });
  readonly setDisplayMediaRequestHandler = vi.fn((handler: (...args: unknown[]) => void) => {
    this.displayMedia = handler;
  });
  readonly fetch = vi.fn<(url: string, init?: unknown) => Promise<Response>>(() =>
    Promise.resolve(new Response(new Uint8Array([37, 80, 68, 70]), { status: 200 })),
  );
  readonly clearStorageData = vi.fn(() => Promise.resolve());
  readonly clearCache = vi.fn(() => Promise.resolve());
  readonly clearAuthCache = vi.fn(() => Promise.resolve());
  readonly clearHostResolverCache = vi.fn(() => Promise.resolve());
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
  readonly webRequest = {
    onBeforeRequest: vi.fn((listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) => {
      this.beforeRequest = listener;
    }),
  };
  /** What the session's request filter answers for `url`. */
  requestCancelled(url: string): boolean {
    let cancel: boolean | undefined;
    this.beforeRequest?.({ url }, (response) => {
      cancel = response.cancel;
    });
    if (cancel === undefined) throw new Error('no request filter answered');
    return cancel;
  }
  asSession(): PortalSession {
    return this as unknown as PortalSession;
  }
}

export function fakeView(contents: FakeContents) {
  const view = {
    webContents: contents.asContents(),
    setBounds: vi.fn<(bounds: Rectangle) => void>(),
    setVisible: vi.fn<(visible: boolean) => void>(),
    show: vi.fn(),
    remove: vi.fn(),
  };
  return view satisfies PortalViewHandle;
}
