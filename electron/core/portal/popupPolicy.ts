import type { PortalTile } from '#shared/config/portalConfig';
import { decideNavigation, type NavigationRefusal } from './navigationPolicy';

/**
 * `window.open` and `target="_blank"` in a portal view: the kiosk has one view and no window
 * switcher, so an allowed popup replaces the current page (the toolbar's back button returns);
 * anything else is denied for the same reasons a navigation would be.
 */

export type PopupDecision =
  { readonly action: 'same-view'; readonly url: string } | { readonly action: 'deny'; readonly reason: NavigationRefusal; readonly url?: string };

/** Decides a popup of a portal view: open in the same view when its URL is allowed, else deny. */
export function decidePopup(url: string, tile: Pick<PortalTile, 'origins'>): PopupDecision {
  // A popup becomes a main-frame navigation, so it is judged as one (about:blank popups are refused).
  const decision = decideNavigation(url, tile, { frame: 'main' });
  if (decision.allow) return { action: 'same-view', url: new URL(url).href };
  return decision.url === undefined ? { action: 'deny', reason: decision.reason } : { action: 'deny', reason: decision.reason, url: decision.url };
}
