import type { PortalView } from '#shared/contract/portalContract';

/** The view with no tile open: the start page. */
export function closedPortalView(surface: PortalView['surface']): PortalView {
  return {
    status: 'closed',
    tileId: null,
    surface,
    loading: false,
    canGoBack: false,
    focus: 'none',
    blocked: null,
    error: null,
    dialog: null,
    offer: null,
    fileChooser: null,
    notice: null,
    print: { status: 'idle' },
  };
}

/** A freshly opened tile, loading its start page. */
export function openingPortalView(surface: PortalView['surface'], tileId: string): PortalView {
  return { ...closedPortalView(surface), status: 'open', tileId, loading: true };
}

/** An address as far as the kiosk shows it (QR code, error page): origin and path, no user name, password, query or fragment, bounded. */
export function shownAddress(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    parsed.username = '';
    parsed.password = '';
    // Origin and path only: a query or fragment may carry what the citizen typed (search words,
    // form values, tokens), and the address is shown on screen and as a QR code.
    parsed.search = '';
    parsed.hash = '';
    return parsed.href.length <= 2000 ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A file name the page suggested, safe to show: no path, no control characters, bounded. */
export function shownFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return (base === '' ? 'Dokument.pdf' : base).slice(0, 200);
}
