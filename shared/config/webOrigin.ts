/**
 * Origins of web addresses as browsers compare them, shared by the portal config (which checks
 * that allowlists are written in this form) and the portal policies in core (which compare with
 * it). Parsing is WHATWG `URL`, the same standard Chromium follows: host lower-cased, IDN turned
 * into punycode, default ports dropped, `\` read as `/`, tabs and newlines removed.
 */

/**
 * The local eID client's port (BSI TR-03124: `http://127.0.0.1:24727/eID-Client`). Everything on it
 * belongs to eID sign-in (not built yet), never to a portal tile.
 */
export const eidClientPort = '24727';

/** Loopback hosts the tests' local portal may use over plain http. */
const loopbackHosts: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The parsed URL, or null when it does not parse (never throws). */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `scheme://host[:port]` of an http(s) URL in its canonical form; null for anything else. */
export function webOriginOf(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  return parsed.origin;
}

/** True for a URL on the loopback interface (127.0.0.1, localhost, [::1]). */
export function isLoopback(url: URL): boolean {
  return loopbackHosts.has(url.hostname);
}

/** True for addresses of the local eID client: `eid:` links and anything on loopback port 24727. */
export function isEidClientUrl(url: URL): boolean {
  if (url.protocol === 'eid:') return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url) && url.port === eidClientPort;
}
