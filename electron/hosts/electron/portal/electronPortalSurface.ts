import type { WebPreferences } from 'electron';
import type { PortalTile } from '#shared/config/portalConfig';
import type { PortalLayout } from '#shared/contract/portalContract';
import type { Logger } from '#core/logging/logger';
import { errorKind } from '#core/logging/logger';
import type { PortalPage, PortalPageEvents, PortalSurface } from '#core/portal/portalSurface';
import { createElectronPortalPage, loadChecked, placeView } from './electronPortalPage';
import { gatePortalEvents } from './gatedPortalEvents';
import type { PortalContentsGate } from './portalContentsGate';
import { attachPortalDevtools } from './portalDevtools';
import { reportPortalActivity, reportPortalLoads } from './portalLoadEvents';
import { guardPortalContents } from './portalNavigationGuards';
import type { KioskContents, PortalSession, PortalViewHandle } from './portalPorts';
import { guardPortalSession } from './portalSessionGuards';
import { newPortalPartition, portalWebPreferences } from './portalWebPreferences';

/**
 * The Electron host's PortalSurface (README.md, "Online services (workstation)"): each open() is a fresh
 * WebContentsView in a fresh in-memory partition, placed over the area the kiosk UI reports,
 * with the portal policies wired to Electron's hooks before the first request.
 */

export interface ElectronPortalSurfaceDeps {
  /** Hands the new view's contents to the portal guards instead of the kiosk lock. */
  readonly gate: PortalContentsGate;
  /** The session of a partition (Electron: `session.fromPartition`). */
  readonly sessionFor: (partition: string) => PortalSession;
  /** Creates a view with these preferences, ready to be shown in the kiosk window. */
  readonly createView: (webPreferences: WebPreferences) => PortalViewHandle;
  /** The kiosk UI's contents, or null when gone. */
  readonly kioskContents: () => KioskContents | null;
  /** A fresh random id (names the partition). */
  readonly randomId: () => string;
  readonly logger: Logger;
}

/** Creates the Electron PortalSurface. */
export function createElectronPortalSurface(deps: ElectronPortalSurfaceDeps): PortalSurface {
  return {
    kind: 'native',
    open: (tile, events, layout) => openPage(deps, tile, events, layout),
  };
}

async function openPage(deps: ElectronPortalSurfaceDeps, tile: PortalTile, serviceEvents: PortalPageEvents, layout: PortalLayout | null): Promise<PortalPage> {
  const partition = newPortalPartition(deps.randomId);
  const session = deps.sessionFor(partition);
  let closed = false;
  const events = gatePortalEvents(
    serviceEvents,
    () => !closed,
    (event, error) => {
      deps.logger.error({ event: 'portal-event-failed', portalEvent: event, err: errorKind(error) }, 'portal event listener failed');
    },
  );
  // Before the view exists: the policies apply from its first request.
  guardPortalSession(session, {
    tile,
    events,
    onLocalRefused: (origin) => {
      deps.logger.info({ event: 'portal-local-request-refused', tile: tile.id, origin }, 'request to the terminal or local network refused');
    },
  });

  const view = deps.gate.create(session, () => deps.createView(portalWebPreferences(partition)));
  const contents = view.webContents;
  const keyState = { sending: false };
  const page = createElectronPortalPage({
    tile,
    view,
    session,
    events,
    keyState,
    markClosed: () => {
      closed = true;
    },
    closed: () => closed,
  });
  if (!deps.gate.isPortal(contents)) {
    // The kiosk lock took the view (web-contents-created came at another time than expected):
    // it could never show the portal. Fail loudly rather than show a dead view.
    await page.close();
    throw new Error('portal view was not recognised as a portal view');
  }

  guardPortalContents(contents, { tile, events, kioskContents: deps.kioskContents, sendingKey: () => keyState.sending });
  reportPortalLoads(contents, events);
  reportPortalActivity(contents, events);
  try {
    placeView(view, layout);
    view.show();
    // Dialogs, file choosers and focus must be wired before the page can run a script. Without
    // them a file chooser would be the operating system's: no page is shown at all (fail closed),
    // and a page whose interception goes away later is closed.
    const lost = (): void => {
      if (closed) return;
      deps.logger.error({ event: 'portal-interception-lost', tile: tile.id }, 'portal view lost its interception: closed');
      events.failed({ kind: 'failed', url: tile.startUrl });
      void page.close();
    };
    if (!(await attachPortalDevtools(contents, events, lost))) {
      throw new Error('portal-interception-unavailable');
    }
  } catch (error) {
    await page.close();
    throw error;
  }
  loadChecked({ tile, view, events }, tile.startUrl);
  return page;
}
