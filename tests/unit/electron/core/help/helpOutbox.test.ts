import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelpOutbox, type HelpOutboxOptions, type PendingDelivery } from '#core/help/helpOutbox';
import { createWebhookChannel } from '#core/help/webhookChannel';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';
import { FakeChannel, helpEvent, refused, retryLater, waitFor } from './helpFakes';

let root = '';
let dir = '';
let clock = new FakeClock();
let log: LogCapture = captureLog();
const started: HelpOutbox[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'help-outbox-'));
  dir = join(root, 'help');
  clock = new FakeClock(Date.parse('2026-03-17T08:15:00Z'));
  log = captureLog();
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((outbox) => outbox.stop()));
  rmSync(root, { recursive: true, force: true });
});

function outbox(channels: FakeChannel[], options: Partial<HelpOutboxOptions> = {}): HelpOutbox {
  const created = new HelpOutbox({ dir, channels, logger: log.logger, clock, random: () => 0.5, ...options });
  started.push(created);
  return created;
}

function fileDeliveries(): PendingDelivery[] {
  return (JSON.parse(readFileSync(join(dir, 'outbox.json'), 'utf8')) as { deliveries: PendingDelivery[] }).deliveries;
}

/** Waits until the channel has been called `count` times and the outbox has settled (timer set or nothing left). */
async function attempts(channel: FakeChannel, count: number, box: HelpOutbox): Promise<void> {
  await waitFor(() => channel.calls.length >= count, `${channel.name} to be called ${String(count)} times`);
  await waitFor(() => clock.pending() > 0 || box.pending().every((d) => d.channel !== channel.name), 'the outbox to settle');
}

describe('help outbox: delivery', () => {
  it('has the event on disk for every channel when enqueue resolves, then delivers it once per channel', async () => {
    const a = new FakeChannel('webhook-1');
    const b = new FakeChannel('webhook-2');
    const box = outbox([a, b]);
    const event = helpEvent();
    expect(await box.enqueue(event)).toEqual({ ok: true, value: undefined });
    // Enqueued before start: on disk, not yet sent.
    expect(fileDeliveries().map((d) => [d.channel, d.eventId, d.attempts])).toEqual([
      ['webhook-1', event.eventId, 0],
      ['webhook-2', event.eventId, 0],
    ]);
    expect(fileDeliveries()[0]?.event).toEqual(event);
    expect(a.calls).toHaveLength(0);
    await box.start();
    await waitFor(() => box.pending().length === 0, 'both deliveries');
    await box.stop();
    expect(a.calls).toEqual([event]);
    expect(b.calls).toEqual([event]);
    expect(fileDeliveries()).toEqual([]);
    clock.advance(60 * 60_000);
    expect(a.calls).toHaveLength(1);
    expect(log.entries().filter((e) => e.msg === 'help event delivered')).toHaveLength(2);
  });

  it('sends in order of `at`, one at a time per channel, and ignores an event id enqueued twice', async () => {
    const channel = new FakeChannel('webhook-1');
    const box = outbox([channel]);
    const late = helpEvent({ type: 'resolved', at: '2026-03-17T09:20:00.000+01:00' });
    const early = helpEvent({ type: 'requested', at: '2026-03-17T09:15:00.000+01:00' });
    const middle = helpEvent({ type: 'acknowledged', at: '2026-03-17T08:16:00.000Z' });
    await Promise.all([box.enqueue(late), box.enqueue(early), box.enqueue(middle), box.enqueue(early)]);
    expect(box.pending()).toHaveLength(3);
    await box.start();
    await waitFor(() => box.pending().length === 0, 'all deliveries');
    expect(channel.calls.map((e) => e.type)).toEqual(['requested', 'acknowledged', 'resolved']);
    expect(channel.maxConcurrent).toBe(1);
  });

  it('retries with exponential backoff (1 s, 2 s, 4 s, 8 s) and keeps the attempts on disk', async () => {
    const channel = new FakeChannel('webhook-1', [retryLater, retryLater, retryLater, retryLater]);
    const box = outbox([channel]);
    await box.start();
    await box.enqueue(helpEvent());
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await attempts(channel, attempt, box);
      delays.push(...clock.pendingDelays());
      expect(fileDeliveries()[0]?.attempts).toBe(attempt);
      // Not a moment early.
      clock.advance((delays.at(-1) ?? 0) - 1);
      expect(channel.calls).toHaveLength(attempt);
      clock.advance(1);
    }
    await waitFor(() => box.pending().length === 0, 'the fifth attempt to deliver');
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(channel.calls).toHaveLength(5);
    const warnings = log.entries().filter((e) => e.msg === 'help event not delivered; retrying');
    expect(warnings.map((w) => [w.attempts, w.delayMs, w.reason])).toEqual([
      [1, 1000, 'HTTP 503'],
      [2, 2000, 'HTTP 503'],
      [3, 4000, 'HTTP 503'],
      [4, 8000, 'HTTP 503'],
    ]);
  });

  it('caps the backoff at 5 minutes and spreads it with the injected random (±20 %)', async () => {
    const randoms = [0, 0.999, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    const channel = new FakeChannel('webhook-1', [], retryLater);
    const box = outbox([channel], { random: () => randoms.shift() ?? 0.5 });
    await box.start();
    await box.enqueue(helpEvent());
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt += 1) {
      await attempts(channel, attempt, box);
      const [delay] = clock.pendingDelays();
      delays.push(delay ?? -1);
      clock.advance(delay ?? 0);
    }
    expect(delays).toEqual([800, 2399, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
  });

  it('drops an event the channel refuses for good, with an error log, and goes on with the next', async () => {
    const channel = new FakeChannel('webhook-1', [refused]);
    const box = outbox([channel]);
    const first = helpEvent({ at: '2026-03-17T08:15:00.000Z' });
    const second = helpEvent({ at: '2026-03-17T08:15:01.000Z' });
    await box.enqueue(first);
    await box.enqueue(second);
    await box.start();
    await waitFor(() => box.pending().length === 0, 'both handled');
    expect(channel.calls.map((e) => e.eventId)).toEqual([first.eventId, second.eventId]);
    const errors = log.entries().filter((e) => e.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ eventId: first.eventId, callId: first.callId, reason: 'HTTP 400', channel: 'webhook-1' });
    expect(clock.pending()).toBe(0);
  });

  it('tries a backing-off channel again at once when a new event arrives', async () => {
    const channel = new FakeChannel('webhook-1', [retryLater, retryLater, retryLater]);
    const box = outbox([channel]);
    await box.start();
    await box.enqueue(helpEvent({ type: 'requested', at: '2026-03-17T08:15:00.000Z' }));
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await attempts(channel, attempt, box);
      if (attempt < 3) clock.advance(clock.pendingDelays()[0] ?? 0);
    }
    expect(clock.pendingDelays()).toEqual([4000]);
    await box.enqueue(helpEvent({ type: 'escalated', at: '2026-03-17T08:16:00.000Z' }));
    await waitFor(() => box.pending().length === 0, 'both delivered without waiting');
    expect(channel.calls.map((e) => e.type)).toEqual(['requested', 'requested', 'requested', 'requested', 'escalated']);
  });

  it('keeps concurrent enqueues apart: every one is on disk', async () => {
    const channel = new FakeChannel('webhook-1', [], retryLater);
    const box = outbox([channel]);
    const events = Array.from({ length: 25 }, (_, i) => helpEvent({ at: new Date(Date.parse('2026-03-17T08:00:00Z') + i * 1000).toISOString() }));
    const results = await Promise.all(events.map((event) => box.enqueue(event)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(fileDeliveries().map((d) => d.eventId))).toEqual(new Set(events.map((e) => e.eventId)));
    const reloaded = outbox([channel]);
    await reloaded.start();
    expect(reloaded.pending()).toHaveLength(25);
  });

  it('enqueues only for the channels the filter accepts, and delivers only to those', async () => {
    const always = new FakeChannel('webhook-1');
    const escalation = new FakeChannel('webhook-2');
    const box = outbox([always, escalation]);
    const requested = helpEvent({ type: 'requested' });
    const escalated = helpEvent({ type: 'escalated', callId: requested.callId, at: '2026-03-17T09:17:00.000+01:00' });
    await box.enqueue(requested, (name) => name !== 'webhook-2');
    await box.enqueue(escalated);
    expect(fileDeliveries().map((d) => `${d.event.type}:${d.channel}`)).toEqual(['requested:webhook-1', 'escalated:webhook-1', 'escalated:webhook-2']);
    // Accepting no channel at all writes nothing.
    expect(await box.enqueue(helpEvent(), () => false)).toEqual({ ok: true, value: undefined });
    expect(fileDeliveries()).toHaveLength(3);
    await box.start();
    await waitFor(() => box.pending().length === 0, 'all deliveries');
    expect(always.calls.map((e) => e.type)).toEqual(['requested', 'escalated']);
    expect(escalation.calls.map((e) => e.type)).toEqual(['escalated']);
  });

  it('refuses an invalid event (nothing outside the schema gets on disk)', async () => {
    const box = outbox([new FakeChannel('webhook-1')]);
    const withPersonalData = { ...helpEvent(), citizenName: 'Erika Mustermann' };
    const result = await box.enqueue(withPersonalData);
    expect(result.ok).toBe(false);
    expect(box.pending()).toEqual([]);
    expect(existsSync(join(dir, 'outbox.json'))).toBe(false);
  });
});

describe('help outbox: restarts and damaged files', () => {
  it('a new outbox on the same folder delivers what the first one left, in order, with its backoff state', async () => {
    const down = new FakeChannel('webhook-1', [], retryLater);
    const first = outbox([down]);
    await first.start();
    const requested = helpEvent({ type: 'requested', at: '2026-03-17T08:15:00.000Z' });
    const cancelled = helpEvent({ type: 'cancelled', callId: requested.callId, at: '2026-03-17T08:17:00.000Z' });
    await first.enqueue(requested);
    await attempts(down, 1, first);
    await first.enqueue(cancelled);
    await attempts(down, 2, first);
    await first.stop();
    expect(fileDeliveries().map((d) => d.eventId)).toEqual([requested.eventId, cancelled.eventId]);
    const attemptsBefore = down.calls.length;

    const up = new FakeChannel('webhook-1');
    const second = outbox([up]);
    await second.start();
    expect(second.pending().map((d) => d.eventId)).toEqual([requested.eventId, cancelled.eventId]);
    // The head's next attempt is in the future (backoff survived the restart).
    expect(clock.pendingDelays()).toHaveLength(1);
    clock.advance(clock.pendingDelays()[0] ?? 0);
    await waitFor(() => second.pending().length === 0, 'the restart to deliver');
    expect(up.calls.map((e) => e.eventId)).toEqual([requested.eventId, cancelled.eventId]);
    expect(down.calls).toHaveLength(attemptsBefore);
    await second.stop();
    expect(fileDeliveries()).toEqual([]);
    expect(log.entries().some((e) => e.msg === 'help outbox resumed' && e.pending === 2)).toBe(true);
  });

  it('drops events older than a day at start, undelivered, with an error in the log', async () => {
    const down = new FakeChannel('webhook-1', [], retryLater);
    const first = outbox([down]);
    await first.start();
    await first.enqueue(helpEvent({ type: 'requested', at: '2026-03-17T08:15:00.000Z' }));
    await attempts(down, 1, first);
    await first.stop();
    clock.advance(25 * 60 * 60_000);
    const second = outbox([new FakeChannel('webhook-1')]);
    await second.start();
    expect(second.pending()).toEqual([]);
    expect(fileDeliveries()).toEqual([]);
    expect(log.entries().some((e) => e.msg === 'help event dropped: older than the outbox keeps events')).toBe(true);
  });

  it('drops an event that grows older than a day while its channel stays down, instead of retrying it for ever', async () => {
    const down = new FakeChannel('webhook-1', [], retryLater);
    const box = outbox([down], { maxBackoffMs: 60 * 60_000 });
    await box.start();
    await box.enqueue(helpEvent({ type: 'requested', at: '2026-03-17T08:15:00.000Z' }));
    for (let attempt = 1; box.pending().length > 0 && attempt < 100; attempt += 1) {
      await attempts(down, attempt, box);
      clock.advance(Math.max(...clock.pendingDelays(), 0));
    }
    expect(box.pending()).toEqual([]);
    // The drop is written after it leaves the list: stop waits for that write before the file is read.
    await box.stop();
    expect(fileDeliveries()).toEqual([]);
    expect(clock.now() - Date.parse('2026-03-17T08:15:00.000Z')).toBeGreaterThan(24 * 60 * 60_000);
    expect(log.entries().some((e) => e.msg === 'help event dropped: older than the outbox keeps events')).toBe(true);
  });

  it('deletes corrupt copies older than a week at start; newer ones stay for staff', async () => {
    mkdirSync(dir, { recursive: true });
    const old = join(dir, 'outbox.json.corrupt-2026-03-01T00-00-00-000Z');
    const recent = join(dir, 'outbox.json.corrupt-2026-03-16T00-00-00-000Z');
    writeFileSync(old, '{');
    writeFileSync(recent, '{');
    utimesSync(old, new Date(clock.now() - 8 * 86_400_000), new Date(clock.now() - 8 * 86_400_000));
    utimesSync(recent, new Date(clock.now() - 86_400_000), new Date(clock.now() - 86_400_000));
    await outbox([new FakeChannel('webhook-1')]).start();
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual(['outbox.json.corrupt-2026-03-16T00-00-00-000Z']);
  });

  it('moves a corrupt file aside, logs an error, starts empty and works on', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'outbox.json'), '{"version":1,"deliveries":[{"eventId":');
    const channel = new FakeChannel('webhook-1');
    const box = outbox([channel]);
    expect(await box.start()).toEqual({ ok: true, value: undefined });
    expect(box.pending()).toEqual([]);
    const aside = readdirSync(dir).filter((name) => name.startsWith('outbox.json.corrupt-'));
    expect(aside).toEqual(['outbox.json.corrupt-2026-03-17T08-15-00-000Z']);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"version":1,"deliveries":[{"eventId":');
    expect(
      log
        .entries()
        .filter((e) => e.level === 50)
        .map((e) => e.msg),
    ).toEqual(['help outbox is corrupt', 'help outbox moved aside']);
    await box.enqueue(helpEvent());
    await waitFor(() => box.pending().length === 0, 'a delivery after the corrupt file');
    expect(channel.calls).toHaveLength(1);
  });

  it('moves a file of the wrong shape aside', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'outbox.json'), '[1, 2, 3]');
    const box = outbox([new FakeChannel('webhook-1')]);
    await box.start();
    expect(readdirSync(dir).filter((name) => name.startsWith('outbox.json.corrupt-'))).toHaveLength(1);
    expect(existsSync(join(dir, 'outbox.json'))).toBe(false);
  });

  it('keeps the valid entries of a partly invalid file, moves the original aside and drops entries of removed channels', async () => {
    const good = helpEvent();
    const orphan = helpEvent();
    const now = new Date(clock.now()).toISOString();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'outbox.json'),
      JSON.stringify({
        version: 1,
        deliveries: [
          { eventId: good.eventId, channel: 'webhook-1', event: good, attempts: 3, nextAttemptAt: now },
          { eventId: 'not-a-uuid', channel: 'webhook-1', event: { type: 'requested' }, attempts: 0, nextAttemptAt: now },
          { eventId: orphan.eventId, channel: 'webhook-9', event: orphan, attempts: 0, nextAttemptAt: now },
        ],
      }),
    );
    // A write cut off by a crash leaves a temporary file; it is cleaned up.
    writeFileSync(join(dir, 'outbox.json.4242.7.tmp'), '{"version":1,"deli');
    const channel = new FakeChannel('webhook-1', [retryLater]);
    const box = outbox([channel]);
    await box.start();
    await attempts(channel, 1, box);
    expect(box.pending().map((d) => [d.eventId, d.attempts])).toEqual([[good.eventId, 4]]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.startsWith('outbox.json.corrupt-'))).toHaveLength(1);
    expect(log.entries().some((e) => e.msg === 'help event dropped: its channel is no longer configured' && e.eventId === orphan.eventId)).toBe(true);
    expect(log.entries().some((e) => e.msg === 'help outbox had invalid entries' && e.invalid === 1)).toBe(true);
  });

  it('stop aborts a delivery in flight and leaves it pending for the next start', async () => {
    const channel = new FakeChannel('webhook-1', ['hang']);
    const box = outbox([channel]);
    await box.start();
    const event = helpEvent();
    await box.enqueue(event);
    await waitFor(() => channel.calls.length === 1, 'the delivery to begin');
    await box.stop();
    expect(channel.signals[0]?.aborted).toBe(true);
    expect(fileDeliveries().map((d) => [d.eventId, d.attempts])).toEqual([[event.eventId, 0]]);
    const again = outbox([channel]);
    await again.start();
    await waitFor(() => again.pending().length === 0, 'delivery after the restart');
    expect(channel.calls.map((e) => e.eventId)).toEqual([event.eventId, event.eventId]);
  });

  it('an unwritable folder fails the enqueue but the call is still delivered from memory', async () => {
    mkdirSync(root, { recursive: true });
    writeFileSync(dir, 'a file where the folder should be');
    const channel = new FakeChannel('webhook-1');
    const box = outbox([channel]);
    await box.start();
    const result = await box.enqueue(helpEvent());
    expect(result.ok).toBe(false);
    await waitFor(() => channel.calls.length === 1, 'delivery from memory');
  });
});

describe('help outbox: logs', () => {
  it('never logs the webhook secret or the event content', async () => {
    const secret = 'outbox-test-secret-0123456789abcdef-XYZ';
    const statuses = [503, 400, 204];
    const fakeFetch: typeof fetch = () => Promise.resolve(new Response(null, { status: statuses.shift() ?? 204 }));
    const verbose = captureLog('trace');
    const webhook = createWebhookChannel({
      name: 'webhook-1',
      url: 'https://staff.example.de/hook',
      secret,
      timeoutMs: 1000,
      fetch: fakeFetch,
      logger: verbose.logger,
    });
    const box = new HelpOutbox({ dir, channels: [webhook], logger: verbose.logger, clock, random: () => 0.5 });
    started.push(box);
    await box.start();
    const refusedEvent = helpEvent({ at: '2026-03-17T08:15:00.000Z' });
    const deliveredEvent = helpEvent({ at: '2026-03-17T08:15:01.000Z' });
    await box.enqueue(refusedEvent);
    await box.enqueue(deliveredEvent);
    await waitFor(() => clock.pending() === 1, 'the retry timer');
    clock.advance(1000);
    await waitFor(() => box.pending().length === 0, 'refused and delivered');
    const raw = verbose.raw();
    expect(raw).toContain(refusedEvent.eventId);
    expect(raw).toContain(deliveredEvent.callId);
    for (const forbidden of [secret, 'Infoterminal Foyer', 'Foyer, links', 'info-search', 'Bürgerservice']) expect(raw).not.toContain(forbidden);
  });
});
