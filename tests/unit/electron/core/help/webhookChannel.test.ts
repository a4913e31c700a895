import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookChannel, signWebhookBody, verifyWebhookSignature, type WebhookChannelOptions } from '#core/help/webhookChannel';
import { helpEventSchema } from '#shared/help/helpEvent';
import { captureLog } from '#tests/unit/support/logCapture';
import { freePort, helpEvent, startReceiver, type TestReceiver } from './helpFakes';

const secret = 'a-webhook-secret-of-at-least-32-characters-1234';
const fixedNow = Date.parse('2026-03-17T08:15:00Z');

let receiver: TestReceiver | null = null;

afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

function channel(url: string, overrides: Partial<WebhookChannelOptions> = {}) {
  return createWebhookChannel({ name: 'webhook-1', url, secret, timeoutMs: 2000, now: () => fixedNow, ...overrides });
}

describe('webhook channel: what a receiver gets', () => {
  it('POSTs the event as JSON with event id, timestamp and a signature that verifies with the secret', async () => {
    receiver = await startReceiver();
    const event = helpEvent();
    const outcome = await channel(receiver.url).deliver(event, new AbortController().signal);
    expect(outcome).toEqual({ delivered: true });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    if (!request) throw new Error('no request');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/kiosk-help');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-kiosk-event-id']).toBe(event.eventId);
    const timestamp = request.headers['x-kiosk-timestamp'];
    expect(timestamp).toBe(String(fixedNow / 1000));
    // The body is the event, byte for byte as JSON (UTF-8: "ü" arrives intact).
    expect(helpEventSchema.parse(JSON.parse(request.body))).toEqual(event);
    expect(request.body).toContain('Bürgerservice');
    // Verified independently of the channel's own code: HMAC-SHA256 over "<timestamp>.<body>".
    const expected = `sha256=${createHmac('sha256', secret)
      .update(`${String(timestamp)}.${request.body}`)
      .digest('hex')}`;
    expect(request.headers['x-kiosk-signature']).toBe(expected);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), body: request.body, signature: expected, nowSeconds: fixedNow / 1000 })).toBe(true);
  });

  it('verification fails for another secret, a changed body, a replayed old timestamp or a bad format', () => {
    const body = JSON.stringify(helpEvent());
    const timestamp = String(fixedNow / 1000);
    const signature = signWebhookBody(secret, timestamp, body);
    const check = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({ secret, timestamp, body, signature, nowSeconds: fixedNow / 1000, ...overrides });
    expect(check({})).toBe(true);
    expect(check({ secret: `${secret}x` })).toBe(false);
    expect(check({ body: body.replace('requested', 'resolved') })).toBe(false);
    expect(check({ nowSeconds: fixedNow / 1000 + 301 })).toBe(false);
    // Moving the timestamp forward breaks the MAC: a recorded request cannot be replayed later.
    expect(check({ timestamp: String(fixedNow / 1000 + 600), nowSeconds: fixedNow / 1000 + 600 })).toBe(false);
    expect(check({ signature: signature.slice(0, -1) })).toBe(false);
    expect(check({ timestamp: '1e9' })).toBe(false);
  });
});

describe('webhook channel: answers and failures', () => {
  it.each([200, 201, 202, 204])('HTTP %i is delivered', async (status) => {
    receiver = await startReceiver();
    receiver.respond = (_request, response) => response.writeHead(status).end();
    expect(await channel(receiver.url).deliver(helpEvent(), new AbortController().signal)).toEqual({ delivered: true });
  });

  it.each([408, 425, 429, 500, 502, 503, 504])('HTTP %i is retried', async (status) => {
    receiver = await startReceiver();
    receiver.respond = (_request, response) => response.writeHead(status).end('busy');
    expect(await channel(receiver.url).deliver(helpEvent(), new AbortController().signal)).toEqual({
      delivered: false,
      retry: true,
      reason: `HTTP ${String(status)}`,
    });
  });

  it.each([400, 401, 403, 404, 410, 413, 422])('HTTP %i is not retried and is logged as an error', async (status) => {
    receiver = await startReceiver();
    receiver.respond = (_request, response) => response.writeHead(status).end('no');
    const log = captureLog();
    const event = helpEvent();
    expect(await channel(receiver.url, { logger: log.logger }).deliver(event, new AbortController().signal)).toEqual({
      delivered: false,
      retry: false,
      reason: `HTTP ${String(status)}`,
    });
    const errors = log.entries().filter((entry) => entry.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status, eventId: event.eventId, callId: event.callId, type: 'requested', channel: 'webhook-1' });
  });

  it('does not follow a redirect (the signed call would go elsewhere) and does not retry it', async () => {
    receiver = await startReceiver();
    receiver.respond = (_request, response) => response.writeHead(307, { Location: 'https://elsewhere.example/' }).end();
    const outcome = await channel(receiver.url).deliver(helpEvent(), new AbortController().signal);
    expect(outcome).toMatchObject({ delivered: false, retry: false });
    expect(receiver.requests).toHaveLength(1);
  });

  it('retries after a timeout', async () => {
    receiver = await startReceiver();
    // Never answers; the channel's timeout has to end the request.
    receiver.respond = () => undefined;
    const started = Date.now();
    const outcome = await channel(receiver.url, { timeoutMs: 200 }).deliver(helpEvent(), new AbortController().signal);
    expect(outcome).toEqual({ delivered: false, retry: true, reason: 'timeout after 200 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('retries when the connection is refused', async () => {
    const port = await freePort();
    const outcome = await channel(`http://127.0.0.1:${String(port)}/kiosk-help`).deliver(helpEvent(), new AbortController().signal);
    expect(outcome).toEqual({ delivered: false, retry: true, reason: 'network error: ECONNREFUSED' });
  });

  it('settles as retryable when the outbox aborts it', async () => {
    receiver = await startReceiver();
    receiver.respond = () => undefined;
    const controller = new AbortController();
    const pending = channel(receiver.url, { timeoutMs: 10_000 }).deliver(helpEvent(), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ delivered: false, retry: true, reason: 'aborted' });
  });

  it('uses an injected fetch, and logs neither the secret nor the event content', async () => {
    const log = captureLog('trace');
    const seen: RequestInit[] = [];
    const statuses = [503, 400, 204];
    const fakeFetch: typeof fetch = (_input, init) => {
      seen.push(init ?? {});
      return Promise.resolve(new Response(null, { status: statuses.shift() ?? 204 }));
    };
    const failing: typeof fetch = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }));
    const event = helpEvent();
    const webhook = channel('https://staff.example.de/hook/token-in-path', { fetch: fakeFetch, logger: log.logger });
    expect(await webhook.deliver(event, new AbortController().signal)).toMatchObject({ retry: true });
    expect(await webhook.deliver(event, new AbortController().signal)).toMatchObject({ retry: false });
    expect(await webhook.deliver(event, new AbortController().signal)).toEqual({ delivered: true });
    expect(
      await channel('https://staff.example.de/hook/token-in-path', { fetch: failing, logger: log.logger }).deliver(event, new AbortController().signal),
    ).toEqual({
      delivered: false,
      retry: true,
      reason: 'network error: ECONNREFUSED',
    });
    expect(seen).toHaveLength(3);
    expect(seen[0]?.method).toBe('POST');
    const raw = log.raw();
    expect(log.entries().length).toBeGreaterThanOrEqual(4);
    expect(raw).toContain(event.eventId);
    expect(raw).toContain('https://staff.example.de');
    for (const secretOrContent of [secret, 'token-in-path', 'Infoterminal Foyer', 'Foyer, links', 'info-search', 'sha256='])
      expect(raw).not.toContain(secretOrContent);
  });
});
