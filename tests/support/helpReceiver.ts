import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhookBody, verifyWebhookSignature } from '#core/help/webhookChannel';
import { helpEventSchema, type HelpEvent } from '#shared/help/helpEvent';

/**
 * A staff receiver for help calls, as a city's own system would run it, on 127.0.0.1 for tests:
 * it takes the kiosk's signed POSTs (checking each signature), keeps every request it got and the
 * events de-duplicated by id, and answers the kiosk's signed acknowledgement questions with what
 * the test decided ("staff acknowledged call X").
 */
export interface HelpReceiver {
  readonly url: string;
  readonly acknowledgeUrl: string;
  readonly port: number;
  /** Every POST that arrived with a valid signature, in order (duplicates included). */
  readonly received: readonly HelpEvent[];
  /** POSTs whose signature did not verify (must stay empty). */
  readonly badSignatures: number;
  /** The events by id, each once. */
  unique(): HelpEvent[];
  /** From now on the answer to "is call X acknowledged?" is `status`. */
  setStatus(callId: string, status: 'open' | 'acknowledged' | 'resolved'): void;
  /** Resolves with the first event of `type` (for `callId`, if given) that arrives. */
  waitFor(type: HelpEvent['type'], callId?: string, timeoutMs?: number): Promise<HelpEvent>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** Starts the receiver on 127.0.0.1 (`port` 0: any free one). */
export async function startHelpReceiver(secret: string, port = 0): Promise<HelpReceiver> {
  const received: HelpEvent[] = [];
  const statuses = new Map<string, 'open' | 'acknowledged' | 'resolved'>();
  const waiters = new Set<() => void>();
  let badSignatures = 0;
  const nowSeconds = (): number => Math.floor(Date.now() / 1000);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const timestamp = String(request.headers['x-kiosk-timestamp'] ?? '');
    const signature = String(request.headers['x-kiosk-signature'] ?? '');
    if (request.method === 'POST' && url.pathname === '/help') {
      const body = await readBody(request);
      if (!verifyWebhookSignature({ secret, timestamp, body, signature, nowSeconds: nowSeconds() })) {
        badSignatures += 1;
        response.writeHead(401).end();
        return;
      }
      const event = helpEventSchema.parse(JSON.parse(body));
      received.push(event);
      response.writeHead(204).end();
      for (const waiter of waiters) waiter();
      return;
    }
    if (request.method === 'GET' && url.pathname === '/acknowledged') {
      const callId = url.searchParams.get('callId') ?? '';
      if (!verifyWebhookSignature({ secret, timestamp, body: callId, signature, nowSeconds: nowSeconds() })) {
        badSignatures += 1;
        response.writeHead(401).end();
        return;
      }
      const body = JSON.stringify({ callId, status: statuses.get(callId) ?? 'open' });
      const answeredAt = String(nowSeconds());
      response
        .writeHead(200, { 'Content-Type': 'application/json', 'X-Kiosk-Timestamp': answeredAt, 'X-Kiosk-Signature': signWebhookBody(secret, answeredAt, body) })
        .end(body);
      return;
    }
    response.writeHead(404).end();
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${String(actualPort)}`;

  return {
    url: `${origin}/help`,
    acknowledgeUrl: `${origin}/acknowledged`,
    port: actualPort,
    received,
    get badSignatures() {
      return badSignatures;
    },
    unique: () => [...new Map(received.map((event) => [event.eventId, event])).values()],
    setStatus: (callId, status) => {
      statuses.set(callId, status);
    },
    waitFor: (type, callId, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = received.find((event) => event.type === type && (callId === undefined || event.callId === callId));
          if (hit === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${type}" help event within ${String(timeoutMs)} ms (got: ${received.map((e) => e.type).join(', ') || 'nothing'})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
