import { readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from '#shared/zodConfig';
import { fail, ok, type Result } from '#shared/result';
import { helpEventSchema, type HelpEvent } from '#shared/help/helpEvent';
import { errorCode, removeAtomicTempFiles, writeFileAtomically } from '../files/atomicFile';
import type { Logger } from '../logging/logger';
import { systemClock, type Clock } from '../session/clock';
import type { DeliveryOutcome, HelpChannel } from './helpChannel';

/**
 * The durable outbox of help events: a help call is never lost (docs/architecture.md, "Help calls and staff"). `enqueue` resolves once the event is on disk for every channel, in `<dir>/outbox.json`,
 * which is only ever replaced atomically. Each channel has its own delivery loop: one event at a
 * time, oldest `at` first, retried with exponential backoff while the channel is down, removed once
 * delivered. After a restart `start` reads the file and carries on.
 *
 * Delivery is at least once: a crash between a delivery and the removal written to disk sends the
 * event again after the restart, with the same `eventId`. Receivers de-duplicate by `eventId`.
 */

export const helpOutboxFileName = 'outbox.json';
const fileVersion = 1;
const defaultInitialBackoffMs = 1000;
const defaultMaxBackoffMs = 5 * 60_000;
/** Far more than a day of help calls; only bounds the file if a channel stays down for weeks. */
const defaultMaxPendingPerChannel = 1000;
/** A call older than this helps nobody any more: the person has long left. */
const defaultMaxAgeMs = 24 * 60 * 60_000;
/** How long a corrupt outbox is kept aside for staff to look at. */
const corruptCopyMaxAgeMs = 7 * 24 * 60 * 60_000;

const deliverySchema = z.strictObject({
  eventId: z.uuid(),
  channel: z.string().min(1).max(100),
  event: helpEventSchema,
  attempts: z.number().int().min(0),
  nextAttemptAt: z.iso.datetime({ offset: true }),
});

/** One event waiting for one channel, as it is kept in the outbox file. */
export type PendingDelivery = z.infer<typeof deliverySchema>;

// Deliveries are checked one by one, so one bad entry does not cost the others.
const fileSchema = z.strictObject({ version: z.literal(fileVersion), deliveries: z.array(z.unknown()) });

export interface HelpOutboxOptions {
  /** The outbox's folder, `<dataDir>/help`; created when missing. Owned by this one process. */
  readonly dir: string;
  /** The remote channels; their names must be unique. */
  readonly channels: readonly HelpChannel[];
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Source of jitter in [0, 1) (default Math.random). */
  readonly random?: () => number;
  /** First retry delay (default 1 s); it doubles per attempt up to `maxBackoffMs` (default 5 min). */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Oldest events beyond this many per channel are dropped with an error (default 1000). */
  readonly maxPendingPerChannel?: number;
  /** Events older than this are dropped undelivered, with an error in the log (default 24 h). */
  readonly maxAgeMs?: number;
}

interface ChannelLoop {
  readonly channel: HelpChannel;
  timer: unknown;
  inFlight: Promise<void> | null;
  abort: AbortController | null;
}

/** The outbox; see the module comment. No method throws. */
export class HelpOutbox {
  readonly #path: string;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #initialBackoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #maxPending: number;
  readonly #maxAgeMs: number;
  readonly #loops: ChannelLoop[];
  /** The pending deliveries; the file holds the same after every write. */
  #deliveries: PendingDelivery[] = [];
  #loaded: Promise<void> | null = null;
  #running = false;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(options: HelpOutboxOptions) {
    this.#path = join(options.dir, helpOutboxFileName);
    this.#logger = options.logger;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#initialBackoffMs = options.initialBackoffMs ?? defaultInitialBackoffMs;
    this.#maxBackoffMs = options.maxBackoffMs ?? defaultMaxBackoffMs;
    this.#maxPending = options.maxPendingPerChannel ?? defaultMaxPendingPerChannel;
    this.#maxAgeMs = options.maxAgeMs ?? defaultMaxAgeMs;
    const names = new Set<string>();
    this.#loops = [];
    for (const channel of options.channels) {
      // A second channel of the same name could not be told apart in the file.
      if (names.has(channel.name)) {
        this.#logger.error({ channel: channel.name }, 'help channel name used twice; the second one is ignored');
        continue;
      }
      names.add(channel.name);
      this.#loops.push({ channel, timer: null, inFlight: null, abort: null });
    }
  }

  /** Reads what a previous run left (once) and starts delivering; safe to call again after `stop`. */
  async start(): Promise<Result<void>> {
    await this.#ensureLoaded();
    if (this.#running) return ok(undefined);
    this.#running = true;
    for (const loop of this.#loops) this.#pump(loop);
    return ok(undefined);
  }

  /**
   * Adds an event for every channel (or only those `channels` accepts, by name) and resolves once
   * that is on disk. An error means it is not on disk; it is still delivered from memory while the
   * process runs. Enqueuing an event id again changes nothing. Works before `start` too (delivery
   * begins at `start`).
   */
  async enqueue(event: HelpEvent, channels?: (name: string) => boolean): Promise<Result<void>> {
    const parsed = helpEventSchema.safeParse(event);
    if (!parsed.success) return fail('invalid-payload', `help event is invalid: ${parsed.error.issues[0]?.message ?? 'unknown issue'}`);
    await this.#ensureLoaded();
    const now = this.#clock.now();
    let added = false;
    for (const loop of this.#loops) {
      const channel = loop.channel.name;
      if (channels !== undefined && !channels(channel)) continue;
      if (this.#deliveries.some((d) => d.eventId === parsed.data.eventId && d.channel === channel)) continue;
      // A new event makes a channel that is backing off try again now: it may be back, and staff
      // should not wait minutes for the next call because an earlier one failed.
      const head = this.#headOf(channel);
      if (head !== undefined && Date.parse(head.nextAttemptAt) > now) head.nextAttemptAt = new Date(now).toISOString();
      this.#deliveries.push({ eventId: parsed.data.eventId, channel, event: parsed.data, attempts: 0, nextAttemptAt: new Date(now).toISOString() });
      this.#enforceLimit(channel);
      added = true;
    }
    if (!added) return ok(undefined);
    const written = await this.#persist();
    for (const loop of this.#loops) this.#pump(loop);
    return written;
  }

  /** Stops delivering: aborts deliveries in flight and waits for them and for pending writes. */
  async stop(): Promise<void> {
    this.#running = false;
    for (const loop of this.#loops) {
      if (loop.timer !== null) this.#clock.clearTimeout(loop.timer);
      loop.timer = null;
      loop.abort?.abort();
    }
    await Promise.all(this.#loops.map((loop) => loop.inFlight ?? Promise.resolve()));
    await this.#tail;
  }

  /** The pending deliveries (copies), for diagnostics and tests. */
  pending(): PendingDelivery[] {
    return this.#deliveries.map((delivery) => ({ ...delivery }));
  }

  #ensureLoaded(): Promise<void> {
    this.#loaded ??= this.#serialized(() => this.#load());
    return this.#loaded;
  }

  /** One file operation at a time, so a later write never overtakes an earlier one. */
  #serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Writes the deliveries as they are when the write begins, so it includes every change before. */
  #persist(): Promise<Result<void>> {
    return this.#serialized(() => this.#writeNow());
  }

  /** The write itself; only ever called inside #serialized. */
  async #writeNow(): Promise<Result<void>> {
    const content = `${JSON.stringify({ version: fileVersion, deliveries: this.#deliveries }, null, 1)}\n`;
    const written = await writeFileAtomically(this.#path, content);
    if (!written.ok) {
      this.#logger.error({ reason: written.error.detail }, 'help outbox not written; pending calls live only in memory until the next write');
      return fail('internal', `help outbox ${written.error.detail ?? 'not written'}`);
    }
    return written;
  }

  async #load(): Promise<void> {
    await removeAtomicTempFiles(this.#path);
    await this.#removeOldCorruptCopies();
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      this.#logger.error({ reason: errorCode(error) ?? 'unknown error' }, 'help outbox unreadable');
      await this.#moveAside();
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.#logger.error({ reason: 'not valid JSON' }, 'help outbox is corrupt');
      await this.#moveAside();
      return;
    }
    const file = fileSchema.safeParse(json);
    if (!file.success) {
      this.#logger.error({ reason: file.error.issues[0]?.message ?? 'unknown issue' }, 'help outbox is invalid');
      await this.#moveAside();
      return;
    }
    const channels = new Set(this.#loops.map((loop) => loop.channel.name));
    const latest = this.#clock.now() + this.#maxBackoffMs;
    let invalid = 0;
    let dropped = 0;
    for (const entry of file.data.deliveries) {
      const delivery = deliverySchema.safeParse(entry);
      if (!delivery.success || delivery.data.eventId !== delivery.data.event.eventId) {
        invalid += 1;
        continue;
      }
      const { data } = delivery;
      if (!channels.has(data.channel)) {
        // The channel was removed from the config; nobody is left to deliver to.
        this.#logger.error(
          { channel: data.channel, eventId: data.eventId, callId: data.event.callId, type: data.event.type },
          'help event dropped: its channel is no longer configured',
        );
        continue;
      }
      if (this.#deliveries.some((d) => d.eventId === data.eventId && d.channel === data.channel)) continue;
      if (this.#clock.now() - Date.parse(data.event.at) > this.#maxAgeMs) {
        this.#logger.error(
          { channel: data.channel, eventId: data.eventId, callId: data.event.callId, type: data.event.type },
          'help event dropped: older than the outbox keeps events',
        );
        dropped += 1;
        continue;
      }
      // A clock that went back must not postpone a call beyond the longest backoff.
      if (Date.parse(data.nextAttemptAt) > latest) data.nextAttemptAt = new Date(latest).toISOString();
      this.#deliveries.push(data);
    }
    if (invalid > 0) {
      // The original stays for staff to look at; the valid entries go on.
      this.#logger.error({ invalid, kept: this.#deliveries.length }, 'help outbox had invalid entries');
      await this.#moveAside();
    }
    // Inside the load (already serialized): written directly, not queued behind itself.
    if (dropped > 0) await this.#writeNow();
    if (this.#deliveries.length > 0) this.#logger.info({ pending: this.#deliveries.length }, 'help outbox resumed');
  }

  /** Deletes `outbox.json.corrupt-*` copies older than a week. */
  async #removeOldCorruptCopies(): Promise<void> {
    const dir = dirname(this.#path);
    const prefix = `${basename(this.#path)}.corrupt-`;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names.filter((entry) => entry.startsWith(prefix))) {
      try {
        if (this.#clock.now() - (await stat(join(dir, name))).mtimeMs > corruptCopyMaxAgeMs) await unlink(join(dir, name));
      } catch {
        // Gone meanwhile.
      }
    }
  }

  /** Renames the outbox file to `outbox.json.corrupt-<time>`; the outbox starts over. */
  async #moveAside(): Promise<void> {
    // No colons: the name must be valid on Windows too.
    const aside = `${this.#path}.corrupt-${new Date(this.#clock.now()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(this.#path, aside);
      this.#logger.error({ file: aside }, 'help outbox moved aside');
    } catch (error) {
      this.#logger.error({ reason: errorCode(error) ?? 'unknown error' }, 'help outbox could not be moved aside; it is replaced at the next write');
    }
  }

  /** The channel's next delivery: the oldest event by `at`, in enqueue order among equals. */
  #headOf(channel: string): PendingDelivery | undefined {
    let head: PendingDelivery | undefined;
    for (const delivery of this.#deliveries) {
      if (delivery.channel === channel && (head === undefined || Date.parse(delivery.event.at) < Date.parse(head.event.at))) head = delivery;
    }
    return head;
  }

  #enforceLimit(channel: string): void {
    while (this.#deliveries.filter((d) => d.channel === channel).length > this.#maxPending) {
      const oldest = this.#headOf(channel);
      if (oldest === undefined) return;
      this.#remove(oldest);
      this.#logger.error(
        { channel, eventId: oldest.eventId, callId: oldest.event.callId, type: oldest.event.type },
        'help event dropped: too many pending for a channel that stays down',
      );
    }
  }

  #remove(delivery: PendingDelivery): void {
    this.#deliveries = this.#deliveries.filter((d) => d !== delivery);
  }

  /** Starts the channel's next delivery when it is due, or sets a timer for when it will be. */
  #pump(loop: ChannelLoop): void {
    if (!this.#running || loop.inFlight !== null) return;
    if (loop.timer !== null) this.#clock.clearTimeout(loop.timer);
    loop.timer = null;
    const head = this.#headOf(loop.channel.name);
    if (head === undefined) return;
    const wait = Date.parse(head.nextAttemptAt) - this.#clock.now();
    if (wait > 0) {
      loop.timer = this.#clock.setTimeout(() => {
        loop.timer = null;
        this.#pump(loop);
      }, wait);
      return;
    }
    loop.inFlight = this.#attempt(loop, head).finally(() => {
      loop.inFlight = null;
      this.#pump(loop);
    });
  }

  async #attempt(loop: ChannelLoop, delivery: PendingDelivery): Promise<void> {
    const controller = new AbortController();
    loop.abort = controller;
    const channel = loop.channel.name;
    let outcome: DeliveryOutcome;
    try {
      outcome = await loop.channel.deliver(delivery.event, controller.signal);
    } catch (error) {
      // The port says channels never throw; one that does is treated as a passing failure.
      outcome = { delivered: false, retry: true, reason: `channel failed: ${error instanceof Error ? error.name : 'unknown error'}` };
    }
    loop.abort = null;
    // Stopped in the middle: the entry stays as it is for the next start.
    if (controller.signal.aborted && !outcome.delivered) return;
    if (!this.#deliveries.includes(delivery)) return;
    const attempts = delivery.attempts + 1;
    const context = { channel, eventId: delivery.eventId, callId: delivery.event.callId, type: delivery.event.type, attempts };
    if (outcome.delivered) {
      this.#remove(delivery);
      this.#logger.info(context, 'help event delivered');
    } else if (outcome.retry && this.#clock.now() - Date.parse(delivery.event.at) > this.#maxAgeMs) {
      // A channel down for longer than the outbox keeps events: the call is stale, and it must not stay on disk.
      this.#remove(delivery);
      this.#logger.error({ ...context, reason: outcome.reason }, 'help event dropped: older than the outbox keeps events');
    } else if (outcome.retry) {
      const delayMs = this.#backoff(attempts);
      delivery.attempts = attempts;
      delivery.nextAttemptAt = new Date(this.#clock.now() + delayMs).toISOString();
      this.#logger.warn({ ...context, reason: outcome.reason, delayMs }, 'help event not delivered; retrying');
    } else {
      this.#remove(delivery);
      this.#logger.error({ ...context, reason: outcome.reason }, 'help event dropped: the channel refused it and retrying cannot help');
    }
    await this.#persist();
  }

  /** 1 s, 2 s, 4 s … up to the cap, each ±20 % so terminals that lost the network together do not retry in step. */
  #backoff(attempts: number): number {
    const base = this.#initialBackoffMs * 2 ** Math.min(attempts - 1, 30);
    return Math.min(this.#maxBackoffMs, Math.round(base * (0.8 + 0.4 * this.#random())));
  }
}
