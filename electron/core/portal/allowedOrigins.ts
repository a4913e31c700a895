import type { PortalTile } from '#shared/config/portalConfig';
import { parseUrl, webOriginOf } from '#shared/config/webOrigin';

/**
 * The one origin comparison of the portal policies: exact, after WHATWG URL parsing on both sides
 * (host lower-cased, IDN as punycode, default port dropped). No suffix, prefix or pattern match:
 * `portal.example.de.evil.test` is simply another origin.
 */

/** The tile's allowed origins in canonical form (entries that are not http(s) origins are ignored). */
export function allowedOriginsOf(tile: Pick<PortalTile, 'origins'>): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const origin of tile.origins) {
    const canonical = webOriginOf(origin);
    if (canonical !== null) origins.add(canonical);
  }
  return origins;
}

/** True when an http(s) or blob: URL (or a bare origin) belongs to one of the tile's origins. */
export function isAllowedOrigin(urlOrOrigin: string, tile: Pick<PortalTile, 'origins'>): boolean {
  const parsed = parseUrl(urlOrOrigin);
  if (parsed === null || !['http:', 'https:', 'blob:'].includes(parsed.protocol)) return false;
  // A blob: URL's origin is its creator's (`blob:https://a.de/…` → https://a.de); "null" never matches.
  return allowedOriginsOf(tile).has(parsed.origin);
}
