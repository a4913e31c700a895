import { describe, expect, it } from 'vitest';
import { Listeners, type HealthReport } from '../../../../electron/core/devices/device';
import { SerialEscPosPrinter, type EscPosSerialConfig } from '../../../../electron/core/devices/printer/serialEscPosPrinter';
import type { SerialLink, SerialOpener, SerialOpenResult } from '../../../../electron/core/devices/transport/serialLink';
import { FakeClock, flushPromises } from '../../support/fakeClock';
import { statusAnswerByte, type VirtualPrinterStatus } from '../../../support/virtualEscposPrinter';
import { printerDeps } from './printerTestDeps';

type Responder = (request: number) => number[] | null;

/** A serial link double; `respond` answers DLE EOT requests like a printer would. */
class FakeLink implements SerialLink {
  isOpen = true;
  readonly writes: number[][] = [];
  status: VirtualPrinterStatus = { paperEnd: false, paperNearEnd: false, coverOpen: false, offline: false };
  respond: Responder = (kind) => [statusAnswerByte(kind, this.status)];
  /** How job writes (not status requests) end. */
  jobWrite: 'ok' | 'reject' | 'hang' = 'ok';
  readonly #data = new Listeners<Uint8Array>();
  readonly #close = new Listeners<'unplugged' | 'error' | 'closed'>();

  write(bytes: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.reject(new Error('port closed'));
    this.writes.push([...bytes]);
    const isStatusRequest = bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04;
    if (isStatusRequest) {
      const answer = this.respond(bytes[2] ?? 0);
      if (answer) setImmediate(() => this.#data.emit(Uint8Array.from(answer)));
      return Promise.resolve();
    }
    if (this.jobWrite === 'reject') return Promise.reject(new Error('EIO'));
    if (this.jobWrite === 'hang') return new Promise<void>(() => undefined);
    return Promise.resolve();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.#data.add(listener);
  }

  onClose(listener: (reason: 'unplugged' | 'error' | 'closed') => void): () => void {
    return this.#close.add(listener);
  }

  close(): Promise<void> {
    if (this.isOpen) {
      this.isOpen = false;
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
    return this.writes.filter((w) => w.length === 3 && w[0] === 0x10 && w[1] === 0x04).map((w) => w[2] ?? 0);
  }
}

const config: EscPosSerialConfig = { id: 'receipt', kind: 'printer', driver: 'escpos-serial', path: '/dev/ttyPRINTER', statusPollSeconds: 10 };

function setup(results: (SerialOpenResult | (() => Promise<SerialOpenResult>))[] = [], prepare: (link: FakeLink) => void = () => undefined) {
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
  const printer = new SerialEscPosPrinter(config, deps, { answerTimeoutMs: 500 });
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
  it('opens the configured port at 19200 baud, asks DLE EOT 1, 2, 4 and reports ready', async () => {
    const { printer, reports, link, opened } = setup();
    expect(printer.simulated).toBe(false);
    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(opened).toEqual([{ path: '/dev/ttyPRINTER', baudRate: 19_200 }]);
    expect(link().writes).toEqual([
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 4],
    ]);
    expect(reports).toEqual([{ state: 'ready', reason: 'ok' }]);
  });

  it('sends the next request only after the answer to the previous one', async () => {
    const { printer, links } = setup([], (l) => (l.respond = () => null));
    const connecting = printer.connect();
    await flushPromises();
    const link = links[0];
    if (!link) throw new Error('no link');
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
    [{ ok: false, error: 'not-found' }, { state: 'absent', reason: 'not-found' }],
    [{ ok: false, error: 'port-busy' }, { state: 'fault', reason: 'port-busy' }],
    [{ ok: false, error: 'permission-denied' }, { state: 'fault', reason: 'permission-denied' }],
    [{ ok: false, error: 'error' }, { state: 'fault', reason: 'error' }],
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
    expect(link().writes.slice(3)).toEqual([[0x1b, 0x40, 0x41, 0x0a], [0x10, 0x04, 1], [0x10, 0x04, 2], [0x10, 0x04, 4]]);
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

  it('turns a failing write into write-failed, closes the port and reports the fault', async () => {
    const { printer, link, reports } = setup();
    await printer.connect();
    link().jobWrite = 'reject';
    expect(await printer.write(Uint8Array.of(0x41))).toEqual({ ok: false, reason: 'write-failed' });
    expect(link().isOpen).toBe(false);
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

  it('reports absent/unplugged when the port closes mid-write, stops polling and reconnects later', async () => {
    const { printer, link, links, clock, reports } = setup();
    await printer.connect();
    link().jobWrite = 'hang';
    const job = printer.write(Uint8Array.of(0x41));
    await flushPromises();
    link().unplug();
    expect(await job).toEqual({ ok: false, reason: 'write-failed' });
    expect(reports.at(-1)).toEqual({ state: 'absent', reason: 'unplugged' });
    expect(clock.pending()).toBe(0);
    expect(await printer.checkStatus()).toEqual({ state: 'absent', reason: 'unplugged' });

    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(links).toHaveLength(2);
    expect(reports.at(-1)).toEqual({ state: 'ready', reason: 'ok' });
    expect(clock.pendingDelays()).toEqual([10_000]);
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
