import { describe, expect, it } from 'vitest';
import { Listeners, type HealthReport } from '#core/devices/device';
import { encodeReceipt } from '#core/devices/printer/escposReceiptEncoder';
import type { PrinterDriver, WriteResult } from '#core/devices/printer/printerDriver';
import { PrintService, refusalFor } from '#core/devices/printer/printService';
import { ResetCoordinator } from '#core/session/resetCoordinator';
import type { PrintResult, Receipt } from '#shared/devices/receipt';
import { flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

const codePage = { name: 'cp858', escT: 19 } as const;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A printer double recording what the service asks, with answers the test controls. */
class FakePrinter implements PrinterDriver {
  readonly id = 'fake';
  readonly kind = 'printer' as const;
  readonly simulated = true;
  readonly calls: string[] = [];
  readonly written: Uint8Array[] = [];
  status: HealthReport = { state: 'ready', reason: 'ok' };
  writeResult: WriteResult = { ok: true };
  /** When set, the next checkStatus/write/abort waits for it. */
  holdStatus: Promise<void> | null = null;
  holdWrite: Promise<void> | null = null;
  holdAbort: Promise<void> | null = null;
  /** Ends a held write as aborted, like the real driver's abort(). */
  #abortWrite: (() => void) | null = null;
  readonly #listeners = new Listeners<HealthReport>();

  connect(): Promise<HealthReport> {
    return Promise.resolve(this.status);
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }

  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#listeners.add(listener);
  }

  async checkStatus(): Promise<HealthReport> {
    this.calls.push('status');
    const hold = this.holdStatus;
    this.holdStatus = null;
    if (hold) await hold;
    return this.status;
  }

  async write(bytes: Uint8Array): Promise<WriteResult> {
    this.calls.push('write');
    this.written.push(bytes);
    const hold = this.holdWrite;
    this.holdWrite = null;
    if (hold) {
      const aborted = new Promise<'aborted'>((resolve) => (this.#abortWrite = () => resolve('aborted')));
      const outcome = await Promise.race([hold.then(() => 'done' as const), aborted]);
      this.#abortWrite = null;
      if (outcome === 'aborted') return { ok: false, reason: 'dropped' };
    }
    return this.writeResult;
  }

  async abort(): Promise<void> {
    this.calls.push('abort');
    this.#abortWrite?.();
    const hold = this.holdAbort;
    this.holdAbort = null;
    if (hold) await hold;
  }
}

function slip(marker: string): Receipt {
  return { blocks: [{ type: 'text', text: `Beleg ${marker}` }] };
}

function setup(printer: PrinterDriver | null = new FakePrinter(), maxPending?: number) {
  const session = { id: 'session-1' as string | null };
  const log = captureLog();
  const service = new PrintService({ printer, codePage, columns: 42, currentSessionId: () => session.id, logger: log.logger, maxPending });
  return { service, session, log };
}

describe('PrintService', () => {
  it('checks the status, then writes the encoded receipt and reports it printed', async () => {
    const printer = new FakePrinter();
    const { service } = setup(printer);
    expect(await service.print(slip('A'))).toEqual({ status: 'printed' });
    expect(printer.calls).toEqual(['status', 'write']);
    expect(printer.written).toEqual([encodeReceipt(slip('A'), { codePage, columns: 42 })]);
  });

  it('runs jobs one after another', async () => {
    const printer = new FakePrinter();
    const { service } = setup(printer);
    const firstWrite = deferred<undefined>();
    printer.holdWrite = firstWrite.promise;
    const first = service.print(slip('1'));
    const second = service.print(slip('2'));
    await flushPromises();
    expect(printer.calls).toEqual(['status', 'write']);
    expect(service.pendingJobs()).toBe(2);
    firstWrite.resolve(undefined);
    expect(await first).toEqual({ status: 'printed' });
    expect(await second).toEqual({ status: 'printed' });
    expect(printer.calls).toEqual(['status', 'write', 'status', 'write']);
    expect(printer.written.map((b) => Buffer.from(b).includes('Beleg 2'))).toEqual([false, true]);
  });

  it.each([
    [{ state: 'fault', reason: 'paper-end' }, 'paper-end'],
    [{ state: 'fault', reason: 'cover-open' }, 'cover-open'],
    [{ state: 'fault', reason: 'offline' }, 'offline'],
    [{ state: 'fault', reason: 'no-answer' }, 'no-answer'],
    [{ state: 'fault', reason: 'garbage' }, 'no-answer'],
    [{ state: 'absent', reason: 'unplugged' }, 'no-printer'],
    [{ state: 'absent', reason: 'not-found' }, 'no-printer'],
    [{ state: 'fault', reason: 'port-busy' }, 'no-printer'],
    [{ state: 'busy', reason: 'printing' }, 'busy'],
  ] as const)('refuses a job while the printer reports %o, with reason %s, and writes nothing', async (status, reason) => {
    const printer = new FakePrinter();
    printer.status = status;
    const { service } = setup(printer);
    expect(await service.print(slip('x'))).toEqual({ status: 'failed', reason });
    expect(printer.written).toEqual([]);
    expect(refusalFor(status)).toBe(reason);
  });

  it('prints while the paper is only near its end', async () => {
    const printer = new FakePrinter();
    printer.status = { state: 'warning', reason: 'paper-near-end' };
    const { service } = setup(printer);
    expect(await service.print(slip('x'))).toEqual({ status: 'printed' });
  });

  it('reports no-printer without a printer', async () => {
    const { service } = setup(null);
    expect(await service.print(slip('x'))).toEqual({ status: 'failed', reason: 'no-printer' });
  });

  it.each(['paper-end', 'cover-open', 'no-answer', 'write-failed'] as const)(
    'passes on why a job failed (%s) and aborts it at the printer before the next job starts',
    async (reason) => {
      const printer = new FakePrinter();
      printer.writeResult = { ok: false, reason };
      const { service } = setup(printer);
      const abort = deferred<undefined>();
      printer.holdAbort = abort.promise;
      const failedJob = service.print(slip('x'));
      const next = service.print(slip('y'));
      await flushPromises();
      // The unprinted rest must be gone before anything else is sent.
      expect(printer.calls).toEqual(['status', 'write', 'abort']);
      abort.resolve(undefined);
      expect(await failedJob).toEqual({ status: 'failed', reason });
      printer.writeResult = { ok: true };
      expect(await next).toEqual({ status: 'printed' });
      expect(printer.calls).toEqual(['status', 'write', 'abort', 'status', 'write']);
    },
  );

  it('does not abort at the printer when nothing of the job was sent', async () => {
    const printer = new FakePrinter();
    printer.status = { state: 'fault', reason: 'paper-end' };
    const { service } = setup(printer);
    expect(await service.print(slip('x'))).toEqual({ status: 'failed', reason: 'paper-end' });
    expect(printer.calls).toEqual(['status']);
  });

  it("reports a failed job even when the driver's abort throws, and goes on with the next", async () => {
    const printer = new FakePrinter();
    printer.writeResult = { ok: false, reason: 'paper-end' };
    printer.abort = () => Promise.reject(new Error('driver bug'));
    const { service, log } = setup(printer);
    expect(await service.print(slip('x'))).toEqual({ status: 'failed', reason: 'paper-end' });
    printer.writeResult = { ok: true };
    expect(await service.print(slip('y'))).toEqual({ status: 'printed' });
    expect(log.entries().some((e) => e.event === 'printer-abort-threw')).toBe(true);
  });

  it('drops a job whose session ended before its turn, without writing it', async () => {
    const printer = new FakePrinter();
    const { service, session } = setup(printer);
    const firstWrite = deferred<undefined>();
    printer.holdWrite = firstWrite.promise;
    const first = service.print(slip('first'));
    const stale = service.print(slip('stale'));
    await flushPromises();
    session.id = 'session-2';
    const next = service.print(slip('next'));
    firstWrite.resolve(undefined);
    expect(await first).toEqual({ status: 'printed' });
    expect(await stale).toEqual({ status: 'failed', reason: 'dropped' });
    expect(await next).toEqual({ status: 'printed' });
    const written = printer.written.map((b) => Buffer.from(b).toString('latin1'));
    expect(written.some((w) => w.includes('stale'))).toBe(false);
    expect(written.some((w) => w.includes('next'))).toBe(true);
  });

  it('drops a job whose session ends while its status is being checked', async () => {
    const printer = new FakePrinter();
    const { service, session } = setup(printer);
    const status = deferred<undefined>();
    printer.holdStatus = status.promise;
    const job = service.print(slip('x'));
    await flushPromises();
    session.id = null;
    status.resolve(undefined);
    expect(await job).toEqual({ status: 'failed', reason: 'dropped' });
    expect(printer.written).toEqual([]);
  });

  it('drops every pending job at reset, so nothing is printed for the next person', async () => {
    const printer = new FakePrinter();
    printer.status = { state: 'fault', reason: 'paper-end' };
    const { service, session } = setup(printer);
    const coordinator = new ResetCoordinator(captureLog().logger);
    const participant = service.resetParticipant();
    expect(participant.name).toBe('print-jobs');
    coordinator.register(participant);

    // The first job waits in its status check, two more behind it.
    const status = deferred<undefined>();
    printer.holdStatus = status.promise;
    const results: Promise<PrintResult>[] = [service.print(slip('1')), service.print(slip('2')), service.print(slip('3'))];
    await flushPromises();
    expect(await coordinator.run('reset-1', 'end')).toEqual({ failed: [] });
    // The promises resolve at once, even before the printer answers.
    expect(await Promise.all(results)).toEqual(Array(3).fill({ status: 'failed', reason: 'dropped' }));
    expect(service.pendingJobs()).toBe(1);

    // Paper refilled, same session id even: still nothing of the old jobs is written.
    printer.status = { state: 'ready', reason: 'ok' };
    status.resolve(undefined);
    await flushPromises();
    expect(service.pendingJobs()).toBe(0);
    session.id = 'session-2';
    expect(await service.print(slip('new'))).toEqual({ status: 'printed' });
    expect(printer.written.map((b) => Buffer.from(b).toString('latin1').includes('Beleg new'))).toEqual([true]);
  });

  it('aborts a job being written at reset: dropped at once, stopped at the printer, the waiting one never written', async () => {
    const printer = new FakePrinter();
    const { service } = setup(printer);
    // The write never finishes by itself: a printer that stopped reading.
    printer.holdWrite = new Promise<void>(() => undefined);
    const writing = service.print(slip('1'));
    const waiting = service.print(slip('2'));
    await flushPromises();
    expect(printer.calls).toEqual(['status', 'write']);
    await service.resetParticipant().reset({ resetId: 'reset-1', reason: 'end' });
    expect(await writing).toEqual({ status: 'failed', reason: 'dropped' });
    expect(await waiting).toEqual({ status: 'failed', reason: 'dropped' });
    await flushPromises();
    // One abort (the reset's), none more for the job's own failure; the queue is free again.
    expect(printer.calls).toEqual(['status', 'write', 'abort']);
    expect(printer.written).toHaveLength(1);
    expect(service.pendingJobs()).toBe(0);
    expect(await service.print(slip('3'))).toEqual({ status: 'printed' });
  });

  it('finishes the reset only when the printer has aborted the job', async () => {
    const printer = new FakePrinter();
    const { service } = setup(printer);
    printer.holdWrite = new Promise<void>(() => undefined);
    const abort = deferred<undefined>();
    printer.holdAbort = abort.promise;
    void service.print(slip('1'));
    await flushPromises();
    let done = false;
    void service.dropAll().then(() => (done = true));
    await flushPromises();
    expect(done).toBe(false);
    abort.resolve(undefined);
    await flushPromises();
    expect(done).toBe(true);
  });

  it('refuses more jobs than may wait as busy', async () => {
    const printer = new FakePrinter();
    const { service } = setup(printer, 2);
    const write = deferred<undefined>();
    printer.holdWrite = write.promise;
    const jobs = [service.print(slip('1')), service.print(slip('2')), service.print(slip('3'))];
    await flushPromises();
    expect(await service.print(slip('4'))).toEqual({ status: 'failed', reason: 'busy' });
    write.resolve(undefined);
    expect(await Promise.all(jobs)).toEqual(Array(3).fill({ status: 'printed' }));
  });

  it('turns a printer driver that throws into a failed result', async () => {
    const printer = new FakePrinter();
    printer.checkStatus = () => Promise.reject(new Error('driver bug'));
    const { service } = setup(printer);
    expect(await service.print(slip('x'))).toEqual({ status: 'failed', reason: 'write-failed' });
    printer.checkStatus = () => Promise.resolve({ state: 'ready', reason: 'ok' });
    expect(await service.print(slip('y'))).toEqual({ status: 'printed' });
  });

  it('logs outcomes and reasons, never receipt text', async () => {
    const printer = new FakePrinter();
    const { service, log } = setup(printer);
    await service.print(slip('Geheimnis-Müller'));
    printer.status = { state: 'fault', reason: 'paper-end' };
    await service.print(slip('Geheimnis-Schmidt'));
    const entries = log.entries();
    expect(entries.map((e) => [e.outcome, e.reason])).toEqual([
      ['printed', undefined],
      ['failed', 'paper-end'],
    ]);
    expect(log.raw()).not.toMatch(/Geheimnis|Beleg|Müller|Schmidt/);
  });
});
