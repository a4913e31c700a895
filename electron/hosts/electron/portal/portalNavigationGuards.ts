import type { Event, WebFrameMain } from 'electron';
import type { PortalTile } from '#shared/config/portalConfig';
import { isBlockedShortcut } from '#shared/kiosk/blockedShortcuts';
import { decideNavigation, type NavigationFrame } from '#core/portal/navigationPolicy';
import { decidePopup } from '#core/portal/popupPolicy';
import type { PortalPageEvents } from '#core/portal/portalSurface';
import type { KioskContents, PortalContents } from './portalPorts';

/**
 * The navigation side of a portal view (docs/architecture.md, "Security"): every navigation and redirect hop of every
 * frame is judged by `decideNavigation`, popups by `decidePopup`; no webviews, no context menu, no
 * kiosk-breaking shortcuts; Escape hands focus back to the kiosk UI so a keyboard user is never
 * trapped in the page.
 */

type GuardedContents = Pick<PortalContents, 'on' | 'setWindowOpenHandler' | 'loadURL'>;

export interface NavigationGuardDeps {
  readonly tile: Pick<PortalTile, 'origins'>;
  readonly events: Pick<PortalPageEvents, 'blocked' | 'refused'>;
  /** The kiosk UI's contents, or null when it is gone. */
  readonly kioskContents: () => KioskContents | null;
  /** True while the adapter itself sends a key (the UI's Escape key must reach the page). */
  readonly sendingKey: () => boolean;
}

interface NavigationDetails {
  readonly url: string;
  readonly isMainFrame: boolean;
  readonly initiator?: WebFrameMain | null;
}

/** Installs the navigation, popup and input guards of one portal view. */
export function guardPortalContents(contents: GuardedContents, deps: NavigationGuardDeps): void {
  const judge = (event: Event, details: NavigationDetails, report: boolean): void => {
    const frame: NavigationFrame = details.isMainFrame ? 'main' : 'sub';
    const initiator = initiatorOrigin(details.initiator);
    const decision = decideNavigation(details.url, deps.tile, initiator === undefined ? { frame } : { frame, initiator });
    if (decision.allow) return;
    event.preventDefault();
    if (report && frame === 'main') deps.events.blocked({ reason: decision.reason, url: decision.url ?? null });
  };
  // will-frame-navigate fires for the main frame and every subframe; it reports main-frame refusals.
  contents.on('will-frame-navigate', (event) => {
    judge(event, event, true);
  });
  // will-navigate fires for the same main-frame navigations: a silent second check, so a refusal is reported once.
  contents.on('will-navigate', (event) => {
    judge(event, event, false);
  });
  // Redirect hops of every frame (also of the kiosk's own loadURL, which fires no will-navigate).
  contents.on('will-redirect', (event) => {
    judge(event, event, true);
  });

  contents.setWindowOpenHandler((details) => {
    const decision = decidePopup(details.url, deps.tile);
    if (decision.action === 'same-view') {
      // The kiosk has one view: an allowed popup replaces the page (back returns). Its load is
      // programmatic, so will-navigate does not see it; decidePopup already judged it as a main-frame navigation.
      // Deferred: not from inside Electron's window-open callback; a destroyed view just rejects.
      void Promise.resolve()
        .then(() => contents.loadURL(decision.url))
        .catch(() => undefined);
    } else if (decision.url !== undefined) {
      // A link to another site (or to the eID client) that happens to open a new window: the same
      // situation as a plain link, so the same "not available here" page with its QR code / eID hand-over.
      deps.events.blocked({ reason: decision.reason, url: decision.url });
    } else {
      // about:blank, javascript:, data: … popups are something the page does on its own, not a
      // place the citizen asked for: a short note, and the page they are on stays.
      deps.events.refused('popup');
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.on('context-menu', (event) => {
    event.preventDefault();
  });
  // A page's beforeunload must not hold the citizen on a page the kiosk leaves (home, back, close):
  // Electron answers it synchronously, and "stay" would strand the toolbar.
  contents.on('will-prevent-unload', (event) => {
    event.preventDefault();
  });
  contents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape' && !deps.sendingKey()) {
      event.preventDefault();
      focusKiosk(deps.kioskContents());
      return;
    }
    // Devtools are never available in a portal view, whatever the kiosk UI allows.
    if (isBlockedShortcut(input, false)) event.preventDefault();
  });
}

function focusKiosk(kiosk: KioskContents | null): void {
  try {
    if (kiosk !== null && !kiosk.isDestroyed()) kiosk.focus();
  } catch {
    // The kiosk UI is being torn down; nothing to focus.
  }
}

/** The initiating frame's origin, or undefined for navigations the kiosk itself started. */
function initiatorOrigin(initiator: WebFrameMain | null | undefined): string | undefined {
  if (initiator === undefined || initiator === null) return undefined;
  try {
    return initiator.origin;
  } catch {
    // A frame destroyed mid-navigation has no origin any more: judge it as opaque, by the target alone.
    return 'null';
  }
}
