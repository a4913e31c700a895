import type { PortalTile } from '#shared/config/portalConfig';
import { isEidClientUrl, parseUrl } from '#shared/config/webOrigin';
import { isAllowedOrigin } from './allowedOrigins';

/**
 * Where a portal view may go (docs/architecture.md, "Security"): only to the tile's
 * exact origins, in the main frame and in every subframe.
 *
 * Hosts call this for every navigation *and every redirect hop* (Electron: `will-navigate`,
 * `will-frame-navigate`, `will-redirect`; Chromium host: every navigation request its route
 * handler sees, redirects included), because a redirect is a navigation to a new URL: an allowed
 * page that redirects to a foreign origin is refused exactly like a link to it. Hosts must follow
 * the parsed result, never re-interpret the string (Chromium parses URLs by the same standard).
 */

export type NavigationFrame = 'main' | 'sub';

export interface NavigationContext {
  readonly frame: NavigationFrame;
  /**
   * Origin (or URL) of the frame that started the navigation; "null" for an opaque origin. Left out
   * for the kiosk's own navigations (start URL, home, back).
   */
  readonly initiator?: string;
}

export type NavigationRefusal = 'foreign-origin' | 'scheme' | 'malformed' | 'eid';

export type NavigationDecision =
  | { readonly allow: true }
  | {
      readonly allow: false;
      readonly reason: NavigationRefusal;
      /** For 'foreign-origin' (without user name and password, for the QR code) and 'eid' (for the eID client). */
      readonly url?: string;
    };

/** Decides one navigation (or redirect hop) of a portal view against the tile's origins. */
export function decideNavigation(url: string, tile: Pick<PortalTile, 'origins'>, context: NavigationContext): NavigationDecision {
  const target = parseUrl(url);
  if (target === null) return { allow: false, reason: 'malformed' };
  // Before the origin check: 127.0.0.1:24727 could never be allowed, but eID sign-in (not built yet) will need to see it.
  if (isEidClientUrl(target)) return { allow: false, reason: 'eid', url: target.href };

  const refusal = targetRefusal(target, tile, context.frame);
  if (refusal !== null) return refusal;
  return context.initiator === undefined ? { allow: true } : initiatorDecision(context.initiator, tile);
}

function targetRefusal(target: URL, tile: Pick<PortalTile, 'origins'>, frame: NavigationFrame): NavigationDecision | null {
  switch (target.protocol) {
    case 'https:':
    case 'http:':
      // Look-alikes (`portal.example.de.evil.test`, `portal.example.de@evil.test`, `evil.test/portal.example.de`,
      // `portal.example.de.`) all parse to a different origin and fail here.
      if (!isAllowedOrigin(target.href, tile)) return { allow: false, reason: 'foreign-origin', url: withoutCredentials(target) };
      // Credentials in a link are a phishing trick (and would end up in the HTTP auth cache); portals never need them.
      if (target.username !== '' || target.password !== '') return { allow: false, reason: 'malformed' };
      return null;
    case 'about:':
      // Subframes start as about:blank and portals script into them; the content is the parent's own.
      // A top-level about: page would be an empty view without an address to return to.
      return frame === 'sub' && target.pathname === 'blank' && target.search === '' ? null : { allow: false, reason: 'scheme' };
    case 'blob:':
      // A blob: subframe holds content its creator (an allowed page, checked by its origin) made itself,
      // no more than that page could script into an about:blank frame. In the main frame it would replace
      // the portal with generated content, typically a PDF in the viewer, whose save button would bypass
      // the download policy; and it has no address the blocked page could show as a QR code.
      return frame === 'sub' && isAllowedOrigin(target.href, tile) ? null : { allow: false, reason: 'scheme' };
    default:
      // javascript:, data:, file:, filesystem:, view-source:, chrome:, mailto:, the kiosk's own scheme…:
      // none of them belongs in a portal view.
      return { allow: false, reason: 'scheme' };
  }
}

/**
 * Defence in depth: a frame of a foreign origin should never exist (its navigation was refused),
 * but if one did, it must not steer the view. Opaque initiators ("null": sandboxed frames of an
 * allowed page) and about: frames (they inherit their parent's origin) are judged by the target alone.
 */
function initiatorDecision(initiator: string, tile: Pick<PortalTile, 'origins'>): NavigationDecision {
  if (initiator === 'null') return { allow: true };
  const parsed = parseUrl(initiator);
  if (parsed === null) return { allow: false, reason: 'malformed' };
  if (parsed.protocol === 'about:' || isAllowedOrigin(parsed.href, tile)) return { allow: true };
  return { allow: false, reason: 'foreign-origin' };
}

function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
