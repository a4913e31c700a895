import type { DocumentReaderConfig } from '#shared/config/deviceConfig';
import type { DeviceDeps } from '../deviceDeps';
import type { HidDevice } from '../transport/hidLink';
import { FramedMrzReader, type OpenOutcome } from './framedMrzReader';
import type { MrzFramerOptions } from './mrzFraming';

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
export class HidMrzReader extends FramedMrzReader<HidDevice> {
  readonly #layout: HidReportLayout;
  readonly #reportId: number | undefined;

  constructor(
    private readonly config: HidMrzReaderConfig,
    private readonly hidDeps: Pick<DeviceDeps, 'clock' | 'logger' | 'hid'>,
    options: HidMrzReaderOptions = {},
  ) {
    super(config.id, hidDeps, options);
    this.#layout = options.layout ?? 'length-prefixed';
    this.#reportId = options.reportId;
  }

  protected async open(): Promise<OpenOutcome<HidDevice>> {
    let path: string | undefined;
    try {
      const devices = await this.hidDeps.hid.list();
      path = devices.find((d) => d.vendorId === this.config.vendorId && d.productId === this.config.productId && d.path)?.path;
    } catch {
      path = undefined;
    }
    if (path === undefined) return { ok: false, report: { state: 'absent', reason: 'not-found' } };
    try {
      return { ok: true, handle: await this.hidDeps.hid.open(path) };
    } catch (error) {
      const reason = /EACCES|permission/i.test(error instanceof Error ? error.message : String(error)) ? 'permission-denied' : 'error';
      return { ok: false, report: { state: 'fault', reason } };
    }
  }

  protected attach(device: HidDevice): void {
    try {
      device.on('data', (report: Buffer) => {
        if (this.isCurrent(device)) this.#onReport(report);
      });
      device.on('error', () => {
        this.lost(device, { state: 'absent', reason: 'unplugged' }, 'document-reader-unplugged');
      });
    } catch {
      this.lost(device, { state: 'fault', reason: 'error' }, 'document-reader-port-failed');
    }
  }

  protected detach(device: HidDevice): void {
    try {
      device.removeAllListeners();
      // An EventEmitter with no 'error' listener throws on the next 'error': keep a sink.
      device.on('error', () => undefined);
    } catch {
      // A device object that is already torn down has nothing left to remove.
    }
  }

  protected close(device: HidDevice): Promise<void> {
    return closeQuietly(device);
  }

  #onReport(report: Buffer): void {
    const bytes = new Uint8Array(report.buffer, report.byteOffset, report.byteLength);
    if (this.#layout === 'raw') {
      this.framer.push(bytes);
      return;
    }
    if (bytes.length < 2) return;
    if (this.#reportId !== undefined && bytes[0] !== this.#reportId) return;
    // A length beyond the report is taken as "the rest of the report": never read past it.
    const length = Math.min(bytes[1] ?? 0, bytes.length - 2);
    this.framer.push(bytes.subarray(2, 2 + length));
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
