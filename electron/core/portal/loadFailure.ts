import type { PortalErrorKind } from './portalSurface';

/**
 * What the citizen is told when a portal page does not load, from Chromium's network error name
 * (`net::ERR_NAME_NOT_RESOLVED` on the Chromium host, `ERR_NAME_NOT_RESOLVED` as Electron's
 * errorDescription). Null for errors that are not failures to show: a navigation the kiosk itself
 * stopped (policy, a newer navigation) must not turn into an error page.
 */
export function loadFailureKind(errorName: string): PortalErrorKind | null {
  const name = errorName.replace(/^net::/, '').trim();
  if (name === 'ERR_ABORTED' || name === 'ERR_BLOCKED_BY_CLIENT' || name === 'ERR_BLOCKED_BY_RESPONSE') return null;
  if (name.startsWith('ERR_CERT_') || name === 'ERR_SSL_PROTOCOL_ERROR' || name === 'ERR_BAD_SSL_CLIENT_AUTH_CERT' || name.startsWith('ERR_SSL_'))
    return 'certificate';
  if (offline.has(name) || name.startsWith('ERR_DNS_') || name.startsWith('ERR_NAME_')) return 'offline';
  return 'failed';
}

/** Errors that mean "cannot reach it": no network, no DNS answer, nobody listening, too slow. */
const offline: ReadonlySet<string> = new Set([
  'ERR_INTERNET_DISCONNECTED',
  'ERR_NETWORK_CHANGED',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_CONNECTION_REFUSED',
  'ERR_CONNECTION_RESET',
  'ERR_CONNECTION_CLOSED',
  'ERR_CONNECTION_FAILED',
  'ERR_CONNECTION_TIMED_OUT',
  'ERR_TIMED_OUT',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_EMPTY_RESPONSE',
]);
