import type { DocumentReaderConfig } from '../../../../shared/config/deviceConfig';
import type { DocumentRead } from '../../../../shared/devices/documentRead';
import { healthy, Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { HidDevice } from '../transport/hidLink';
import type { DocumentReaderDriver } from './documentReaderDriver';
import { readLogFields } from './documentSummary';
import { MrzFramer, type MrzFramerOptions } from './mrzFraming';
import { parseMrz } from './mrzParser';

/** The config entry of a HID MRZ reader. */
export type HidMrzReaderConfig = Extract<DocumentReaderConfig, { driver: 'mrz-hid' }>;

/**
 * How the text sits in an input report.
 * - 'length-prefixed' (default): `[reportId, length, ...ascii, padding]`, the layout of vendor
 *   reports and of HID POS scanner input reports: byte 1 says how many text bytes follow.
 * - 'raw': the whole report is text, padded with NUL (devices without report ids; on Windows
 *   node-hid puts a 0 report id in front, which is dropped as padding too).
 */
export type HidReportLayout = 'length-prefixed' | 'raw';

/** Report layout and framing of a HID MRZ reader (not in kiosk-config yet, so the defaults apply there). */
export interface HidMrzReaderOptions extends MrzFramerOptions {
  readonly layout?: HidReportLayout;
  /** With 'length-prefixed': only reports with this id carry text (others, e.g. status, are ignored). */
  readonly reportId?: number;
}

/**
 * An MRZ reader that delivers the zone in HID input reports (not keyboard emulation), found by
 * vendor/product id through node-hid. The device's 'error' event (unplug) makes it absent;
 * connect() finds and opens it again after a replug.
 */
export class HidMrzReader implements DocumentReaderDriver {
  readonly kind = 'documentReader' as const;
  readonly simulated = false;
  readonly id: string;
  readonly #reads = new Listeners<DocumentRead>();
  readonly #health = new Listeners<HealthReport>();
  readonly #framer: MrzFramer;
  readonly #layout: HidReportLayout;
  readonly #reportId: number | undefined;
  #device: HidDevice | null = null;
  #connecting: Promise<HealthReport> | null = null;
  /** Bumped by disconnect so that an open still in flight is closed again instead of used. */
  #generation = 0;

  constructor(
    private readonly config: HidMrzReaderConfig,
    private readonly deps: Pick<DeviceDeps, 'clock' | 'logger' | 'hid'>,
    options: HidMrzReaderOptions = {},
  ) {
    this.id = config.id;
    this.#layout = options.layout ?? 'length-prefixed';
    this.#reportId = options.reportId;
    this.#framer = new MrzFramer(deps.clock, (text) => this.#onCandidate(text), options);
  }

  /** Finds and opens the device; resolves ready, or with why it could not be used. */
  connect(): Promise<HealthReport> {
    if (this.#device) return Promise.resolve(healthy);
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
    const device = this.#device;
    this.#detach();
    if (device) {
      await closeQuietly(device);
      this.deps.logger.info({ event: 'document-reader-disconnected', device: this.id }, 'document reader disconnected');
    }
  }

  /** Every completed read; returns an unsubscribe function. */
  onRead(listener: (read: DocumentRead) => void): () => void {
    return this.#reads.add(listener);
  }

  /** Unplug; returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#health.add(listener);
  }

  async #open(): Promise<HealthReport> {
    const generation = this.#generation;
    let path: string | undefined;
    try {
      const devices = await this.deps.hid.list();
      path = devices.find((d) => d.vendorId === this.config.vendorId && d.productId === this.config.productId && d.path)?.path;
    } catch {
      path = undefined;
    }
    if (path === undefined) return { state: 'absent', reason: 'not-found' };

    let device: HidDevice;
    try {
      device = await this.deps.hid.open(path);
    } catch (error) {
      const reason = /EACCES|permission/i.test(error instanceof Error ? error.message : String(error)) ? 'permission-denied' : 'error';
      this.deps.logger.warn({ event: 'document-reader-open-failed', device: this.id, reason }, 'document reader not opened');
      return { state: 'fault', reason };
    }
    if (generation !== this.#generation) {
      await closeQuietly(device);
      return { state: 'absent', reason: 'not-found' };
    }
    this.#device = device;
    try {
      device.on('data', (report: Buffer) => {
        if (this.#device === device) this.#onReport(report);
      });
      device.on('error', () => {
        this.#onError(device);
      });
    } catch {
      this.#detach();
      await closeQuietly(device);
      return { state: 'fault', reason: 'error' };
    }
    this.deps.logger.info({ event: 'document-reader-connected', device: this.id }, 'document reader connected');
    return healthy;
  }

  #onReport(report: Buffer): void {
    const bytes = new Uint8Array(report.buffer, report.byteOffset, report.byteLength);
    if (this.#layout === 'raw') {
      this.#framer.push(bytes);
      return;
    }
    if (bytes.length < 2) return;
    if (this.#reportId !== undefined && bytes[0] !== this.#reportId) return;
    // A length beyond the report is taken as "the rest of the report": never read past it.
    const length = Math.min(bytes[1] ?? 0, bytes.length - 2);
    this.#framer.push(bytes.subarray(2, 2 + length));
  }

  #onError(device: HidDevice): void {
    if (device !== this.#device) return;
    this.#detach();
    void closeQuietly(device);
    this.deps.logger.warn({ event: 'document-reader-unplugged', device: this.id }, 'document reader unplugged');
    this.#health.emit({ state: 'absent', reason: 'unplugged' });
  }

  #detach(): void {
    const device = this.#device;
    this.#device = null;
    this.#framer.reset();
    if (device) {
      try {
        device.removeAllListeners();
        // An EventEmitter with no 'error' listener throws on the next 'error': keep a sink.
        device.on('error', () => undefined);
      } catch {
        // A device object that is already torn down has nothing left to remove.
      }
    }
  }

  #onCandidate(text: string): void {
    const read = parseMrz(text, { now: this.deps.clock.now() });
    this.deps.logger.debug({ event: 'document-read', device: this.id, ...readLogFields(read) }, 'document read');
    this.#reads.emit(read);
  }
}

/** Closes a device whose close may throw or reject after an unplug. */
async function closeQuietly(device: HidDevice): Promise<void> {
  try {
    await device.close();
  } catch {
    // Already gone.
  }
}
