import type { DocumentRead } from '#shared/devices/documentRead';
import { healthy, Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { DocumentReaderDriver } from './documentReaderDriver';
import { readLogFields } from './documentSummary';
import { MrzFramer, type MrzFramerOptions } from './mrzFraming';
import { parseMrz } from './mrzParser';

export type OpenOutcome<T> = { readonly ok: true; readonly handle: T } | { readonly ok: false; readonly report: HealthReport };

/**
 * What the serial and HID MRZ readers share: connect once at a time, drop an open that finished
 * after disconnect(), frame incoming text into zones, parse and emit reads (logging only
 * non-personal fields), and report a lost device as health. Subclasses only move bytes.
 */
export abstract class FramedMrzReader<T> implements DocumentReaderDriver {
  readonly kind = 'documentReader' as const;
  readonly simulated = false;
  protected readonly framer: MrzFramer;
  readonly #reads = new Listeners<DocumentRead>();
  readonly #health = new Listeners<HealthReport>();
  #handle: T | null = null;
  #connecting: Promise<HealthReport> | null = null;
  /** The last open failure logged, so a device that stays away is not logged at every retry. */
  #lastFailure: string | null = null;
  /** Bumped by disconnect so that an open still in flight is closed again instead of used. */
  #generation = 0;

  protected constructor(
    readonly id: string,
    protected readonly deps: Pick<DeviceDeps, 'clock' | 'logger'>,
    framing: MrzFramerOptions,
  ) {
    this.framer = new MrzFramer(
      deps.clock,
      (text) => {
        this.#onCandidate(text);
      },
      framing,
    );
  }

  /** Opens the transport; resolves the outcome, never throws. */
  protected abstract open(): Promise<OpenOutcome<T>>;
  /** Starts listening on an opened transport (data → this.framer, loss → this.lost()). */
  protected abstract attach(handle: T): void;
  /** Stops listening; must not throw. */
  protected abstract detach(handle: T): void;
  /** Closes the transport; must not throw. */
  protected abstract close(handle: T): Promise<void>;

  /** Opens the device; resolves ready, or with why it could not be used. */
  connect(): Promise<HealthReport> {
    if (this.#handle !== null) return Promise.resolve(healthy);
    if (this.#connecting) return this.#connecting;
    const attempt = this.#open().finally(() => {
      if (this.#connecting === attempt) this.#connecting = null;
    });
    this.#connecting = attempt;
    return attempt;
  }

  /** Closes the device and drops any half-received zone. */
  async disconnect(): Promise<void> {
    this.#generation += 1;
    this.#connecting = null;
    const handle = this.#handle;
    this.#release();
    if (handle !== null) {
      await this.close(handle);
      this.deps.logger.info({ event: 'document-reader-disconnected', device: this.id }, 'document reader disconnected');
    }
  }

  /** Every completed read; returns an unsubscribe function. */
  onRead(listener: (read: DocumentRead) => void): () => void {
    return this.#reads.add(listener);
  }

  /** Unplug and transport errors; returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#health.add(listener);
  }

  /** True while `handle` is the open transport (events of an old one are ignored). */
  protected isCurrent(handle: T): boolean {
    return this.#handle === handle;
  }

  /** The transport went away: forget it, close it and report the health (the manager reconnects). */
  protected lost(handle: T, report: HealthReport, event: string): void {
    if (handle !== this.#handle) return;
    this.#release();
    void this.close(handle);
    this.deps.logger.warn({ event, device: this.id }, 'document reader lost');
    this.#health.emit(report);
  }

  async #open(): Promise<HealthReport> {
    const generation = this.#generation;
    const outcome = await this.open();
    if (!outcome.ok) {
      const failure = `${outcome.report.state}/${outcome.report.reason}`;
      if (failure !== this.#lastFailure) {
        this.deps.logger.warn({ event: 'document-reader-open-failed', device: this.id, reason: outcome.report.reason }, 'document reader not opened');
        this.#lastFailure = failure;
      }
      return outcome.report;
    }
    this.#lastFailure = null;
    if (generation !== this.#generation) {
      // disconnect() ran while the device was opening: do not keep it.
      await this.close(outcome.handle);
      return { state: 'absent', reason: 'not-found' };
    }
    this.#handle = outcome.handle;
    this.attach(outcome.handle);
    this.deps.logger.info({ event: 'document-reader-connected', device: this.id }, 'document reader connected');
    return healthy;
  }

  #release(): void {
    const handle = this.#handle;
    this.#handle = null;
    this.framer.reset();
    if (handle !== null) this.detach(handle);
  }

  #onCandidate(text: string): void {
    const read = parseMrz(text, { now: this.deps.clock.now() });
    this.deps.logger.debug({ event: 'document-read', device: this.id, ...readLogFields(read) }, 'document read');
    this.#reads.emit(read);
  }
}
