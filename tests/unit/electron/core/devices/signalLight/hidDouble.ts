import { EventEmitter } from 'node:events';
import type { DeviceDeps } from '#core/devices/deviceDeps';
import type { HidAccess, HidDevice, HidDeviceInfo } from '#core/devices/transport/hidLink';
import type { Clock } from '#core/session/clock';
import type { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';

export interface SentReport {
  readonly kind: 'output' | 'feature';
  readonly bytes: number[];
  /** Clock time when the driver sent it. */
  readonly at: number;
}

/**
 * A double of node-hid's HIDAsync device object. It is a real EventEmitter, like node-hid's, so an
 * 'error' emitted while nobody listens throws here just as it would crash the app there.
 */
export class HidDeviceDouble extends EventEmitter implements HidDevice {
  readonly sent: SentReport[] = [];
  /** When set, write() and sendFeatureReport() reject like a device that went away mid-write. */
  failWrites = false;
  closed = false;

  constructor(private readonly clock: Clock) {
    super();
  }

  write(data: number[] | Buffer): Promise<number> {
    return this.#record('output', data);
  }

  sendFeatureReport(data: number[] | Buffer): Promise<number> {
    return this.#record('feature', data);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Simulates pulling the plug: node-hid's read loop fails and emits 'error'. */
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }

  /** Output reports only. */
  writes(): number[][] {
    return this.sent.filter((r) => r.kind === 'output').map((r) => r.bytes);
  }

  /** Feature reports only. */
  features(): number[][] {
    return this.sent.filter((r) => r.kind === 'feature').map((r) => r.bytes);
  }

  last(): SentReport | undefined {
    return this.sent.at(-1);
  }

  #record(kind: 'output' | 'feature', data: number[] | Buffer): Promise<number> {
    if (this.closed) return Promise.reject(new Error('device closed'));
    if (this.failWrites) return Promise.reject(new Error('could not write to HID device'));
    const bytes = [...data];
    this.sent.push({ kind, bytes, at: this.clock.now() });
    return Promise.resolve(bytes.length);
  }
}

/** The HidAccess boundary: a list of attached devices and the doubles opened by path. */
export class HidAccessDouble implements HidAccess {
  devices: HidDeviceInfo[] = [];
  readonly doubles = new Map<string, HidDeviceDouble>();
  readonly opened: string[] = [];
  /** When set, open() rejects with this message. */
  openError: string | undefined;

  constructor(private readonly clock: Clock) {}

  /** Plugs in a device with a fresh double and returns the double. */
  plug(vendorId: number, productId: number, path = `/dev/hidraw-${vendorId.toString(16)}-${productId.toString(16)}`): HidDeviceDouble {
    this.devices = [...this.devices.filter((d) => d.path !== path), { vendorId, productId, path, product: 'test light' }];
    const double = new HidDeviceDouble(this.clock);
    this.doubles.set(path, double);
    return double;
  }

  /** Removes every device from the list (the double itself is unplugged separately). */
  unplugAll(): void {
    this.devices = [];
  }

  list(): Promise<HidDeviceInfo[]> {
    return Promise.resolve([...this.devices]);
  }

  open(path: string): Promise<HidDevice> {
    if (this.openError !== undefined) return Promise.reject(new Error(this.openError));
    const double = this.doubles.get(path);
    if (!double) return Promise.reject(new Error(`cannot open device with path ${path}`));
    this.opened.push(path);
    return Promise.resolve(double);
  }
}

/** Device deps around a fake clock and a HID double; serial is not used by the light. */
export function lightDeps(clock: FakeClock, hid: HidAccess): { deps: DeviceDeps; log: LogCapture } {
  const log = captureLog();
  const deps: DeviceDeps = {
    clock,
    logger: log.logger,
    hid,
    dataDir: '/nonexistent',
    openSerial: () => Promise.resolve({ ok: false, error: 'not-found' }),
  };
  return { deps, log };
}
