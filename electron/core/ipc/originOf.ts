/**
 * `scheme://host[:port]` of a URL for logs and comparisons. Built from the parts because Node's
 * `URL.origin` is "null" for custom schemes such as `kiosk://`.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
