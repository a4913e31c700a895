import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelpOutbox } from '#core/help/helpOutbox';
import { createWebhookChannel, verifyWebhookSignature } from '#core/help/webhookChannel';
import { helpEventSchema } from '#shared/help/helpEvent';
import { captureLog } from '#tests/unit/support/logCapture';
import { freePort, helpEvent, startReceiver, waitFor, type TestReceiver } from './helpFakes';

/**
 * The help chain's promise in small: the webhook is down while a call is enqueued, the kiosk
 * restarts with the call pending, the webhook comes back, and staff see the call exactly once
 * (the receiver de-duplicates by event id, as the channel's doc comment tells receivers to).
 */

const secret = 'end-to-end-secret-0123456789abcdefghij';
let root = '';
let receiver: TestReceiver | null = null;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'help-e2e-'));
});

afterEach(async () => {
  await receiver?.close();
  receiver = null;
  rmSync(root, { recursive: true, force: true });
});

describe('help call delivery across a webhook outage and a restart', () => {
  it('arrives exactly once after the receiver comes back, also when a crash makes the kiosk send it again', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${String(port)}/kiosk-help`;
    const dir = join(root, 'help');
    const log = captureLog();
    // Short backoff with the real clock: the test runs against a real server.
    const boot = () =>
      new HelpOutbox({
        dir,
        channels: [createWebhookChannel({ name: 'webhook-1', url, secret, timeoutMs: 2000, logger: log.logger })],
        logger: log.logger,
        initialBackoffMs: 20,
        maxBackoffMs: 100,
      });

    // Run 1: the receiver is down; the call is on disk and retried, then the kiosk goes away.
    const first = boot();
    await first.start();
    const event = helpEvent({ at: new Date().toISOString() });
    expect((await first.enqueue(event)).ok).toBe(true);
    await waitFor(() => (first.pending()[0]?.attempts ?? 0) >= 2, 'failed attempts while the receiver is down');
    await first.stop();
    const fileWithCall = readFileSync(join(dir, 'outbox.json'), 'utf8');
    expect(fileWithCall).toContain(event.eventId);

    // The receiver comes up; it verifies every request and de-duplicates by event id.
    receiver = await startReceiver(port);
    const seen = new Set<string>();
    let rejected = 0;
    receiver.respond = (request, response) => {
      const timestamp = String(request.headers['x-kiosk-timestamp']);
      const signature = String(request.headers['x-kiosk-signature']);
      if (!verifyWebhookSignature({ secret, timestamp, body: request.body, signature, nowSeconds: Date.now() / 1000 })) {
        rejected += 1;
        response.writeHead(401).end();
        return;
      }
      seen.add(helpEventSchema.parse(JSON.parse(request.body)).eventId);
      response.writeHead(204).end();
    };

    // Run 2: a new outbox on the same folder (the restart) delivers the call.
    const second = boot();
    await second.start();
    await waitFor(() => second.pending().length === 0, 'delivery after the restart');
    await second.stop();
    expect(receiver.requests.length).toBeGreaterThanOrEqual(1);
    expect(rejected).toBe(0);
    expect([...seen]).toEqual([event.eventId]);

    // Run 3: a crash between delivery and the removal on disk is simulated by putting the old
    // file back; the call is sent again (at least once), and the receiver still counts it once.
    writeFileSync(join(dir, 'outbox.json'), fileWithCall);
    const third = boot();
    await third.start();
    await waitFor(() => third.pending().length === 0, 'the repeated delivery');
    await third.stop();
    expect(receiver.requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(receiver.requests.map((r) => r.headers['x-kiosk-event-id']))).toEqual(new Set([event.eventId]));
    expect(seen.size).toBe(1);
  });
});
