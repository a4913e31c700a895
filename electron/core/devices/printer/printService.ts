import type { PrinterCodePage } from '#shared/config/deviceConfig';
import type { PrintFailureReason, PrintResult, Receipt } from '#shared/devices/receipt';
import type { HealthReport } from '../device';
import type { Logger } from '../../logging/logger';
import type { ResetParticipant } from '../../session/resetCoordinator';
import { encodeReceipt } from './escposReceiptEncoder';
import type { PrinterDriver, WriteResult } from './printerDriver';

export interface PrintServiceOptions {
  /** The configured printer; null when the terminal has none. */
  readonly printer: PrinterDriver | null;
  readonly codePage: { readonly name: PrinterCodePage; readonly escT: number };
  readonly columns: number;
  /** The session a job belongs to is the one current when it is requested. */
  readonly currentSessionId: () => string | null;
  readonly logger: Logger;
  /** Jobs that may wait at once; more are refused as 'busy' (default 5). */
  readonly maxPending?: number;
}

interface Job {
  readonly id: number;
  readonly sessionId: string | null;
  readonly receipt: Receipt;
  readonly resolve: (result: PrintResult) => void;
  settled: boolean;
  /** Its bytes are on their way: taking it back needs the printer's abort(). */
  writing: boolean;
}

const defaultMaxPending = 5;

/** Why a printer in this state cannot take a job; null when it can. */
export function refusalFor(report: HealthReport): PrintFailureReason | null {
  switch (report.state) {
    case 'ready':
    case 'warning':
      return null;
    case 'busy':
      return 'busy';
    case 'absent':
      return 'no-printer';
    case 'fault':
      switch (report.reason) {
        case 'paper-end':
        case 'cover-open':
        case 'offline':
        case 'no-answer':
          return report.reason;
        case 'garbage':
          return 'no-answer';
        default:
          return 'no-printer';
      }
  }
}

function failed(reason: PrintFailureReason): PrintResult {
  return { status: 'failed', reason };
}

/**
 * Print jobs of the current session, one after another. Every job asks the printer for its status
 * first and is refused with the reason when it cannot print; jobs of an earlier session and jobs
 * pending at a reset are dropped and never printed, so nothing reaches the next person. A job that
 * fails while printing, or is being written at a reset, is aborted at the printer, so its unprinted
 * rest does not come out later (after a paper refill, a reconnect).
 * Logs outcomes and reasons only, never receipt contents.
 */
export class PrintService {
  readonly #options: PrintServiceOptions;
  readonly #queue: Job[] = [];
  #running: Job | null = null;
  #nextId = 1;

  constructor(options: PrintServiceOptions) {
    this.#options = options;
  }

  /** The code page the printer prints text in (what a receipt's text must fit). */
  get codePage(): PrinterCodePage {
    return this.#options.codePage.name;
  }

  /** Queues a receipt for the current session; resolves when it printed or could not. */
  print(receipt: Receipt): Promise<PrintResult> {
    const sessionId = this.#options.currentSessionId();
    return new Promise((resolve) => {
      const job: Job = { id: this.#nextId++, sessionId, receipt, resolve, settled: false, writing: false };
      if (this.#queue.length >= (this.#options.maxPending ?? defaultMaxPending)) {
        this.#finish(job, failed('busy'));
        return;
      }
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Jobs waiting or running (diagnostics, tests). */
  pendingJobs(): number {
    return this.#queue.length + (this.#running ? 1 : 0);
  }

  /** The reset participant 'print-jobs': drops every job, aborting the one being written, and what the driver kept of the session's receipts. */
  resetParticipant(): ResetParticipant {
    return {
      name: 'print-jobs',
      reset: async () => {
        await this.dropAll();
        await this.#options.printer?.endSession?.().catch(() => undefined);
      },
    };
  }

  /**
   * Drops every job; their promises resolve as 'dropped' at once. A job being written is aborted at
   * the printer (also a write stalled on a printer that stopped reading); resolves once that is done.
   */
  async dropAll(): Promise<void> {
    const jobs = this.#queue.splice(0);
    const running = this.#running;
    if (running) jobs.unshift(running);
    for (const job of jobs) this.#finish(job, failed('dropped'));
    if (running?.writing) await this.#abort();
  }

  #pump(): void {
    if (this.#running) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running = job;
    void this.#run(job)
      .catch(() => failed('write-failed'))
      .then((result) => {
        this.#finish(job, result);
        this.#running = null;
        this.#pump();
      });
  }

  async #run(job: Job): Promise<PrintResult> {
    const { printer } = this.#options;
    if (this.#staleOrDropped(job)) return failed('dropped');
    if (!printer) return failed('no-printer');
    const refusal = refusalFor(await printer.checkStatus());
    // The status check takes time; a reset or a new session may have come meanwhile.
    if (this.#staleOrDropped(job)) return failed('dropped');
    if (refusal) return failed(refusal);
    let bytes: Uint8Array;
    try {
      bytes = encodeReceipt(job.receipt, { codePage: this.#options.codePage, columns: this.#options.columns });
    } catch {
      return failed('write-failed');
    }
    job.writing = true;
    const written: WriteResult = await printer.write(bytes);
    if (written.ok) return { status: 'printed' };
    // The printer may hold the rest of the job and print it once the fault is fixed. A job dropped
    // at reset was aborted there already; 'dropped' means someone aborted it.
    if (!job.settled && written.reason !== 'dropped') await this.#abort();
    return failed(written.reason);
  }

  async #abort(): Promise<void> {
    try {
      await this.#options.printer?.abort();
    } catch {
      // Drivers do not throw; if one does, the job's outcome stands and the next job still runs.
      this.#options.logger.error({ event: 'printer-abort-threw' }, 'printer abort failed');
    }
  }

  #staleOrDropped(job: Job): boolean {
    return job.settled || job.sessionId !== this.#options.currentSessionId();
  }

  #finish(job: Job, result: PrintResult): void {
    if (job.settled) return;
    job.settled = true;
    if (result.status === 'printed') this.#options.logger.info({ job: job.id, outcome: 'printed' }, 'print job printed');
    else this.#options.logger.warn({ job: job.id, outcome: 'failed', reason: result.reason }, 'print job not printed');
    job.resolve(result);
  }
}
