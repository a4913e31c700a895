import type { PortalTile } from '#shared/config/portalConfig';
import type { PortalKey, PortalLayout } from '#shared/contract/portalContract';
import { decideNavigation } from '#core/portal/navigationPolicy';
import type { PortalPage, PortalPageEvents } from '#core/portal/portalSurface';
import { keyInputEvents } from './portalKeys';
import { releasePortalSession } from './portalSessionGuards';
import type { PortalSession, PortalViewHandle } from './portalPorts';

/**
 * One open portal page in Electron: a WebContentsView in its own in-memory partition. Every call
 * is safe after the page closed or its contents died (a no-op, or a rejection where a result is
 * expected), because the service may still be finishing a command when the session resets.
 */

export interface PortalPageParts {
  readonly tile: Pick<PortalTile, 'origins'>;
  readonly view: PortalViewHandle;
  readonly session: PortalSession;
  /** Already gated: silent once `closed()` is true. */
  readonly events: Pick<PortalPageEvents, 'blocked'>;
  /** Set while the page sends a key, so the Escape guard lets the UI's own Escape through. */
  readonly keyState: { sending: boolean };
  /** Marks the page closed (the events gate closes with it). */
  readonly markClosed: () => void;
  readonly closed: () => boolean;
}

/** Places the view at a layout: its rectangle, hidden while covered (null: not reported yet, hidden). */
export function placeView(view: Pick<PortalViewHandle, 'setBounds' | 'setVisible'>, layout: PortalLayout | null): void {
  if (layout === null) {
    view.setVisible(false);
    return;
  }
  view.setBounds({ x: layout.x, y: layout.y, width: layout.width, height: layout.height });
  view.setVisible(layout.visible);
}

/** Loads `url` in the view's main frame, if the tile's policy allows it (the kiosk's own navigations fire no will-navigate). */
export function loadChecked(parts: Pick<PortalPageParts, 'tile' | 'view' | 'events'>, url: string): void {
  const decision = decideNavigation(url, parts.tile, { frame: 'main' });
  if (!decision.allow) {
    parts.events.blocked({ reason: decision.reason, url: decision.url ?? null });
    return;
  }
  const contents = parts.view.webContents;
  try {
    if (contents.isDestroyed()) return;
    // Failures arrive as did-fail-load (reported there); the promise only repeats them.
    contents.loadURL(url).catch(() => undefined);
  } catch {
    // Destroyed between the check and the call.
  }
}

/** The PortalPage of one view. */
export function createElectronPortalPage(parts: PortalPageParts): PortalPage {
  const { view, session } = parts;
  const contents = view.webContents;
  const live = (): boolean => !parts.closed() && !contents.isDestroyed();
  const whenLive = (action: () => void): Promise<void> => {
    try {
      if (live()) action();
    } catch {
      // Destroyed while acting: the page is gone, the command has nothing left to do.
    }
    return Promise.resolve();
  };

  return {
    navigate: (url) => whenLive(() => loadChecked(parts, url)),
    back: () =>
      whenLive(() => {
        if (contents.navigationHistory.canGoBack()) contents.navigationHistory.goBack();
      }),
    reload: () => whenLive(() => contents.reload()),
    layout: (layout) => whenLive(() => placeView(view, layout)),
    type: async (text) => {
      if (!live()) return;
      try {
        await contents.insertText(text);
      } catch {
        // Destroyed while typing.
      }
    },
    key: (key: PortalKey) =>
      whenLive(() => {
        parts.keyState.sending = true;
        try {
          for (const event of keyInputEvents(key)) contents.sendInputEvent(event);
        } finally {
          parts.keyState.sending = false;
        }
      }),
    // Electron's view receives touch and mouse natively.
    pointer: () => Promise.resolve(),
    wheel: () => Promise.resolve(),
    printToPdf: async () => {
      if (!live()) throw new Error('portal-closed');
      const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
      return new Uint8Array(pdf);
    },
    close: async () => {
      if (parts.closed()) return;
      parts.markClosed();
      attempt(() => view.remove());
      attempt(() => {
        if (contents.debugger.isAttached()) contents.debugger.detach();
      });
      attempt(() => {
        // Not waiting for beforeunload: the session is over, whatever the page would like.
        if (!contents.isDestroyed()) contents.close({ waitForBeforeUnload: false });
      });
      releasePortalSession(session);
      // The partition lives in memory only; emptying it anyway drops cookies, storage, service
      // workers, cache, HTTP auth and DNS entries now rather than whenever Electron frees it.
      await Promise.allSettled([
        settle(() => session.clearStorageData()),
        settle(() => session.clearCache()),
        settle(() => session.clearAuthCache()),
        settle(() => session.clearHostResolverCache()),
      ]);
    },
  };
}

function attempt(action: () => void): void {
  try {
    action();
  } catch {
    // Already destroyed: the step has nothing left to undo.
  }
}

async function settle(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch {
    // A session torn down already has nothing left to clear.
  }
}
