import type { PortalTile } from '#shared/config/portalConfig';
import { isEidClientUrl, parseUrl } from '#shared/config/webOrigin';
import { isLocalNetworkRefused } from '#core/portal/localNetworkPolicy';
import { decideNavigation, type NavigationDecision } from '#core/portal/navigationPolicy';

/**
 * The Chromium host's gate for every request of a portal page (DevTools `Fetch.requestPaused`):
 * what to do with it, as a pure decision. Documents are navigations of the main frame or a
 * subframe, and every redirect hop arrives here again as a request of its own, so the navigation
 * policy sees each hop. Document responses are checked for downloads (never saved: a PDF is offered
 * for printing) and for server errors (the kiosk's error page).
 */

export interface PausedRequest {
  readonly requestId: string;
  readonly request: { readonly url: string };
  readonly frameId: string;
  readonly resourceType: string;
  readonly responseStatusCode?: number;
  readonly responseHeaders?: readonly { readonly name: string; readonly value: string }[];
  readonly responseErrorReason?: string;
}

export type GateDecision =
  | { readonly action: 'continue'; readonly loadingMain?: boolean }
  /** frame 'main': the kiosk shows the refusal with its own page; 'sub': the request just fails in the page. */
  | { readonly action: 'block'; readonly frame: 'main' | 'sub'; readonly decision: Extract<NavigationDecision, { allow: false }> }
  | { readonly action: 'download'; readonly mimeType: string; readonly filename: string }
  | { readonly action: 'server-error'; readonly url: string };

/** Types Chromium shows in a frame itself; any other document response would become a download. */
const shownTypes = /^(?:text\/(?:html|plain|xml|css)|application\/(?:xhtml\+xml|xml|json)|image\/[a-z0-9.+-]+)$/;

/** Decides one paused request of a portal page whose main frame has `mainFrameId`. */
export function decidePaused(paused: PausedRequest, tile: Pick<PortalTile, 'origins'>, mainFrameId: string): GateDecision {
  const frame = paused.frameId === mainFrameId ? 'main' : 'sub';
  const isDocument = paused.resourceType === 'Document';
  if (paused.responseStatusCode === undefined) {
    if (!isDocument) {
      // Subresources may come from elsewhere (portals use CDNs), but never from the terminal itself,
      // the local network or the eID client.
      if (isLocalNetworkRefused(paused.request.url, tile)) {
        const decision = subresourceRefusal(paused.request.url);
        // Reported like a navigation of the frame only for the eID client (the kiosk explains that
        // eID sign-in is not offered here); any other refused subresource just fails in the page.
        return { action: 'block', frame: decision.reason === 'eid' ? frame : 'sub', decision };
      }
      return { action: 'continue' };
    }
    const decision = decideNavigation(paused.request.url, tile, { frame });
    if (!decision.allow) return { action: 'block', frame, decision };
    return { action: 'continue', loadingMain: frame === 'main' };
  }
  if (!isDocument) return { action: 'continue' };
  const headers = new Map((paused.responseHeaders ?? []).map((header) => [header.name.toLowerCase(), header.value]));
  const status = paused.responseStatusCode;
  if (status >= 300 && status < 400) return { action: 'continue' };
  const mimeType = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const disposition = headers.get('content-disposition') ?? '';
  if (/^\s*attachment/i.test(disposition) || mimeType === 'application/pdf' || (mimeType !== '' && !shownTypes.test(mimeType))) {
    return { action: 'download', mimeType, filename: fileNameOf(disposition, paused.request.url) };
  }
  if (status >= 500 && frame === 'main') return { action: 'server-error', url: paused.request.url };
  return { action: 'continue' };
}

/** A request as the browser context's route sees it (every page, frame and worker of the context). */
export interface RoutedRequest {
  readonly url: string;
  readonly navigation: boolean;
  /** A navigation of the portal page's main frame (false for subframes and other windows). */
  readonly mainFrame: boolean;
  /** The request belongs to the portal page (not a popup or a window the page could not open). */
  readonly ownedByPortalPage: boolean;
}

/**
 * The context-wide second gate, behind the page's own (decidePaused): whatever runs in a process
 * or target the page's DevTools session does not see — a frame in another process, a worker, a
 * window that was never allowed to open — meets the same navigation and local-network policy
 * here. Nothing passes before a tile is bound.
 */
export function decideRouted(request: RoutedRequest, tile: Pick<PortalTile, 'origins'> | null): 'continue' | 'abort' {
  if (tile === null || !request.ownedByPortalPage) return 'abort';
  if (request.navigation) return decideNavigation(request.url, tile, { frame: request.mainFrame ? 'main' : 'sub' }).allow ? 'continue' : 'abort';
  return isLocalNetworkRefused(request.url, tile) ? 'abort' : 'continue';
}

/** The refusal of a subresource on the local network, named like the navigation policy names it. */
export function subresourceRefusal(url: string): Extract<NavigationDecision, { allow: false }> {
  const parsed = parseUrl(url);
  return { allow: false, reason: parsed !== null && isEidClientUrl(parsed) ? 'eid' : 'foreign-origin', url: parsed?.href ?? url };
}

/** The file name a response suggests: `filename*` (RFC 5987), then `filename`, then the URL's last segment. */
export function fileNameOf(disposition: string, url: string): string {
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(disposition);
  const name = plain?.[1] ?? plain?.[2];
  if (name !== undefined && name.trim() !== '') return name.trim();
  const last = parseUrl(url)?.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
