import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelpService } from '#core/help/helpService';
import { acknowledgementSources, WebhookAcknowledgements, type AcknowledgementSource } from '#core/help/webhookAcknowledgements';
import { signWebhookBody, verifyWebhookSignature } from '#core/help/webhookChannel';
import { resolveHelpConfig, type HelpChannelConfig } from '#shared/config/helpConfig';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';
import { startReceiver, waitFor, type TestReceiver } from './helpFakes';

const secret = 'acknowledge-secret-0123456789abcdefghij';
const otherSecret = 'another-secret-0123456789abcdefghijklmn';
const source: AcknowledgementSource = {
  name: 'webhook-1',
  url: 'https://staff.jena.de/kiosk-help/status?terminal=info-1&token=T0KEN',
  secret,
  timeoutMs: 2000,
};
const context = { screen: 'info-search', language: 'uk' } as const;

interface Asked {
  readonly url: URL;
  readonly headers: Headers;
  readonly method: string | undefined;
}

type Answer = Response | Error;

let clock: FakeClock;
let log: LogCapture;
let asked: Asked[];
let answers: ((request: Asked) => Answer)[];
let stops: (() => Promise<void>)[];

beforeEach(() => {
  clock = new FakeClock(Date.now());
  log = captureLog();
  asked = [];
  answers = [];
  stops = [];
});

afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A signed answer as a receiver would send it. */
function signed(body: string, options: { secret?: string; at?: number; status?: number } = {}): Response {
  const timestamp = String(Math.floor((options.at ?? clock.now()) / 1000));
  return new Response(body, {
    status: options.status ?? 200,
    headers: {
      'Content-Type': 'application/json',
      'X-Kiosk-Timestamp': timestamp,
      'X-Kiosk-Signature': signWebhookBody(options.secret ?? secret, timestamp, body),
    },
  });
}

function statusOf(callId: string, status: string): string {
  return JSON.stringify({ callId, status });
}

const fakeFetch: typeof fetch = (input, init) => {
  const request: Asked = { url: new URL(input instanceof Request ? input.url : String(input)), headers: new Headers(init?.headers), method: init?.method };
  asked.push(request);
  const answer = (answers.shift() ?? (() => new Response('', { status: 503 })))(request);
  return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
};

function setup(sources: readonly AcknowledgementSource[] = [source]) {
  // The help service's own clock, so that `clock.pending()` counts only the poller's timers.
  const service = new HelpService({
    terminal: { id: 'info-1', name: 'Infoterminal Foyer', site: 'Bürgerservice Jena' },
    help: resolveHelpConfig(undefined),
    outbox: null,
    sessionId: () => null,
    logger: log.logger,
    clock: new FakeClock(),
  });
  const poller = new WebhookAcknowledgements({ sources, help: service, logger: log.logger, clock, fetch: fakeFetch });
  stops.push(() => poller.stop());
  poller.start();
  return { service, poller };
}

/** Lets the next poll(s) run and waits until they are answered and handled. */
async function poll(service: HelpService, ms = 5000, polls = 1): Promise<void> {
  const before = asked.length;
  clock.advance(ms);
  await waitFor(() => asked.length >= before + polls && (clock.pending() > 0 || service.view().status === 'clear'), 'a poll to be handled');
}

async function openCall(service: HelpService): Promise<string> {
  const result = await service.request(context);
  if (!result.ok || result.value.callId === null) throw new Error('no call');
  return result.value.callId;
}

describe('webhook acknowledgements: sources', () => {
  it('are the webhook channels with an acknowledgeUrl', () => {
    const channel = (name: string, acknowledgeUrl: string | null): HelpChannelConfig => ({
      kind: 'webhook',
      name,
      url: 'https://x.example/hook',
      secret,
      timeoutSeconds: 7,
      when: 'always',
      acknowledgeUrl,
    });
    expect(acknowledgementSources([channel('webhook-1', null), channel('webhook-2', 'https://x.example/ack')])).toEqual([
      { name: 'webhook-2', url: 'https://x.example/ack', secret, timeoutMs: 7000 },
    ]);
  });
});

describe('webhook acknowledgements: polling', () => {
  it('asks nothing while no call is open', async () => {
    const { service } = setup();
    clock.advance(60_000);
    expect(asked).toEqual([]);
    expect(clock.pending()).toBe(0);
    await openCall(service);
    await service.cancel();
    clock.advance(60_000);
    expect(asked).toEqual([]);
  });

  it('asks every 5 s with a signed GET for the open call; "open" changes nothing', async () => {
    const { service } = setup();
    const callId = await openCall(service);
    clock.advance(4999);
    expect(asked).toHaveLength(0);
    answers.push(() => signed(statusOf(callId, 'open')));
    await poll(service, 1);
    const [request] = asked;
    if (!request) throw new Error('not asked');
    expect(request.method).toBe('GET');
    expect(`${request.url.origin}${request.url.pathname}`).toBe('https://staff.jena.de/kiosk-help/status');
    // The configured query stays; the call id is added.
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ terminal: 'info-1', token: 'T0KEN', callId });
    const timestamp = request.headers.get('x-kiosk-timestamp') ?? '';
    expect(timestamp).toBe(String(Math.floor(clock.now() / 1000)));
    const signature = request.headers.get('x-kiosk-signature') ?? '';
    expect(verifyWebhookSignature({ secret, timestamp, body: callId, signature, nowSeconds: Number(timestamp) })).toBe(true);
    expect(service.view().status).toBe('requested');
    expect(clock.pendingDelays()).toEqual([5000]);
  });

  it('"acknowledged" makes the call acknowledged and polling goes on; "resolved" closes it and polling stops', async () => {
    const { service } = setup();
    const callId = await openCall(service);
    answers.push(() => signed(statusOf(callId, 'acknowledged')));
    await poll(service);
    expect(service.view()).toMatchObject({ status: 'acknowledged', callId });
    answers.push(() => signed(statusOf(callId, 'acknowledged')));
    await poll(service);
    expect(service.view().status).toBe('acknowledged');
    answers.push(() => signed(statusOf(callId, 'resolved')));
    await poll(service);
    expect(service.view().status).toBe('clear');
    expect(clock.pending()).toBe(0);
    clock.advance(60_000);
    expect(asked).toHaveLength(3);
    expect(
      log
        .entries()
        .filter((e) => typeof e.msg === 'string' && e.msg.endsWith('from afar'))
        .map((e) => e.status),
    ).toEqual(['acknowledged', 'acknowledged', 'resolved']);
  });

  it('follows a new call with its own id', async () => {
    const { service } = setup();
    const first = await openCall(service);
    await service.cancel();
    const second = await openCall(service);
    answers.push(() => signed(statusOf(second, 'resolved')));
    await poll(service);
    expect(asked.map((a) => a.url.searchParams.get('callId'))).toEqual([second]);
    expect(first).not.toBe(second);
    expect(service.view().status).toBe('clear');
  });

  it('asks every source', async () => {
    const second: AcknowledgementSource = { ...source, name: 'webhook-2', url: 'https://other.example/ack', secret: otherSecret };
    const { service } = setup([source, second]);
    const callId = await openCall(service);
    answers.push(
      () => signed(statusOf(callId, 'open')),
      () => signed(statusOf(callId, 'acknowledged'), { secret: otherSecret }),
    );
    clock.advance(5000);
    await waitFor(() => asked.length === 2 && clock.pending() === 2, 'both sources');
    expect(asked.map((a) => a.url.hostname)).toEqual(['staff.jena.de', 'other.example']);
    expect(service.view().status).toBe('acknowledged');
  });
});

describe('webhook acknowledgements: answers that are ignored', () => {
  const cases: [string, (callId: string) => Answer, string][] = [
    ['unsigned', (callId) => new Response(statusOf(callId, 'resolved'), { status: 200 }), 'unsigned answer'],
    ['signed with another secret', (callId) => signed(statusOf(callId, 'resolved'), { secret: otherSecret }), 'bad signature'],
    ['stale', (callId) => signed(statusOf(callId, 'resolved'), { at: clock.now() - 10 * 60_000 }), 'stale answer (timestamp too far from the kiosk clock)'],
    ['not JSON', () => signed('resolved'), 'answer is not JSON'],
    ['of the wrong shape', (callId) => signed(JSON.stringify({ callId, status: 'done' })), 'answer is not {callId, status}'],
    ['about another call', () => signed(statusOf('00000000-0000-4000-8000-000000000000', 'resolved')), 'answer is about another call'],
    ['too long', (callId) => signed(JSON.stringify({ callId, status: 'resolved', pad: 'x'.repeat(5000) })), 'answer too long'],
    ['HTTP 500', (callId) => signed(statusOf(callId, 'resolved'), { status: 500 }), 'HTTP 500'],
    ['a redirect', () => new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } }), 'HTTP 302'],
    ['a network error', () => new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }), 'network error: ECONNREFUSED'],
  ];

  it.each(cases)('%s: the call stays as it is and the reason is logged without the answer', async (_label, answer, reason) => {
    const { service } = setup();
    const callId = await openCall(service);
    answers.push(() => answer(callId));
    await poll(service);
    expect(service.view()).toMatchObject({ status: 'requested', callId });
    const entry = log.entries().find((e) => e.msg === 'help acknowledgement: answer ignored');
    expect(entry).toMatchObject({ level: 40, channel: 'webhook-1', target: 'https://staff.jena.de', callId, reason, failures: 1, delayMs: 10_000 });
    expect(log.raw()).not.toContain('T0KEN');
    expect(log.raw()).not.toContain(secret);
    expect(log.raw()).not.toContain('"status":"resolved"');
  });

  it('pauses longer after each failure, up to a minute, and back to 5 s after a good answer', async () => {
    const { service } = setup();
    const callId = await openCall(service);
    const delays: number[] = [];
    let wait = 5000;
    for (let i = 0; i < 6; i += 1) {
      await poll(service, wait);
      wait = clock.pendingDelays()[0] ?? 0;
      delays.push(wait);
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    answers.push(() => signed(statusOf(callId, 'open')));
    await poll(service, wait);
    expect(clock.pendingDelays()).toEqual([5000]);
  });

  it('stop aborts a question in flight and asks no more', async () => {
    const { service, poller } = setup();
    await openCall(service);
    let aborted = false;
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    answers = [];
    const hangingPoller = new WebhookAcknowledgements({ sources: [source], help: service, logger: log.logger, clock, fetch: hanging });
    await poller.stop();
    hangingPoller.start();
    clock.advance(5000);
    await hangingPoller.stop();
    expect(aborted).toBe(true);
    expect(clock.pending()).toBe(0);
    expect(service.view().status).toBe('requested');
  });
});

describe('webhook acknowledgements: a real receiver on 127.0.0.1', () => {
  let receiver: TestReceiver | null = null;
  afterEach(async () => {
    await receiver?.close();
    receiver = null;
  });

  it('verifies the signed question, answers signed, and the call is acknowledged', async () => {
    receiver = await startReceiver();
    const acknowledged = new Set<string>();
    receiver.respond = (request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const callId = url.searchParams.get('callId') ?? '';
      const timestamp = String(request.headers['x-kiosk-timestamp'] ?? '');
      const signature = String(request.headers['x-kiosk-signature'] ?? '');
      if (!verifyWebhookSignature({ secret, timestamp, body: callId, signature, nowSeconds: Math.floor(Date.now() / 1000) })) {
        response.writeHead(401).end();
        return;
      }
      acknowledged.add(callId);
      const body = statusOf(callId, 'acknowledged');
      const answeredAt = String(Math.floor(Date.now() / 1000));
      response
        .writeHead(200, { 'Content-Type': 'application/json', 'X-Kiosk-Timestamp': answeredAt, 'X-Kiosk-Signature': signWebhookBody(secret, answeredAt, body) })
        .end(body);
    };
    const service = new HelpService({
      terminal: { id: 'info-1', name: 'Infoterminal Foyer', site: 'Bürgerservice Jena' },
      help: resolveHelpConfig(undefined),
      outbox: null,
      sessionId: () => null,
      logger: log.logger,
      clock: new FakeClock(),
    });
    const poller = new WebhookAcknowledgements({
      sources: [{ name: 'webhook-1', url: receiver.url, secret, timeoutMs: 2000 }],
      help: service,
      logger: log.logger,
      clock,
    });
    stops.push(() => poller.stop());
    poller.start();
    const callId = await openCall(service);
    clock.advance(5000);
    await waitFor(() => service.view().status === 'acknowledged', 'the acknowledgement');
    expect(acknowledged).toEqual(new Set([callId]));
    expect(receiver.requests[0]?.method).toBe('GET');
  });
});
