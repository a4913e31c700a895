import { EventEmitter } from 'node:events';
import type { HidAccess, HidDevice, HidDeviceInfo } from '#core/devices/transport/hidLink';

/**
 * A double of node-hid's HIDAsync device object for a reader: a real EventEmitter, so an 'error'
 * emitted with no listener throws here as it would crash the app with node-hid.
 */
export class HidReaderDouble extends EventEmitter implements HidDevice {
  closed = false;

  write(data: number[] | Buffer): Promise<number> {
    return Promise.resolve(data.length);
  }

  sendFeatureReport(data: number[] | Buffer): Promise<number> {
    return Promise.resolve(data.length);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Delivers one input report as node-hid does. */
  report(bytes: readonly number[] | Uint8Array): void {
    this.emit('data', Buffer.from(bytes));
  }

  /** node-hid's read loop failing: what an unplug looks like. */
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }
}

/** The HidAccess boundary with plug/unplug. Each plug creates a fresh device double. */
export class HidReaderAccess implements HidAccess {
  devices: HidDeviceInfo[] = [];
  readonly opened: HidReaderDouble[] = [];
  openError: string | undefined;
  /** When set, open() waits for this promise (to test disconnect during connect). */
  openGate: Promise<void> | undefined;

  plug(vendorId: number, productId: number, path = '/dev/hidraw7'): void {
    this.devices = [...this.devices.filter((d) => d.path !== path), { vendorId, productId, path }];
  }

  unplugAll(): void {
    this.devices = [];
  }

  list(): Promise<HidDeviceInfo[]> {
    return Promise.resolve([...this.devices]);
  }

  async open(path: string): Promise<HidDevice> {
    if (this.openGate) await this.openGate;
    if (this.openError !== undefined) throw new Error(this.openError);
    if (!this.devices.some((d) => d.path === path)) throw new Error(`cannot open device with path ${path}`);
    const device = new HidReaderDouble();
    this.opened.push(device);
    return device;
  }

  /** The device the driver opened last. */
  last(): HidReaderDouble {
    const device = this.opened.at(-1);
    if (!device) throw new Error('nothing opened');
    return device;
  }
}

/** Splits text into `[reportId, length, ...ascii]` reports of `size` bytes, zero padded. */
export function lengthPrefixedReports(text: string, size = 64, reportId = 2): number[][] {
  const bytes = Array.from(Buffer.from(text, 'latin1'));
  const reports: number[][] = [];
  for (let i = 0; i < bytes.length; i += size - 2) {
    const part = bytes.slice(i, i + size - 2);
    reports.push([reportId, part.length, ...part, ...new Array<number>(size - 2 - part.length).fill(0)]);
  }
  return reports;
}

/** Splits text into raw reports of `size` bytes, NUL padded. */
export function rawReports(text: string, size = 32): number[][] {
  const bytes = Array.from(Buffer.from(text, 'latin1'));
  const reports: number[][] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const part = bytes.slice(i, i + size);
    reports.push([...part, ...new Array<number>(size - part.length).fill(0)]);
  }
  return reports;
}
