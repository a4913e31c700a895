import type { PrinterConfig } from '../../../../shared/config/deviceConfig';
import { Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { SerialLink, SerialOpenError, SerialOpenResult } from '../transport/serialLink';
import type { PrinterDriver, WriteResult } from './printerDriver';
import { healthFromAnswers, isStatusByte, statusRequestBytes, statusRequestKinds, type StatusRequestKind } from './printerStatus';

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

interface Connection {
  readonly link: SerialLink;
  /** Wakes everything waiting on this link when it closes. */
  readonly closeWaiters: Set<() => void>;
  /** Receives the next byte from the printer while a status request waits for it. */
  answer: ((byte: number) => void) | null;
  readonly unsubscribe: (() => void)[];
}

type RequestOutcome = number | 'no-answer' | 'closed' | 'failed';

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
 * port operation runs one after another so answers cannot be mixed up with jobs. Never throws.
 */
export class SerialEscPosPrinter implements PrinterDriver {
  readonly kind = 'printer' as const;
  readonly simulated = false;
  readonly id: string;

  readonly #deps: DeviceDeps;
  readonly #path: string;
  readonly #baudRate: number;
  readonly #pollMs: number;
  readonly #answerTimeoutMs: number;
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
    this.#pollMs = (config.statusPollSeconds ?? defaultPollSeconds) * 1000;
    this.#answerTimeoutMs = options.answerTimeoutMs ?? defaultAnswerTimeoutMs;
  }

  /** The last health reported. */
  get health(): HealthReport {
    return this.#health;
  }

  /** Opens the port (closing an earlier one), asks for the status and starts the status poll. */
  connect(): Promise<HealthReport> {
    return this.#exclusive(
      async () => {
        this.#stopPolling();
        await this.#closeConnection();
        const epoch = this.#epoch;
        const opened = await this.#open();
        if (!opened.ok) {
          const report = openErrorHealth(opened.error);
          this.#setHealth(report);
          return report;
        }
        if (epoch !== this.#epoch) {
          await opened.link.close().catch(() => undefined);
          return this.#health;
        }
        const connection = this.#attach(opened.link);
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
        this.#setHealth({ state: 'busy', reason: 'printing' });
        const sent = await this.#send(connection, bytes);
        if (sent !== 'ok') {
          if (sent === 'closed') this.#lost(connection, 'unplugged');
          else if (this.#connection === connection) await this.#failConnection();
          this.#deps.logger.warn({ device: this.id, outcome: sent }, 'printer write failed');
          return { ok: false, reason: 'write-failed' };
        }
        // Paper end or an opened cover during the job shows in the status right after it.
        return resultAfterJob(await this.#query(connection));
      },
      () => {
        this.#fail();
        return { ok: false, reason: 'write-failed' };
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
      return await this.#deps.openSerial({ path: this.#path, baudRate: this.#baudRate });
    } catch {
      return { ok: false, error: 'error' };
    }
  }

  #attach(link: SerialLink): Connection {
    const connection: Connection = { link, closeWaiters: new Set(), answer: null, unsubscribe: [] };
    connection.unsubscribe.push(
      link.onData((chunk) => {
        const answer = connection.answer;
        const byte = chunk[0];
        // One byte answers one request; anything else (late or extra bytes) is ignored.
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
    void connection.link.close().catch(() => undefined);
    this.#setHealth(reason === 'error' ? { state: 'fault', reason: 'error' } : { state: 'absent', reason: 'unplugged' });
    this.#wake(connection);
  }

  async #closeConnection(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    this.#detach(connection);
    this.#wake(connection);
    await connection.link.close().catch(() => undefined);
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
    const outcome = await this.#guarded<number | 'no-answer' | 'failed'>(connection, this.#answerTimeoutMs, 'no-answer', (finish) => {
      connection.answer = finish;
      connection.link.write(statusRequestBytes(kind)).catch(() => {
        finish(connection.link.isOpen ? 'failed' : 'closed');
      });
    });
    connection.answer = null;
    return outcome;
  }

  /** Writes a job, giving up when the port closes or the bytes do not leave in time. */
  #send(connection: Connection, bytes: Uint8Array): Promise<'ok' | 'closed' | 'failed'> {
    const wireMs = Math.ceil((bytes.length * 10 * 1000) / this.#baudRate);
    return this.#guarded<'ok' | 'closed' | 'failed'>(connection, writeTimeoutBaseMs + 2 * wireMs, 'failed', (finish) => {
      connection.link.write(bytes).then(
        () => {
          finish('ok');
        },
        () => {
          finish(connection.link.isOpen ? 'failed' : 'closed');
        },
      );
    });
  }

  /**
   * Runs `start` and resolves with the first of: its outcome, 'closed' when the port closes, or
   * `onTimeout` after `timeoutMs`.
   */
  #guarded<T>(connection: Connection, timeoutMs: number, onTimeout: T, start: (finish: (outcome: T | 'closed') => void) => void): Promise<T | 'closed'> {
    return new Promise((resolve) => {
      if (this.#connection !== connection) {
        resolve('closed');
        return;
      }
      let done = false;
      const finish = (outcome: T | 'closed'): void => {
        if (done) return;
        done = true;
        this.#deps.clock.clearTimeout(timer);
        connection.closeWaiters.delete(onClosed);
        resolve(outcome);
      };
      const onClosed = (): void => {
        finish('closed');
      };
      const timer = this.#deps.clock.setTimeout(() => {
        finish(onTimeout);
      }, timeoutMs);
      connection.closeWaiters.add(onClosed);
      start(finish);
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
