import { describe, expect, it } from 'vitest';
import { Listeners, reconnectReasons, type HealthReport } from '#core/devices/device';
import { SerialEscPosPrinter, type EscPosSerialConfig } from '#core/devices/printer/serialEscPosPrinter';
import type { SerialLink, SerialOpener, SerialOpenResult } from '#core/devices/transport/serialLink';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { statusAnswerByte, type VirtualPrinterStatus } from '#tests/support/virtualEscposPrinter';
import { printerDeps } from './printerTestDeps';

type Responder = (request: number) => number[] | null;

/** Epson DLE DC4 fn=8 (clear buffers) and its response, as the ESC/POS reference gives them. */
const clearCommand = [0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08];
const clearResponse = [0x37, 0x25, 0x00];

function isStatusRequest(bytes: readonly number[]): boolean {
  return bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04;
}

function isClear(bytes: readonly number[]): boolean {
  return bytes.length === clearCommand.length && bytes.every((b, i) => b === clearCommand[i]);
}

/** A serial link double; `respond` answers DLE EOT requests and the clear command like a printer would. */
class FakeLink implements SerialLink {
  isOpen = true;
  readonly writes: number[][] = [];
  /** Writes, flushes and closes in order: 'status', 'clear', 'job', 'flush', 'close'. */
  readonly events: string[] = [];
  status: VirtualPrinterStatus = { paperEnd: false, paperNearEnd: false, coverOpen: false, offline: false };
  respond: Responder = (kind) => [statusAnswerByte(kind, this.status)];
  respondToClear: number[] | null = clearResponse;
  /** How job writes (not status requests or the clear) end. */
  jobWrite: 'ok' | 'reject' | 'hang' = 'ok';
  readonly #data = new Listeners<Uint8Array>();
  readonly #close = new Listeners<'unplugged' | 'error' | 'closed'>();
  /** Rejects the write in progress, as the real link does on flush and close. */
  #pending: ((error: Error) => void) | null = null;

  write(bytes: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.reject(new Error('port closed'));
    const written = [...bytes];
    this.writes.push(written);
    if (isStatusRequest(written)) {
      this.events.push('status');
      const answer = this.respond(bytes[2] ?? 0);
      if (answer) setImmediate(() => this.#data.emit(Uint8Array.from(answer)));
      return Promise.resolve();
    }
    if (isClear(written)) {
      this.events.push('clear');
      const answer = this.respondToClear;
      if (answer) setImmediate(() => this.#data.emit(Uint8Array.from(answer)));
      return Promise.resolve();
    }
    this.events.push('job');
    if (this.jobWrite === 'reject') return Promise.reject(new Error('EIO'));
    if (this.jobWrite === 'hang') return new Promise<void>((_, reject) => (this.#pending = reject));
    return Promise.resolve();
  }

  flush(): Promise<void> {
    this.events.push('flush');
    this.#pending?.(new Error('flushed'));
    this.#pending = null;
    return Promise.resolve();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.#data.add(listener);
  }

  onClose(listener: (reason: 'unplugged' | 'error' | 'closed') => void): () => void {
    return this.#close.add(listener);
  }

  close(): Promise<void> {
    this.events.push('close');
    if (this.isOpen) {
      this.isOpen = false;
      this.#pending?.(new Error('port closed'));
      this.#pending = null;
      this.#close.emit('closed');
    }
    return Promise.resolve();
  }

  emit(bytes: number[]): void {
    this.#data.emit(Uint8Array.from(bytes));
  }

  unplug(): void {
    this.isOpen = false;
    this.#close.emit('unplugged');
  }

  requests(): number[] {
    return this.writes.filter(isStatusRequest).map((w) => w[2] ?? 0);
  }
}

const config: EscPosSerialConfig = { id: 'receipt', kind: 'printer', driver: 'escpos-serial', path: '/dev/ttyPRINTER', statusPollSeconds: 10 };

function setup(
  results: (SerialOpenResult | (() => Promise<SerialOpenResult>))[] = [],
  prepare: (link: FakeLink) => void = () => undefined,
  configOverrides: Partial<EscPosSerialConfig> = {},
) {
  const clock = new FakeClock();
  const links: FakeLink[] = [];
  const opened: { path: string; baudRate: number }[] = [];
  const openSerial: SerialOpener = async (options) => {
    opened.push(options);
    const next = results.shift();
    if (next) return typeof next === 'function' ? next() : next;
    const link = new FakeLink();
    prepare(link);
    links.push(link);
    return { ok: true, link };
  };
  const { deps, log } = printerDeps({ clock, dataDir: '/nonexistent', openSerial });
  const printer = new SerialEscPosPrinter({ ...config, ...configOverrides }, deps, { answerTimeoutMs: 500 });
  const reports: HealthReport[] = [];
  printer.onHealth((report) => reports.push(report));
  const link = (): FakeLink => {
    const last = links.at(-1);
    if (!last) throw new Error('no link opened');
    return last;
  };
  return { clock, printer, reports, link, links, opened, log };
}

/** Lets answers arrive, advancing the fake clock in small steps up to `ms`. */
async function settle(clock: FakeClock, ms = 0): Promise<void> {
  await flushPromises();
  for (let t = 0; t < ms; t += 100) {
    clock.advance(100);
    await flushPromises();
  }
}

describe('SerialEscPosPrinter', () => {
  it("opens the configured port at 19200 baud, clears the printer's buffers, asks DLE EOT 1, 2, 4 and reports ready", async () => {
    const { printer, reports, link, opened } = setup();
    expect(printer.simulated).toBe(false);
    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(opened).toEqual([{ path: '/dev/ttyPRINTER', baudRate: 19_200, rtscts: false }]);
    expect(link().writes).toEqual([clearCommand, [0x10, 0x04, 1], [0x10, 0x04, 2], [0x10, 0x04, 4]]);
    expect(link().events.slice(0, 2)).toEqual(['flush', 'clear']);
    expect(reports).toEqual([{ state: 'ready', reason: 'ok' }]);
  });

  it('sends no clear command when configured with none', async () => {
    const { printer, link } = setup([], undefined, { clearBufferCommand: 'none' });
    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(link().writes).toEqual([
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 4],
    ]);
  });

  it('waits for the clear response before asking the status, and goes on without it after the answer timeout', async () => {
    const { printer, clock, links } = setup([], (l) => (l.respondToClear = null));
    const connecting = printer.connect();
    await flushPromises();
    const link = links[0];
    if (!link) throw new Error('no link');
    expect(link.events).toEqual(['flush', 'clear']);
    await settle(clock, 500);
    expect(await connecting).toEqual({ state: 'ready', reason: 'ok' });
    expect(link.requests()).toEqual([1, 2, 4]);
  });

  it('sends the next request only after the answer to the previous one', async () => {
    const { printer, links } = setup([], (l) => (l.respond = () => null));
    const connecting = printer.connect();
    await flushPromises();
    const link = links[0];
    if (!link) throw new Error('no link');
    await flushPromises();
    expect(link.requests()).toEqual([1]);
    link.emit([0x12]);
    await flushPromises();
    expect(link.requests()).toEqual([1, 2]);
    link.emit([0x12]);
    await flushPromises();
    expect(link.requests()).toEqual([1, 2, 4]);
    link.emit([0x1e]);
    expect(await connecting).toEqual({ state: 'warning', reason: 'paper-near-end' });
  });

  it.each([
    [
      { ok: false, error: 'not-found' },
      { state: 'absent', reason: 'not-found' },
    ],
    [
      { ok: false, error: 'port-busy' },
      { state: 'fault', reason: 'port-busy' },
    ],
    [
      { ok: false, error: 'permission-denied' },
      { state: 'fault', reason: 'permission-denied' },
    ],
    [
      { ok: false, error: 'error' },
      { state: 'fault', reason: 'error' },
    ],
  ] as const)('maps an open failure %o to %o', async (result, health) => {
    const { printer, reports, clock } = setup([result]);
    expect(await printer.connect()).toEqual(health);
    expect(reports).toEqual([health]);
    expect(clock.pending()).toBe(0);
    expect(await printer.write(Uint8Array.of(0x41))).toEqual({ ok: false, reason: 'no-printer' });
  });

  it('reports an opener that throws as a fault instead of throwing', async () => {
    const { printer } = setup([() => Promise.reject(new Error('boom'))]);
    expect(await printer.connect()).toEqual({ state: 'fault', reason: 'error' });
  });

  it('polls the status every statusPollSeconds and reports changes', async () => {
    const { printer, clock, link, reports } = setup();
    await printer.connect();
    expect(clock.pendingDelays()).toEqual([10_000]);
    link().status = { ...link().status, paperNearEnd: true };
    await settle(clock, 10_000);
    expect(link().requests()).toEqual([1, 2, 4, 1, 2, 4]);
    expect(reports.at(-1)).toEqual({ state: 'warning', reason: 'paper-near-end' });
    link().status = { ...link().status, paperEnd: true };
    await settle(clock, 10_000);
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'paper-end' });
    await settle(clock, 10_000);
    expect(link().requests()).toHaveLength(12);
    // Unchanged health is not reported again.
    expect(reports).toHaveLength(3);
  });

  it('reports no-answer when the printer stays silent, and recovers when it answers again', async () => {
    const { printer, clock, link } = setup();
    await printer.connect();
    link().respond = () => null;
    const check = printer.checkStatus();
    await settle(clock, 500);
    expect(await check).toEqual({ state: 'fault', reason: 'no-answer' });
    link().respond = (kind) => [statusAnswerByte(kind, link().status)];
    const again = printer.checkStatus();
    await settle(clock);
    expect(await again).toEqual({ state: 'ready', reason: 'ok' });
  });

  it('reports garbage for an answer that is no status byte', async () => {
    const { printer, clock, link } = setup();
    await printer.connect();
    link().respond = () => [0xff, 0x00];
    const check = printer.checkStatus();
    await settle(clock);
    expect(await check).toEqual({ state: 'fault', reason: 'garbage' });
  });

  it('takes the last valid status byte of a chunk as the answer, so a stale byte before it does not win', async () => {
    const { printer, clock, link } = setup();
    await printer.connect();
    const offline = statusAnswerByte(1, { paperEnd: false, paperNearEnd: false, coverOpen: false, offline: true });
    const ok = statusAnswerByte(1, link().status);
    link().respond = () => [offline, ok];
    let check = printer.checkStatus();
    await settle(clock);
    expect(await check).toEqual({ state: 'ready', reason: 'ok' });
    // And the other way round: the late byte is the answer, whatever came before it.
    link().respond = () => [ok, offline];
    check = printer.checkStatus();
    await settle(clock);
    expect(await check).toEqual({ state: 'fault', reason: 'offline' });
    // Trailing garbage after a valid answer does not hide it.
    link().respond = () => [ok, 0xff];
    check = printer.checkStatus();
    await settle(clock);
    expect(await check).toEqual({ state: 'ready', reason: 'ok' });
  });

  it('ignores bytes that arrive while no request waits', async () => {
    const { printer, clock, link, reports } = setup();
    await printer.connect();
    link().emit([0xff, 0x00]);
    await flushPromises();
    const check = printer.checkStatus();
    await settle(clock);
    expect(await check).toEqual({ state: 'ready', reason: 'ok' });
    expect(reports).toEqual([{ state: 'ready', reason: 'ok' }]);
  });

  it('writes a job, checks the status after it and reports busy while printing', async () => {
    const { printer, link, reports } = setup();
    await printer.connect();
    expect(await printer.write(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a))).toEqual({ ok: true });
    expect(link().writes.slice(4)).toEqual([
      [0x1b, 0x40, 0x41, 0x0a],
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 4],
    ]);
    expect(reports).toEqual([
      { state: 'ready', reason: 'ok' },
      { state: 'busy', reason: 'printing' },
      { state: 'ready', reason: 'ok' },
    ]);
  });

  it('fails a job with paper-end when the paper ran out during it', async () => {
    const { printer, link, reports } = setup();
    await printer.connect();
    const original = link().write.bind(link());
    link().write = (bytes) => {
      if (bytes[0] === 0x1b) link().status = { ...link().status, paperEnd: true };
      return original(bytes);
    };
    expect(await printer.write(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a))).toEqual({ ok: false, reason: 'paper-end' });
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'paper-end' });
  });

  it('takes a failing write followed by the port closing as an unplug during the job', async () => {
    const { printer, link, clock, reports } = setup();
    await printer.connect();
    link().jobWrite = 'reject';
    const job = printer.write(Uint8Array.of(0x41));
    await flushPromises();
    clock.advance(100);
    link().unplug();
    expect(await job).toEqual({ ok: false, reason: 'write-failed' });
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'unplugged' });
    expect(clock.pending()).toBe(0);
  });

  it('turns a failing write into write-failed, closes the port and reports the fault', async () => {
    const { printer, link, clock, reports } = setup();
    await printer.connect();
    link().jobWrite = 'reject';
    const job = printer.write(Uint8Array.of(0x41));
    // The port may still report a close (an unplug) for a moment; it does not here.
    await settle(clock, 300);
    expect(await job).toEqual({ ok: false, reason: 'write-failed' });
    expect(link().isOpen).toBe(false);
    // Whatever is still queued is discarded before the port closes, so it is not sent on close.
    expect(link().events.slice(-2)).toEqual(['flush', 'close']);
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'write-failed' });
    expect(await printer.write(Uint8Array.of(0x41))).toEqual({ ok: false, reason: 'no-printer' });
  });

  it('ends a write that never completes after its timeout', async () => {
    const { printer, link, clock, reports } = setup();
    await printer.connect();
    link().jobWrite = 'hang';
    const job = printer.write(new Uint8Array(100));
    await settle(clock, 5_200);
    expect(await job).toEqual({ ok: false, reason: 'write-failed' });
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'write-failed' });
  });

  it('reports fault/unplugged when the port closes mid-write (the job failed), stops polling and reconnects later', async () => {
    const { printer, link, links, clock, reports } = setup();
    await printer.connect();
    link().jobWrite = 'hang';
    const job = printer.write(Uint8Array.of(0x41));
    await flushPromises();
    link().unplug();
    expect(await job).toEqual({ ok: false, reason: 'write-failed' });
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'unplugged' });
    expect(reconnectReasons.has('unplugged')).toBe(true);
    expect(clock.pending()).toBe(0);
    expect(await printer.checkStatus()).toEqual({ state: 'fault', reason: 'unplugged' });

    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(links).toHaveLength(2);
    // The new port gets the clear command first: the printer may have kept the cut-off job.
    expect(links[1]?.writes[0]).toEqual(clearCommand);
    expect(reports.at(-1)).toEqual({ state: 'ready', reason: 'ok' });
    expect(clock.pendingDelays()).toEqual([10_000]);
  });

  it('reports fault/unplugged when the port closes while the status after a job is asked', async () => {
    const { printer, link, reports } = setup();
    await printer.connect();
    link().respond = () => null;
    const job = printer.write(Uint8Array.of(0x41));
    await flushPromises();
    link().unplug();
    expect(await job).toEqual({ ok: false, reason: 'write-failed' });
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'unplugged' });
  });

  it('reports absent/unplugged when the port closes while idle', async () => {
    const { printer, link, reports } = setup();
    await printer.connect();
    link().unplug();
    expect(reports.at(-1)).toEqual({ state: 'absent', reason: 'unplugged' });
  });

  it('reports absent/unplugged when the port closes while waiting for an answer', async () => {
    const { printer, link, reports } = setup();
    await printer.connect();
    link().respond = () => null;
    const check = printer.checkStatus();
    await flushPromises();
    link().unplug();
    expect(await check).toEqual({ state: 'absent', reason: 'unplugged' });
    expect(reports.at(-1)).toEqual({ state: 'absent', reason: 'unplugged' });
  });

  it('abort() stops a job being written at once, discards the queue, clears the printer and asks its status', async () => {
    const { printer, link, clock, reports } = setup();
    await printer.connect();
    link().jobWrite = 'hang';
    const job = printer.write(Uint8Array.of(0x41));
    await flushPromises();
    const eventsBefore = link().events.length;
    const aborted = printer.abort();
    expect(await job).toEqual({ ok: false, reason: 'dropped' });
    await settle(clock);
    await aborted;
    expect(link().events.slice(eventsBefore)).toEqual(['flush', 'flush', 'clear', 'status', 'status', 'status']);
    expect(link().isOpen).toBe(true);
    expect(reports.at(-1)).toEqual({ state: 'ready', reason: 'ok' });
    // Nothing waits any more but the status poll.
    expect(clock.pendingDelays()).toEqual([10_000]);
  });

  it('abort() while idle clears the printer in turn with the other port operations', async () => {
    const { printer, link, clock } = setup();
    await printer.connect();
    const eventsBefore = link().events.length;
    const aborted = printer.abort();
    await settle(clock);
    await aborted;
    expect(link().events.slice(eventsBefore)).toEqual(['flush', 'clear', 'status', 'status', 'status']);
  });

  it('abort() with clearBufferCommand none only discards the queue', async () => {
    const { printer, link, clock } = setup([], undefined, { clearBufferCommand: 'none' });
    await printer.connect();
    const eventsBefore = link().events.length;
    const aborted = printer.abort();
    await settle(clock);
    await aborted;
    expect(link().events.slice(eventsBefore)).toEqual(['flush', 'status', 'status', 'status']);
  });

  it('abort() without a port resolves and does nothing', async () => {
    const { printer, clock } = setup([{ ok: false, error: 'not-found' }]);
    await printer.connect();
    await printer.abort();
    expect(clock.pending()).toBe(0);
    expect(printer.health).toEqual({ state: 'absent', reason: 'not-found' });
  });

  it('a connect() queued behind a job does not open the port once disconnect() was called', async () => {
    const { printer, link, links, opened, clock } = setup();
    await printer.connect();
    link().jobWrite = 'hang';
    const job = printer.write(Uint8Array.of(0x41));
    await flushPromises();
    const reconnect = printer.connect();
    await printer.disconnect();
    expect(await job).toEqual({ ok: false, reason: 'write-failed' });
    await reconnect;
    await settle(clock);
    expect(opened).toHaveLength(1);
    expect(links.map((l) => l.isOpen)).toEqual([false]);
    expect(clock.pending()).toBe(0);
    expect(printer.health.state).not.toBe('ready');
  });

  it('closes the old port when connect() is called again', async () => {
    const { printer, links } = setup();
    await printer.connect();
    await printer.connect();
    expect(links.map((l) => l.isOpen)).toEqual([false, true]);
  });

  it('disconnect() stops the poll and closes the port; safe to repeat', async () => {
    const { printer, link, clock } = setup();
    await printer.connect();
    await printer.disconnect();
    await printer.disconnect();
    expect(link().isOpen).toBe(false);
    expect(link().events.slice(-2)).toEqual(['flush', 'close']);
    expect(clock.pending()).toBe(0);
    expect(await printer.write(Uint8Array.of(0x41))).toEqual({ ok: false, reason: 'no-printer' });
  });

  it('does not keep a port that finished opening after disconnect()', async () => {
    let finishOpen: (result: SerialOpenResult) => void = () => undefined;
    const late = new FakeLink();
    const { printer, clock } = setup([() => new Promise<SerialOpenResult>((resolve) => (finishOpen = resolve))]);
    const connecting = printer.connect();
    await flushPromises();
    await printer.disconnect();
    finishOpen({ ok: true, link: late });
    await connecting;
    expect(late.isOpen).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('logs health changes without any data from the printer', async () => {
    const { printer, log } = setup();
    await printer.connect();
    expect(log.entries().map((e) => [e.device, e.state, e.reason])).toEqual([['receipt', 'ready', 'ok']]);
  });
});
