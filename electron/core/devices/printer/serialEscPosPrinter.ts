import type { PrinterConfig } from '#shared/config/deviceConfig';
import { Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { SerialLink, SerialOpenError, SerialOpenResult } from '../transport/serialLink';
import type { PrinterDriver, WriteResult } from './printerDriver';
import {
  containsSequence,
  epsonClearBuffersCommand,
  epsonClearResponse,
  healthFromAnswers,
  isStatusByte,
  statusAnswerInChunk,
  statusRequestBytes,
  statusRequestKinds,
  type StatusRequestKind,
} from './printerStatus';

export type EscPosSerialConfig = Extract<PrinterConfig, { driver: 'escpos-serial' }>;

export interface SerialEscPosPrinterOptions {
  /** How long to wait for each status byte (default 1000 ms). */
  readonly answerTimeoutMs?: number;
}

const defaultBaudRate = 19_200;
const defaultPollSeconds = 10;
const defaultAnswerTimeoutMs = 1_000;
/** Write timeout on top of the time the bytes need on the wire (a printer holding CTS blocks writes). */
const writeTimeoutBaseMs = 5_000;
const notConnected: HealthReport = { state: 'absent', reason: 'connecting' };
/** How long a failed write waits for the port to report a close (an unplug) before it counts as a write failure. */
const closeGraceMs = 250;

interface Connection {
  readonly link: SerialLink;
  /** Wakes everything waiting on this link when it closes. */
  readonly closeWaiters: Set<() => void>;
  /** Receives the next byte from the printer while a status request waits for it. */
  answer: ((byte: number) => void) | null;
  /** Receives every chunk while the driver waits for the printer to confirm clearing its buffers. */
  clearResponse: ((chunk: Uint8Array) => void) | null;
  /** Ends the job being sent as aborted; set only while a job's bytes are being written. */
  cancelSend: (() => void) | null;
  /** A job is in progress: losing the port now fails it (fault), while idle the printer is merely gone (absent). */
  jobActive: boolean;
  readonly unsubscribe: (() => void)[];
}

type RequestOutcome = number | 'no-answer' | 'closed' | 'failed';
type SendOutcome = 'ok' | 'closed' | 'failed' | 'aborted';

function openErrorHealth(error: SerialOpenError): HealthReport {
  switch (error) {
    case 'not-found':
      return { state: 'absent', reason: 'not-found' };
    case 'port-busy':
      return { state: 'fault', reason: 'port-busy' };
    case 'permission-denied':
      return { state: 'fault', reason: 'permission-denied' };
    case 'error':
      return { state: 'fault', reason: 'error' };
  }
}

/** What a job's result is, given the printer's status right after its bytes were sent. */
function resultAfterJob(report: HealthReport): WriteResult {
  if (report.state === 'ready' || report.state === 'warning') return { ok: true };
  switch (report.reason) {
    case 'paper-end':
    case 'cover-open':
    case 'offline':
      return { ok: false, reason: report.reason };
    case 'no-answer':
    case 'garbage':
      return { ok: false, reason: 'no-answer' };
    default:
      return { ok: false, reason: 'write-failed' };
  }
}

/**
 * ESC/POS receipt printer on a serial port. Status is asked with DLE EOT (one request at a time,
 * each answered by one byte) when connecting, periodically, and before and after every job; every
 * port operation runs one after another so answers cannot be mixed up with jobs. The printer's
 * buffers are cleared after every (re)connect and by abort(), so a job cut off by an error or an
 * unplug never prints later. Never throws.
 */
export class SerialEscPosPrinter implements PrinterDriver {
  readonly kind = 'printer' as const;
  readonly simulated = false;
  readonly id: string;

  readonly #deps: DeviceDeps;
  readonly #path: string;
  readonly #baudRate: number;
  readonly #rtscts: boolean;
  readonly #pollMs: number;
  readonly #answerTimeoutMs: number;
  readonly #clearCommand: 'epson' | 'none';
  readonly #listeners = new Listeners<HealthReport>();
  #health: HealthReport = notConnected;
  #connection: Connection | null = null;
  #pollTimer: unknown = null;
  #tail: Promise<unknown> = Promise.resolve();
  /** Bumped by disconnect(), so a connect() still opening the port knows it is no longer wanted. */
  #epoch = 0;

  constructor(config: EscPosSerialConfig, deps: DeviceDeps, options: SerialEscPosPrinterOptions = {}) {
    this.id = config.id;
    this.#deps = deps;
    this.#path = config.path;
    this.#baudRate = config.baudRate ?? defaultBaudRate;
    this.#rtscts = config.flowControl === 'rtscts';
    this.#pollMs = (config.statusPollSeconds ?? defaultPollSeconds) * 1000;
    this.#answerTimeoutMs = options.answerTimeoutMs ?? defaultAnswerTimeoutMs;
    this.#clearCommand = config.clearBufferCommand ?? 'epson';
  }

  /** The last health reported. */
  get health(): HealthReport {
    return this.#health;
  }

  /**
   * Opens the port (closing an earlier one), clears the printer's buffers, asks for the status and
   * starts the status poll.
   */
  connect(): Promise<HealthReport> {
    // Taken now, not when the queued task runs: a disconnect() after this call must win even while
    // this connect waits behind a job.
    const epoch = this.#epoch;
    return this.#exclusive(
      async () => {
        if (epoch !== this.#epoch) return this.#health;
        this.#stopPolling();
        await this.#closeConnection();
        const opened = await this.#open();
        if (epoch !== this.#epoch) {
          if (opened.ok) await opened.link.close().catch(() => undefined);
          return this.#health;
        }
        if (!opened.ok) {
          const report = openErrorHealth(opened.error);
          this.#setHealth(report);
          return report;
        }
        const connection = this.#attach(opened.link);
        // A printer that kept a cut-off job through an unplug must not print it for the next person.
        if (!(await this.#clearBuffers(connection))) return this.#health;
        const report = await this.#query(connection);
        if (this.#connection === connection) this.#schedulePoll(connection);
        return report;
      },
      () => this.#fail(),
    );
  }

  /** Stops the poll and closes the port; a job being written ends as write-failed. */
  async disconnect(): Promise<void> {
    this.#epoch += 1;
    this.#stopPolling();
    await this.#closeConnection();
    this.#health = notConnected;
  }

  /** Health changes noticed by polls, jobs and unplugs; returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#listeners.add(listener);
  }

  /** Asks DLE EOT 1, 2, 4 now (after any job in progress) and reports the health. */
  checkStatus(): Promise<HealthReport> {
    return this.#exclusive(
      async () => {
        const connection = this.#connection;
        return connection ? this.#query(connection) : this.#health;
      },
      () => this.#fail(),
    );
  }

  /** Sends one job, then asks the status: paper end or an open cover during the job fail it. */
  write(bytes: Uint8Array): Promise<WriteResult> {
    return this.#exclusive(
      async (): Promise<WriteResult> => {
        const connection = this.#connection;
        if (!connection) return { ok: false, reason: 'no-printer' };
        connection.jobActive = true;
        try {
          this.#setHealth({ state: 'busy', reason: 'printing' });
          const sent = await this.#send(connection, bytes);
          // abort() took over: it clears the printer and asks for the status itself.
          if (sent === 'aborted') return { ok: false, reason: 'dropped' };
          if (sent !== 'ok') {
            if (sent === 'closed') this.#lost(connection, 'unplugged');
            else if (this.#connection === connection) await this.#failConnection();
            this.#deps.logger.warn({ device: this.id, outcome: sent }, 'printer write failed');
            return { ok: false, reason: 'write-failed' };
          }
          // Paper end or an opened cover during the job shows in the status right after it.
          return resultAfterJob(await this.#query(connection));
        } finally {
          connection.jobActive = false;
        }
      },
      () => {
        this.#fail();
        return { ok: false, reason: 'write-failed' };
      },
    );
  }

  /**
   * Stops a job being written at once (not after it: on a stalled printer its write may never end),
   * discards what the operating system still holds, then, in turn with the other port operations,
   * sends the configured clear-buffers command and asks for the status.
   */
  abort(): Promise<void> {
    const connection = this.#connection;
    let stopped: Promise<void> = Promise.resolve();
    const cancelSend = connection?.cancelSend;
    if (connection && cancelSend) {
      cancelSend();
      stopped = this.#flushLink(connection.link);
    }
    return this.#exclusive(
      async () => {
        await stopped;
        // Gone meanwhile: the next connect() clears the printer before anything else.
        if (!connection || this.#connection !== connection) return;
        if (await this.#clearBuffers(connection)) await this.#query(connection);
      },
      () => {
        this.#fail();
      },
    );
  }

  /** Runs port operations strictly one after another; a bug in one becomes `fallback`, never a rejection. */
  #exclusive<T>(task: () => Promise<T>, fallback: () => T): Promise<T> {
    const run = this.#tail.then(task).catch((error: unknown) => {
      this.#deps.logger.error({ device: this.id, err: error instanceof Error ? error.name : 'unknown' }, 'printer driver error');
      return fallback();
    });
    this.#tail = run;
    return run;
  }

  #fail(): HealthReport {
    const report: HealthReport = { state: 'fault', reason: 'error' };
    this.#setHealth(report);
    return report;
  }

  async #open(): Promise<SerialOpenResult> {
    try {
      return await this.#deps.openSerial({ path: this.#path, baudRate: this.#baudRate, rtscts: this.#rtscts });
    } catch {
      return { ok: false, error: 'error' };
    }
  }

  #attach(link: SerialLink): Connection {
    const connection: Connection = { link, closeWaiters: new Set(), answer: null, clearResponse: null, cancelSend: null, jobActive: false, unsubscribe: [] };
    connection.unsubscribe.push(
      link.onData((chunk) => {
        connection.clearResponse?.(chunk);
        const answer = connection.answer;
        const byte = statusAnswerInChunk(chunk);
        // One byte answers one request; bytes while no request waits are ignored.
        if (answer && byte !== undefined) answer(byte);
      }),
      link.onClose((reason) => {
        this.#lost(connection, reason);
      }),
    );
    this.#connection = connection;
    return connection;
  }

  /** The port closed by itself (unplug, pty closed, error). */
  #lost(connection: Connection, reason: 'unplugged' | 'error' | 'closed'): void {
    if (this.#connection !== connection) return;
    this.#detach(connection);
    void this.#closeLink(connection.link);
    // Losing the port in the middle of a job failed that job: a fault, not just an absent printer.
    const lost: HealthReport = connection.jobActive ? { state: 'fault', reason: 'unplugged' } : { state: 'absent', reason: 'unplugged' };
    this.#setHealth(reason === 'error' ? { state: 'fault', reason: 'error' } : lost);
    this.#wake(connection);
  }

  async #closeConnection(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    this.#detach(connection);
    this.#wake(connection);
    await this.#closeLink(connection.link);
  }

  /** Discards what is still queued for the printer first: a closing port would otherwise still send it. */
  async #closeLink(link: SerialLink): Promise<void> {
    await this.#flushLink(link);
    await link.close().catch(() => undefined);
  }

  async #flushLink(link: SerialLink): Promise<void> {
    try {
      await link.flush();
    } catch {
      // Nothing to discard on a port that fails.
    }
  }

  /**
   * Discards the operating system's queue and sends the configured clear-buffers command; waits for
   * the printer's confirmation, as Epson asks before sending more, but goes on without it (some
   * printers do not answer). False when the port was lost or failed meanwhile.
   */
  async #clearBuffers(connection: Connection): Promise<boolean> {
    await this.#flushLink(connection.link);
    if (this.#clearCommand === 'none') return this.#connection === connection;
    const outcome = await this.#guarded<'confirmed' | 'unconfirmed' | 'failed'>(connection, this.#answerTimeoutMs, 'unconfirmed', (finish, writeFailed) => {
      const received: number[] = [];
      connection.clearResponse = (chunk) => {
        received.push(...chunk);
        if (containsSequence(received, epsonClearResponse)) finish('confirmed');
      };
      connection.link.write(Uint8Array.from(epsonClearBuffersCommand)).catch(() => {
        writeFailed('failed');
      });
    });
    connection.clearResponse = null;
    switch (outcome) {
      case 'closed':
        this.#lost(connection, 'unplugged');
        return false;
      case 'failed':
        if (this.#connection === connection) await this.#failConnection();
        return false;
      case 'unconfirmed':
        this.#deps.logger.info({ device: this.id }, 'printer did not confirm clearing its buffers');
        return true;
      case 'confirmed':
        return true;
    }
  }

  #detach(connection: Connection): void {
    this.#connection = null;
    this.#stopPolling();
    for (const unsubscribe of connection.unsubscribe) unsubscribe();
  }

  #wake(connection: Connection): void {
    for (const waiter of [...connection.closeWaiters]) waiter();
    connection.closeWaiters.clear();
  }

  /** Asks for every status kind in turn and reports the resulting health. */
  async #query(connection: Connection): Promise<HealthReport> {
    const answers: { kind: StatusRequestKind; byte: number | null }[] = [];
    for (const kind of statusRequestKinds) {
      const outcome = await this.#request(connection, kind);
      if (outcome === 'closed') {
        this.#lost(connection, 'unplugged');
        return this.#health;
      }
      if (outcome === 'failed') return this.#failConnection();
      answers.push({ kind, byte: outcome === 'no-answer' ? null : outcome });
      if (outcome === 'no-answer' || !isStatusByte(outcome)) break;
    }
    const report = healthFromAnswers(answers);
    this.#setHealth(report);
    return report;
  }

  async #failConnection(): Promise<HealthReport> {
    await this.#closeConnection();
    const report: HealthReport = { state: 'fault', reason: 'write-failed' };
    this.#setHealth(report);
    return report;
  }

  /** Sends one DLE EOT request and waits for its answer byte. */
  async #request(connection: Connection, kind: StatusRequestKind): Promise<RequestOutcome> {
    const outcome = await this.#guarded<number | 'no-answer' | 'failed'>(connection, this.#answerTimeoutMs, 'no-answer', (finish, writeFailed) => {
      connection.answer = finish;
      connection.link.write(statusRequestBytes(kind)).catch(() => {
        writeFailed('failed');
      });
    });
    connection.answer = null;
    return outcome;
  }

  /** Writes a job, giving up when the port closes, the bytes do not leave in time or abort() stops it. */
  async #send(connection: Connection, bytes: Uint8Array): Promise<SendOutcome> {
    const wireMs = Math.ceil((bytes.length * 10 * 1000) / this.#baudRate);
    const outcome = await this.#guarded<'ok' | 'failed' | 'aborted'>(connection, writeTimeoutBaseMs + 2 * wireMs, 'failed', (finish, writeFailed) => {
      connection.cancelSend = () => {
        finish('aborted');
      };
      connection.link.write(bytes).then(
        () => {
          finish('ok');
        },
        () => {
          writeFailed('failed');
        },
      );
    });
    connection.cancelSend = null;
    return outcome;
  }

  /**
   * Runs `start` and resolves with the first of: its outcome, 'closed' when the port closes, or
   * `onTimeout` after `timeoutMs`. `start` reports a rejected write through `writeFailed`.
   */
  #guarded<T>(
    connection: Connection,
    timeoutMs: number,
    onTimeout: T,
    start: (finish: (outcome: T | 'closed') => void, writeFailed: (outcome: T) => void) => void,
  ): Promise<T | 'closed'> {
    return new Promise((resolve) => {
      if (this.#connection !== connection) {
        resolve('closed');
        return;
      }
      let done = false;
      let graceTimer: unknown = null;
      const finish = (outcome: T | 'closed'): void => {
        if (done) return;
        done = true;
        this.#deps.clock.clearTimeout(timer);
        if (graceTimer !== null) this.#deps.clock.clearTimeout(graceTimer);
        connection.closeWaiters.delete(onClosed);
        resolve(outcome);
      };
      const onClosed = (): void => {
        finish('closed');
      };
      // An unplug can fail a write (tcdrain: EIO) just before the port reports its close: give the
      // close a moment, so a pulled cable is told apart from a port that fails while still there.
      const writeFailed = (outcome: T): void => {
        if (done || graceTimer !== null) return;
        if (!connection.link.isOpen) {
          finish('closed');
          return;
        }
        graceTimer = this.#deps.clock.setTimeout(() => {
          finish(connection.link.isOpen ? outcome : 'closed');
        }, closeGraceMs);
      };
      const timer = this.#deps.clock.setTimeout(() => {
        finish(onTimeout);
      }, timeoutMs);
      connection.closeWaiters.add(onClosed);
      start(finish, writeFailed);
    });
  }

  #schedulePoll(connection: Connection): void {
    this.#stopPolling();
    this.#pollTimer = this.#deps.clock.setTimeout(() => {
      this.#pollTimer = null;
      void this.#exclusive(
        async () => (this.#connection === connection ? this.#query(connection) : this.#health),
        () => this.#fail(),
      ).then(() => {
        if (this.#connection === connection && this.#pollTimer === null) this.#schedulePoll(connection);
      });
    }, this.#pollMs);
  }

  #stopPolling(): void {
    if (this.#pollTimer === null) return;
    this.#deps.clock.clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
  }

  #setHealth(report: HealthReport): void {
    if (report.state === this.#health.state && report.reason === this.#health.reason) return;
    this.#health = report;
    this.#deps.logger.info({ device: this.id, state: report.state, reason: report.reason }, 'printer health');
    this.#listeners.emit(report);
  }
}
