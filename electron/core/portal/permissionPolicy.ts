import { portalPermissions, type PortalPermission, type PortalTile } from '#shared/config/portalConfig';
import { isAllowedOrigin } from './allowedOrigins';

/**
 * Browser permissions of a portal view (docs/architecture.md, "Security": request *and* check handlers, deny by
 * default). A permission is granted only when it is in the fixed list (camera, microphone), the
 * tile's config names it, and the asking frame is on one of the tile's origins. Everything else —
 * notifications, geolocation, clipboard, fullscreen, MIDI, file system, … — is denied: a kiosk
 * has nothing of the citizen's to share and must leave no trace.
 *
 * Names: Chromium and Playwright say 'camera'/'microphone'; Electron says 'media' with media types
 * ('video' → camera, 'audio' → microphone).
 */

type PermissionTile = Pick<PortalTile, 'origins' | 'permissions'>;

export interface PermissionRequest {
  /** URL or origin of the asking frame (Electron: `details.requestingUrl`). */
  readonly origin: string;
  /** Electron 'media' requests: the media types asked for. */
  readonly mediaTypes?: readonly string[];
}

export interface PermissionCheck {
  /** Origin of the asking frame (Electron: `requestingOrigin`). */
  readonly origin: string;
  /** Electron 'media' checks: 'video', 'audio' or 'unknown'. */
  readonly mediaType?: string;
}

const mediaTypePermissions: ReadonlyMap<string, PortalPermission> = new Map([
  ['video', 'camera'],
  ['audio', 'microphone'],
]);

/** Decides a permission request: true only for a configured camera/microphone on an allowed origin. */
export function decidePermission(permission: string, tile: PermissionTile, request: PermissionRequest): boolean {
  const wanted = permission === 'media' ? (request.mediaTypes ?? []).map((type) => mediaTypePermissions.get(type)) : [asPortalPermission(permission)];
  return grants(wanted, tile, request.origin);
}

/** Decides a permission check (a page asking whether it has a permission) by the same rules. */
export function decidePermissionCheck(permission: string, tile: PermissionTile, check: PermissionCheck): boolean {
  const wanted =
    permission === 'media' ? [check.mediaType === undefined ? undefined : mediaTypePermissions.get(check.mediaType)] : [asPortalPermission(permission)];
  return grants(wanted, tile, check.origin);
}

/** The permissions a host grants up front (Chromium host: `grantPermissions` per allowed origin). */
export function grantedPermissions(tile: Pick<PortalTile, 'permissions'>): readonly PortalPermission[] {
  return portalPermissions.filter((permission) => tile.permissions.includes(permission));
}

function asPortalPermission(permission: string): PortalPermission | undefined {
  return portalPermissions.find((known) => known === permission);
}

function grants(wanted: readonly (PortalPermission | undefined)[], tile: PermissionTile, origin: string): boolean {
  // An empty media request (or 'unknown' media type) asks for nothing nameable: denied.
  if (wanted.length === 0 || !isAllowedOrigin(origin, tile)) return false;
  const granted = grantedPermissions(tile);
  return wanted.every((permission) => permission !== undefined && granted.includes(permission));
}
