import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { HelpEvent } from '#shared/help/helpEvent';
import type { DeliveryOutcome, HelpChannel } from './helpChannel';

/**
 * The HTTP webhook channel: each help event is POSTed as JSON to the configured https URL.
 *
 * What a receiver gets and how it verifies it:
 * - Body: the event as JSON (UTF-8), see shared/help/helpEvent.ts.
 * - `Content-Type: application/json`
 * - `X-Kiosk-Event-Id: <eventId>`: the same on every retry; de-duplicate by it, since an event can
 *   arrive more than once (a crash between delivery and bookkeeping, a lost 2xx answer).
 * - `X-Kiosk-Timestamp: <unix seconds>` of this attempt.
 * - `X-Kiosk-Signature: sha256=<hex>` where hex is HMAC-SHA256 with the shared secret (the config's
 *   `secret`, as UTF-8 bytes) over the UTF-8 bytes of `<timestamp>.<body>`: the timestamp header,
 *   a dot, and the raw body exactly as received (do not re-serialize it).
 *   Verify: recompute, compare in constant time, and reject timestamps more than a few minutes
 *   from your clock. The timestamp is inside the MAC, so a recorded request cannot be replayed
 *   later with a fresh timestamp. `verifyWebhookSignature` below does all of this.
 *
 * Answer 2xx once the event is stored. 408, 425, 429, 5xx, timeouts and network errors make the
 * kiosk retry with backoff; any other status (other 4xx, redirects) drops the event with an error
 * in the kiosk's log, because retrying the same request cannot help.
 */

export interface WebhookChannelOptions {
  /** The channel's name in the outbox and in logs, e.g. "webhook-1" (not the URL: it may hold a token). */
  readonly name: string;
  /** https URL (plain http only on loopback, for tests; the config checks that). */
  readonly url: string;
  /** The HMAC secret; never logged. */
  readonly secret: string;
  /** Limit for one request, answer included. */
  readonly timeoutMs: number;
  readonly logger?: Logger;
  /** Global fetch by default; tests inject their own. */
  readonly fetch?: typeof fetch;
  /** Wall-clock time in ms for the timestamp header (default Date.now). */
  readonly now?: () => number;
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the value of `X-Kiosk-Signature`. */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * Checks a received webhook (for receivers and tests): the signature matches in constant time and
 * the timestamp is within `toleranceSeconds` (default 300) of `nowSeconds`.
 */
export function verifyWebhookSignature(input: {
  readonly secret: string;
  readonly timestamp: string;
  readonly body: string;
  readonly signature: string;
  readonly nowSeconds: number;
  readonly toleranceSeconds?: number;
}): boolean {
  if (!/^\d{1,12}$/.test(input.timestamp)) return false;
  if (Math.abs(input.nowSeconds - Number(input.timestamp)) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(input.secret, input.timestamp, input.body), 'utf8');
  const actual = Buffer.from(input.signature, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Statuses that say "try again later"; every other non-2xx status is final. */
const retryableStatuses: ReadonlySet<number> = new Set([408, 425, 429]);

/** Creates the webhook channel; it keeps no state between deliveries. */
export function createWebhookChannel(options: WebhookChannelOptions): HelpChannel {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  // Only the origin goes into logs: a webhook path often carries a token of its own.
  const target = originForLog(options.url);

  const deliver = async (event: HelpEvent, signal: AbortSignal): Promise<DeliveryOutcome> => {
    const body = JSON.stringify(event);
    const timestamp = String(Math.floor(now() / 1000));
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const context = { channel: options.name, target, eventId: event.eventId, callId: event.callId, type: event.type };
    let response: Response;
    try {
      response = await fetchImpl(options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Kiosk-Event-Id': event.eventId,
          'X-Kiosk-Timestamp': timestamp,
          'X-Kiosk-Signature': signWebhookBody(options.secret, timestamp, body),
        },
        body,
        // A redirect would resend the signed call somewhere the config does not name.
        redirect: 'manual',
        signal: AbortSignal.any([signal, timeout]),
      });
    } catch (error) {
      const reason = signal.aborted ? 'aborted' : timeout.aborted ? `timeout after ${options.timeoutMs} ms` : `network error: ${networkErrorCode(error)}`;
      options.logger?.debug({ ...context, reason }, 'help webhook not reached');
      return { delivered: false, retry: true, reason };
    }
    // The answer's body is not needed; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status >= 200 && status < 300) {
      options.logger?.debug({ ...context, status }, 'help webhook delivered');
      return { delivered: true };
    }
    const retry = retryableStatuses.has(status) || status >= 500;
    const reason = status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed; configure the final URL)` : `HTTP ${status}`;
    if (retry) options.logger?.debug({ ...context, status }, 'help webhook answered with a temporary error');
    else options.logger?.error({ ...context, status }, 'help webhook refused the event; retrying cannot help');
    return { delivered: false, retry, reason };
  };

  return { name: options.name, deliver };
}

/** The origin of a webhook address, for logs: the path and query may carry a token. */
export function originForLog(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid URL';
  }
}

/** "ECONNREFUSED" and the like from fetch's `TypeError('fetch failed', { cause })`. */
export function networkErrorCode(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  for (const candidate of [cause, error]) {
    if (typeof candidate === 'object' && candidate !== null && 'code' in candidate && typeof candidate.code === 'string') return candidate.code;
  }
  return error instanceof Error ? error.name : 'unknown';
}
