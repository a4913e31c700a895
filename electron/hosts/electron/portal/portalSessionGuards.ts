import type { PortalTile } from '#shared/config/portalConfig';
import { originOf } from '#core/ipc/originOf';
import { isAllowedOrigin } from '#core/portal/allowedOrigins';
import { isLocalNetworkRefused } from '#core/portal/localNetworkPolicy';
import { decidePermission, decidePermissionCheck } from '#core/portal/permissionPolicy';
import type { PortalPageEvents } from '#core/portal/portalSurface';
import type { PortalSession } from './portalPorts';
import { refuseDeviceChoosers } from '../kioskGuards';

/**
 * The session side of a portal view, installed on its fresh partition before the view exists, so
 * the policies apply from the first request: permission requests and checks by the tile's policy
 * (deny by default), no device or screen access, no request to the terminal itself or the local
 * network (any frame, worker or service worker: the session sees them all), and downloads stopped
 * before anything is saved.
 * A download is reported with a `read()` that fetches the bytes again into memory through the
 * same partition (same cookies), never to disk.
 */

/** Largest download read into memory (a form or receipt PDF is far smaller). */
export const maxDownloadBytes = 50 * 1024 * 1024;
const maxDownloadRedirects = 5;

export interface SessionGuardDeps {
  readonly tile: Pick<PortalTile, 'origins' | 'permissions'>;
  readonly events: Pick<PortalPageEvents, 'refused' | 'download'>;
  /** Told of each refused local-network request (for the log; never the address's path or query). */
  readonly onLocalRefused?: (origin: string) => void;
}

/** Installs the permission, device and download handlers on a portal session. */
export function guardPortalSession(session: PortalSession, deps: SessionGuardDeps): void {
  const { tile, events } = deps;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted = decidePermission(
      permission,
      tile,
      mediaTypes === undefined ? { origin: details.requestingUrl } : { origin: details.requestingUrl, mediaTypes },
    );
    callback(granted);
    if (!granted) events.refused('permission');
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermissionCheck(
      permission,
      tile,
      details.mediaType === undefined ? { origin: requestingOrigin } : { origin: requestingOrigin, mediaType: details.mediaType },
    ),
  );
  // HID, serial, USB, Bluetooth: the kiosk's devices are the kiosk's, never a portal's.
  session.setDevicePermissionHandler(() => false);
  refuseDeviceChoosers(session);
  // Screen sharing would show the kiosk (and whatever else is on screen) to a website.
  session.setDisplayMediaRequestHandler((_request, callback) => {
    callback(null);
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const refused = isLocalNetworkRefused(details.url, tile);
    if (refused) deps.onLocalRefused?.(originOf(details.url) ?? '(unparsable)');
    callback({ cancel: refused });
  });
  session.on('will-download', (event, item) => {
    event.preventDefault();
    const url = item.getURL();
    const mimeType = item.getMimeType();
    const filename = item.getFilename();
    try {
      item.cancel();
    } catch {
      // Already cancelled by preventDefault.
    }
    events.download({ mimeType, filename, read: () => readDownload(session, url, tile) });
  });
}

/** Stops every handler of a closed page's session (they hold the service's callbacks). */
export function releasePortalSession(session: PortalSession): void {
  const steps = [
    () => session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false)),
    () => session.setPermissionCheckHandler(() => false),
    () => session.removeAllListeners('will-download'),
    // Every request of a session being closed is refused from here on.
    () => {
      session.webRequest.onBeforeRequest((_details, callback) => {
        callback({ cancel: true });
      });
    },
  ];
  for (const step of steps) {
    try {
      step();
    } catch {
      // A session being torn down: nothing left to release.
    }
  }
}

/**
 * Fetches a download's bytes into memory. Only http(s) addresses of the tile's origins: the kiosk
 * does not fetch foreign addresses on the page's behalf, and blob:/data: downloads (made in the
 * page) cannot be fetched from outside it.
 */
async function readDownload(session: Pick<PortalSession, 'fetch'>, url: string, tile: Pick<PortalTile, 'origins'>): Promise<Uint8Array> {
  let target = url;
  // Redirects are followed by hand, so every hop is checked against the tile's origins.
  for (let hop = 0; hop <= maxDownloadRedirects; hop += 1) {
    if (!/^https?:/i.test(target) || !isAllowedOrigin(target, tile)) throw new Error('download-not-readable');
    const response = await session.fetch(target, { credentials: 'include', redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      target = new URL(location, target).href;
      continue;
    }
    if (!response.ok) throw new Error(`download-status-${String(response.status)}`);
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > maxDownloadBytes) throw new Error('download-too-large');
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxDownloadBytes) throw new Error('download-too-large');
    return bytes;
  }
  throw new Error('download-too-many-redirects');
}
