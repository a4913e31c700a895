import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryOutcome, HelpChannel } from '#core/help/helpChannel';
import type { HelpEvent } from '#shared/help/helpEvent';

/** A valid help event; the terminal name and location stand in for "content that must not be logged". */
export function helpEvent(overrides: Partial<HelpEvent> = {}): HelpEvent {
  return {
    version: 1,
    eventId: randomUUID(),
    callId: randomUUID(),
    type: 'requested',
    at: '2026-03-17T09:15:00.000+01:00',
    terminal: { id: 'info-1', name: 'Infoterminal Foyer', site: 'Bürgerservice Jena' },
    location: 'Foyer, links neben dem Eingang',
    screen: 'info-search',
    language: 'ar',
    ...overrides,
  };
}

/** A channel double: answers with the scripted outcomes in turn (then `fallback`) and records every call. */
export class FakeChannel implements HelpChannel {
  readonly calls: HelpEvent[] = [];
  readonly signals: AbortSignal[] = [];
  /** Deliveries running at the same time, at most. */
  maxConcurrent = 0;
  #running = 0;

  constructor(
    readonly name: string,
    private readonly script: (DeliveryOutcome | 'hang')[] = [],
    private readonly fallback: DeliveryOutcome = { delivered: true },
  ) {}

  async deliver(event: HelpEvent, signal: AbortSignal): Promise<DeliveryOutcome> {
    this.calls.push(event);
    this.signals.push(signal);
    this.#running += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.#running);
    try {
      const next = this.script.shift() ?? this.fallback;
      if (next !== 'hang') {
        await Promise.resolve();
        return next;
      }
      // Like a request that never answers: settles only when aborted.
      return await new Promise<DeliveryOutcome>((resolve) => {
        signal.addEventListener('abort', () => resolve({ delivered: false, retry: true, reason: 'aborted' }), { once: true });
      });
    } finally {
      this.#running -= 1;
    }
  }
}

export const retryLater: DeliveryOutcome = { delivered: false, retry: true, reason: 'HTTP 503' };
export const refused: DeliveryOutcome = { delivered: false, retry: false, reason: 'HTTP 400' };

/** Waits (for real, briefly) until `check` holds; file writes with fsync need real time. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface ReceivedRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A webhook receiver on 127.0.0.1; `respond` decides each answer (default 204). */
export interface TestReceiver {
  readonly server: Server;
  readonly url: string;
  readonly requests: ReceivedRequest[];
  respond: (request: ReceivedRequest, response: ServerResponse) => void;
  close(): Promise<void>;
}

/** Starts a receiver on `port` (0: any free port). */
export async function startReceiver(port = 0): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  const receiver: TestReceiver = {
    server: createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        requests.push(request);
        receiver.respond(request, res);
      });
    }),
    url: '',
    requests,
    respond: (_request, response) => {
      response.writeHead(204).end();
    },
    close: () =>
      new Promise<void>((resolve) => {
        receiver.server.closeAllConnections();
        receiver.server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve, reject) => {
    receiver.server.once('error', reject);
    receiver.server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = receiver.server.address() as AddressInfo;
  return Object.assign(receiver, { url: `http://127.0.0.1:${String(address.port)}/kiosk-help` });
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function freePort(): Promise<number> {
  const probe = await startReceiver();
  const port = (probe.server.address() as AddressInfo).port;
  await probe.close();
  return port;
}
