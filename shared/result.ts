/**
 * Errors are values. A `KioskError` carries a machine code that the UI translates
 * (`errors.<code>` in the locale files) and an optional technical detail for logs.
 */
export const kioskErrorCodes = [
  'invalid-payload',
  'unknown-channel',
  'untrusted-sender',
  'invalid-state',
  'invalid-response',
  'internal',
  /** The asked-for thing (a service, a topic) is not in the content in use. */
  'not-found',
  /** The terminal has no valid content pack. */
  'unavailable',
  /** The Bürgerservice is closed now (queue tickets). */
  'closed',
] as const;

export type KioskErrorCode = (typeof kioskErrorCodes)[number];

export interface KioskError {
  readonly code: KioskErrorCode;
  /** Technical detail for logs and developers; never shown to citizens, never contains payload values. */
  readonly detail?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: KioskError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: KioskErrorCode, detail?: string): Result<T> {
  return detail === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, detail } };
}
