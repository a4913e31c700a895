import type { PortalTile } from '#shared/config/portalConfig';
import { isEidClientUrl, parseUrl } from '#shared/config/webOrigin';
import { isAllowedOrigin } from './allowedOrigins';

/**
 * A portal page never reaches the terminal itself or the hall's network (docs/architecture.md,
 * "Security"): no request of any kind — page, frame, script, image, fetch, WebSocket, worker —
 * to a loopback, private, link-local or shared address, nor to the local eID client, unless that
 * very origin is one of the tile's own (the tests' local portal runs on 127.0.0.1). The address is
 * judged as written: a public name that resolves to a private address is not seen here.
 */

/** Schemes a page can reach a network address with. */
const networkSchemes: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** True when a portal page of `tile` may not send a request to `url`. */
export function isLocalNetworkRefused(url: string, tile: Pick<PortalTile, 'origins'>): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (isEidClientUrl(parsed)) return true;
  if (!networkSchemes.has(parsed.protocol) || !isLocalHost(parsed.hostname)) return false;
  // A WebSocket to the tile's own origin is the same server: compare as http(s).
  const asWeb = parsed.protocol === 'ws:' || parsed.protocol === 'wss:' ? `${parsed.protocol === 'wss:' ? 'https:' : 'http:'}//${parsed.host}/` : parsed.href;
  return !isAllowedOrigin(asWeb, tile);
}

/** True for a host name or address literal (as WHATWG URL writes it) of this machine or a local network. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.home.arpa') || host.endsWith('.internal')) return true;
  if (host.startsWith('[')) return isLocalIpv6(host.slice(1, -1));
  const ipv4 = ipv4Octets(host);
  return ipv4 !== null && isLocalIpv4(ipv4);
}

/** The four numbers of a dotted IPv4 address (URL parsing has already turned 0x7f.1 and 2130706433 into this form). */
function ipv4Octets(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (match === null) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function isLocalIpv4([a = 0, b = 0]: readonly number[]): boolean {
  return (
    a === 0 || // "this network", 0.0.0.0 reaches the machine itself
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // shared address space (carrier NAT)
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast, reserved, broadcast
  );
}

function isLocalIpv6(address: string): boolean {
  if (address === '::' || address === '::1') return true;
  // IPv4-mapped (::ffff:a.b.c.d, which URL writes as ::ffff:xxxx:xxxx) is judged as the IPv4 address.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped !== null) {
    const high = Number.parseInt(mapped[1] ?? '0', 16);
    const low = Number.parseInt(mapped[2] ?? '0', 16);
    return isLocalIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const first = Number.parseInt(address.split(':')[0] ?? '', 16);
  if (Number.isNaN(first)) return false;
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 // multicast
  );
}
