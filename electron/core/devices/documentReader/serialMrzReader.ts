import type { DocumentReaderConfig } from '../../../../shared/config/deviceConfig';
import type { DocumentRead } from '../../../../shared/devices/documentRead';
import { healthy, Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { SerialLink, SerialOpenError, SerialOpenResult } from '../transport/serialLink';
import type { DocumentReaderDriver } from './documentReaderDriver';
import { readLogFields } from './documentSummary';
import { MrzFramer, type MrzFramerOptions } from './mrzFraming';
import { parseMrz } from './mrzParser';

/** The config entry of a serial MRZ reader. */
export type SerialMrzReaderConfig = Extract<DocumentReaderConfig, { driver: 'mrz-serial' }>;

/** Readers on a (virtual) serial port default to 9600 baud, 8N1. */
const defaultBaudRate = 9600;

/** Health after a failed open: a missing port is absent, the rest are faults; the manager retries all. */
function openFailure(error: SerialOpenError): HealthReport {
  return error === 'not-found' ? { state: 'absent', reason: 'not-found' } : { state: 'fault', reason: error };
}

/**
 * An MRZ reader on a serial or USB virtual COM port: it sends the zone as text lines whenever a
 * document is put on it. Open failures and unplugging become health; bytes of any kind only ever
 * become reads (possibly with an error), never exceptions.
 */
export class SerialMrzReader implements DocumentReaderDriver {
  readonly kind = 'documentReader' as const;
  readonly simulated = false;
  readonly id: string;
  readonly #reads = new Listeners<DocumentRead>();
  readonly #health = new Listeners<HealthReport>();
  readonly #framer: MrzFramer;
  #link: SerialLink | null = null;
  #unsubscribe: (() => void)[] = [];
  #connecting: Promise<HealthReport> | null = null;
  /** Bumped by disconnect so that an open still in flight is closed again instead of used. */
  #generation = 0;

  constructor(
    private readonly config: SerialMrzReaderConfig,
    private readonly deps: Pick<DeviceDeps, 'clock' | 'logger' | 'openSerial'>,
    framing: MrzFramerOptions = {},
  ) {
    this.id = config.id;
    this.#framer = new MrzFramer(deps.clock, (text) => this.#onCandidate(text), framing);
  }

  /** Opens the port; resolves ready, or with why it could not be opened. */
  connect(): Promise<HealthReport> {
    if (this.#link) return Promise.resolve(healthy);
    if (this.#connecting) return this.#connecting;
    const attempt = this.#open().finally(() => {
      if (this.#connecting === attempt) this.#connecting = null;
    });
    this.#connecting = attempt;
    return attempt;
  }

  /** Closes the port and drops any half-received zone. */
  async disconnect(): Promise<void> {
    this.#generation += 1;
    this.#connecting = null;
    const link = this.#link;
    this.#detach();
    if (link) {
      await link.close().catch(() => undefined);
      this.deps.logger.info({ event: 'document-reader-disconnected', device: this.id }, 'document reader disconnected');
    }
  }

  /** Every completed read; returns an unsubscribe function. */
  onRead(listener: (read: DocumentRead) => void): () => void {
    return this.#reads.add(listener);
  }

  /** Unplug and port errors; returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#health.add(listener);
  }

  async #open(): Promise<HealthReport> {
    const generation = this.#generation;
    let result: SerialOpenResult;
    try {
      result = await this.deps.openSerial({ path: this.config.path, baudRate: this.config.baudRate ?? defaultBaudRate });
    } catch {
      result = { ok: false, error: 'error' };
    }
    if (!result.ok) {
      this.deps.logger.warn({ event: 'document-reader-open-failed', device: this.id, reason: result.error }, 'document reader not opened');
      return openFailure(result.error);
    }
    const link = result.link;
    if (generation !== this.#generation) {
      // disconnect() ran while the port was opening: do not keep it.
      await link.close().catch(() => undefined);
      return { state: 'absent', reason: 'not-found' };
    }
    this.#link = link;
    this.#unsubscribe = [
      link.onData((chunk) => {
        this.#framer.push(chunk);
      }),
      link.onClose((reason) => {
        this.#onClosed(link, reason);
      }),
    ];
    this.deps.logger.info({ event: 'document-reader-connected', device: this.id }, 'document reader connected');
    return healthy;
  }

  #onClosed(link: SerialLink, reason: 'unplugged' | 'error' | 'closed'): void {
    if (link !== this.#link) return;
    this.#detach();
    if (reason === 'closed') return; // our own close()
    // Both make the manager reconnect with backoff; 'unplugged' is also what a closed pty gives.
    const report: HealthReport = reason === 'unplugged' ? { state: 'absent', reason: 'unplugged' } : { state: 'fault', reason: 'error' };
    const event = reason === 'unplugged' ? 'document-reader-unplugged' : 'document-reader-port-failed';
    this.deps.logger.warn({ event, device: this.id }, 'document reader port closed');
    this.#health.emit(report);
  }

  #detach(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#link = null;
    this.#framer.reset();
  }

  #onCandidate(text: string): void {
    const read = parseMrz(text, { now: this.deps.clock.now() });
    this.deps.logger.debug({ event: 'document-read', device: this.id, ...readLogFields(read) }, 'document read');
    this.#reads.emit(read);
  }
}
