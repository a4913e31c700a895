import type { DeviceHealth, DeviceKind, HealthReason, HealthState } from '#shared/devices/deviceHealth';

/** A device's own view of its health; the manager adds id, kind and the simulated flag. */
export interface HealthReport {
  readonly state: HealthState;
  readonly reason: HealthReason;
}

export const healthy: HealthReport = { state: 'ready', reason: 'ok' };

/**
 * What every device driver and simulator implements. Drivers never throw: failures become health
 * reports, and the device manager reconnects with backoff while a device is absent or faulty.
 */
export interface DeviceDriver {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly simulated: boolean;
  /** Opens the device; resolves with its health afterwards (absent/fault when it failed). */
  connect(): Promise<HealthReport>;
  /** Closes the device and stops its timers; safe to call at any time, more than once. */
  disconnect(): Promise<void>;
  /** Health changes the driver notices itself (status poll, unplug, garbage); returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void;
}

/** Health reasons after which the manager tries to connect again. */
export const reconnectReasons: ReadonlySet<HealthReason> = new Set<HealthReason>([
  'not-found',
  'unplugged',
  'port-busy',
  'permission-denied',
  'no-answer',
  'write-failed',
  'error',
]);

export function toDeviceHealth(driver: Pick<DeviceDriver, 'id' | 'kind' | 'simulated'>, report: HealthReport): DeviceHealth {
  return { id: driver.id, kind: driver.kind, simulated: driver.simulated, state: report.state, reason: report.reason };
}

/** A tiny listener set, so each driver need not write its own. */
export class Listeners<T> {
  readonly #listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(value);
      } catch {
        // A failing listener must not stop the others or the device.
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
