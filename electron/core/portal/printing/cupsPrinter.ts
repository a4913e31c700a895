import { defaultCupsTimeoutSeconds, type CupsPrinterConfig } from '#shared/config/documentPrinterConfig';
import type { DocumentPrintFailure } from '#shared/contract/portalContract';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../session/clock';
import { Listeners } from '../../devices/device';
import type { CommandResult, CommandRunner } from './commandRunner';
import { cupsRetention, defaultCupsdConf } from './cupsRetention';
import {
  failed,
  isAborted,
  printed,
  readyHealth,
  type DocumentJob,
  type DocumentPrintOutcome,
  type DocumentPrinterDriver,
  type DriverHealth,
} from './documentPrinter';

export interface CupsPrinterDeps {
  readonly logger: Logger;
  readonly clock: Clock;
  readonly run: CommandRunner;
  /** Reads cupsd.conf. */
  readonly readText: (path: string) => Promise<string>;
}

/** Every job's title: the document's own name is citizen data and CUPS keeps titles in its job history. */
export const cupsJobTitle = 'Buergerservice-Kiosk';
/** How long one `cancel` may take. */
export const cancelTimeoutMs = 15_000;
/** Waits before each cancel attempt: a busy scheduler gets two more chances. */
export const cancelRetryDelaysMs: readonly number[] = [0, 2_000, 5_000];

/** lp's argv: A4, fit to page, the configured options, the fixed title, and the document from stdin ("-" must be last). */
export function lpArguments(config: CupsPrinterConfig): string[] {
  const args = ['-d', config.queue, '-o', 'media=A4', '-o', 'fit-to-page'];
  if (config.options?.sides !== undefined) args.push('-o', `sides=${config.options.sides}`);
  if (config.options?.colorMode !== undefined) args.push('-o', `print-color-mode=${config.options.colorMode}`);
  args.push('-t', cupsJobTitle, '-');
  return args;
}

/** The CUPS job id ("QUEUE-123") from lp's "request id is QUEUE-123 (1 file(s))", or null. */
export function parseJobId(stdout: string): string | null {
  return /^request id is ([A-Za-z0-9_-]+-\d+) \(\d+ file\(s\)\)/m.exec(stdout)?.[1] ?? null;
}

/**
 * lp's messages (C locale) that mean the queue or the scheduler cannot take jobs at all; every other
 * failure is this document being refused.
 */
const unavailablePatterns: readonly (readonly [string, RegExp])[] = [
  ['no-such-queue', /does not exist|not found/i],
  ['not-accepting', /not accepting jobs|not shared|printer.*(stopped|paused|disabled)/i],
  [
    'no-scheduler',
    /scheduler|unable to connect|connection refused|no such file or directory|service unavailable|temporarily unavailable|timed out|host is down|unreachable|no route to host/i,
  ],
  ['not-allowed', /forbidden|unauthori[sz]ed|not authori[sz]ed|not allowed/i],
];

/** Which failure lp's stderr describes, with a short keyword for the log (stderr itself is never logged). */
export function classifyLpFailure(stderr: string): {
  readonly reason: Extract<DocumentPrintFailure, 'rejected' | 'printer-unavailable'>;
  readonly detail: string;
} {
  for (const [detail, pattern] of unavailablePatterns) if (pattern.test(stderr)) return { reason: 'printer-unavailable', detail };
  return { reason: 'rejected', detail: 'refused' };
}

/** cancel's answers that mean there is nothing left to cancel. */
const nothingToCancel = /already (completed|canceled|cancelled|aborted)|does not exist|not[- ]found/i;

/**
 * The real workstation's document printer: `lp -d <queue> -o media=A4 -o fit-to-page -t Buergerservice-Kiosk -`
 * with the PDF on stdin. "printed" means CUPS accepted the job into its queue, not that paper came
 * out: a job still waiting in the queue when the session ends is cancelled, so it is never printed
 * for the next person.
 */
export class CupsPrinter implements DocumentPrinterDriver {
  readonly kind = 'cups' as const;
  readonly simulated = false;
  readonly #config: CupsPrinterConfig;
  readonly #deps: CupsPrinterDeps;
  /** What CUPS keeps, as last read from cupsd.conf; "connecting" until the first read at start. */
  #health: DriverHealth = { state: 'busy', reason: 'connecting' };
  readonly #healthChanges = new Listeners<undefined>();
  readonly #pending = new Set<Promise<void>>();
  /** A job CUPS took without telling its id: only purging the whole queue removes it. */
  #unknownJob = false;

  constructor(config: CupsPrinterConfig, deps: CupsPrinterDeps) {
    this.#config = config;
    this.#deps = deps;
  }

  /** Hands the job to lp; an abort kills lp, or cancels the job once CUPS has it. */
  async print(job: DocumentJob): Promise<DocumentPrintOutcome> {
    const log = { event: 'document-print', printer: this.kind, queue: this.#config.queue, bytes: job.pdf.byteLength };
    if (isAborted(job.signal)) return failed('aborted');
    const stop = new AbortController();
    let timedOut = false as boolean;
    const onAbort = (): void => stop.abort();
    job.signal.addEventListener('abort', onAbort, { once: true });
    const timer = this.#deps.clock.setTimeout(
      () => {
        timedOut = true;
        stop.abort();
      },
      (this.#config.timeoutSeconds ?? defaultCupsTimeoutSeconds) * 1000,
    );
    let result: CommandResult;
    try {
      result = await this.#deps.run({ command: 'lp', args: lpArguments(this.#config), stdin: job.pdf, signal: stop.signal });
    } finally {
      this.#deps.clock.clearTimeout(timer);
      job.signal.removeEventListener('abort', onAbort);
    }
    const jobId = parseJobId(result.stdout);

    // The session ended while lp ran; should CUPS have the job all the same, it is cancelled.
    if (isAborted(job.signal)) {
      if (jobId !== null) this.#cancelLater(jobId, 'aborted-while-submitting');
      this.#deps.logger.info({ ...log, jobId, outcome: 'failed', reason: 'aborted' }, 'document job aborted while lp ran');
      return failed('aborted');
    }
    if (timedOut) {
      // The citizen is told it failed, so it must not come out later and be printed twice on a retry.
      if (jobId !== null) this.#cancelLater(jobId, 'timed-out');
      this.#deps.logger.warn({ ...log, jobId, outcome: 'failed', reason: 'printer-unavailable', detail: 'timeout' }, 'lp did not finish in time');
      return failed('printer-unavailable');
    }
    if (result.startError !== null) {
      const detail = result.startError === 'not-found' ? 'lp-missing' : 'lp-not-started';
      this.#deps.logger.error({ ...log, outcome: 'failed', reason: 'printer-unavailable', detail }, 'lp could not be started (is cups-client installed?)');
      return failed('printer-unavailable');
    }
    if (result.exitCode !== 0) {
      const { reason, detail } = result.exitCode === null ? { reason: 'printer-unavailable' as const, detail: 'lp-killed' } : classifyLpFailure(result.stderr);
      this.#deps.logger.warn({ ...log, outcome: 'failed', reason, detail, exitCode: result.exitCode }, 'CUPS did not accept the document');
      return failed(reason);
    }
    if (jobId === null) {
      // Accepted (exit 0), but without an id: endSession purges the whole queue instead.
      this.#unknownJob = true;
      this.#deps.logger.warn({ ...log, outcome: 'printed', detail: 'no-job-id' }, 'CUPS accepted the document; job id not found in lp output');
      return printed;
    }
    job.signal.addEventListener('abort', () => this.#cancelLater(jobId, 'session-ended'), { once: true });
    this.#deps.logger.info({ ...log, jobId, outcome: 'printed' }, 'document accepted by CUPS');
    return printed;
  }

  /** Waits for the session's cancels; purges the queue when a job's id was never known; reads CUPS's retention again. */
  async endSession(): Promise<void> {
    await this.whenIdle();
    if (this.#unknownJob) {
      this.#unknownJob = false;
      await this.#cancel(['-a', this.#config.queue], 'session-ended-unknown-job');
    }
    await this.checkRetention();
  }

  /** Purges every job left in the kiosk's queue by an earlier run (the queue is the kiosk's own), then reads CUPS's retention. */
  async sweep(): Promise<void> {
    await this.#cancel(['-a', this.#config.queue], 'start');
    await this.checkRetention();
  }

  /** Whether CUPS keeps what was printed, for staff: a warning unless cupsd.conf keeps neither documents nor the job list. */
  health(): DriverHealth {
    return this.#health;
  }

  onHealth(listener: () => void): () => void {
    return this.#healthChanges.add(listener);
  }

  /** Reads cupsd.conf and updates the health; an unreadable file is a warning of its own, never an error. */
  async checkRetention(): Promise<void> {
    const file = this.#config.cupsdConf ?? defaultCupsdConf;
    let next: DriverHealth;
    try {
      const retention = cupsRetention(await this.#deps.readText(file));
      if (retention.keepsDocuments) next = { state: 'warning', reason: 'cups-keeps-documents' };
      else if (retention.keepsHistory) next = { state: 'warning', reason: 'cups-keeps-history' };
      else next = readyHealth;
    } catch {
      next = { state: 'warning', reason: 'cups-retention-unknown' };
    }
    if (next.state === this.#health.state && next.reason === this.#health.reason) return;
    this.#health = next;
    const log = { event: 'cups-retention', queue: this.#config.queue, reason: next.reason };
    if (next.state === 'warning')
      this.#deps.logger.warn(log, 'CUPS may keep what the kiosk printed: staff must set PreserveJobFiles No and PreserveJobHistory No');
    else this.#deps.logger.info(log, 'CUPS keeps neither printed documents nor the job list');
    this.#healthChanges.emit(undefined);
  }

  /** Resolves when every cancel started so far has finished (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  #cancelLater(jobId: string, why: string): void {
    const done = this.#cancel([jobId], why)
      .catch(() => undefined)
      .finally(() => this.#pending.delete(done));
    this.#pending.add(done);
  }

  /**
   * Runs `cancel -x <job id>` (or `-a <queue>`) until CUPS confirms; retried while the scheduler is
   * busy. `-x` purges the job's spool file and its history entry, not only the job.
   */
  async #cancel(target: readonly string[], why: string): Promise<void> {
    const log = { event: 'document-cancel', printer: this.kind, queue: this.#config.queue, jobId: target.at(-1), why };
    for (const delay of cancelRetryDelaysMs) {
      if (delay > 0) await this.#sleep(delay);
      const stop = new AbortController();
      const timer = this.#deps.clock.setTimeout(() => stop.abort(), cancelTimeoutMs);
      let result: CommandResult;
      try {
        result = await this.#deps.run({ command: 'cancel', args: ['-x', ...target], signal: stop.signal });
      } catch {
        result = { exitCode: null, stdout: '', stderr: '', startError: 'failed' };
      } finally {
        this.#deps.clock.clearTimeout(timer);
      }
      if (result.exitCode === 0) {
        this.#deps.logger.info({ ...log, outcome: 'cancelled' }, 'document job cancelled in CUPS');
        return;
      }
      if (nothingToCancel.test(result.stderr)) {
        this.#deps.logger.info({ ...log, outcome: 'nothing-to-cancel' }, 'document job already finished in CUPS');
        return;
      }
      if (result.startError === 'not-found') break;
    }
    this.#deps.logger.error({ ...log, outcome: 'cancel-failed' }, 'document job could not be cancelled: staff must remove it from the CUPS queue');
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.#deps.clock.setTimeout(resolve, ms));
  }
}
