import type { DeviceHealth } from '#shared/devices/deviceHealth';
import type { Logger } from '../logging/logger';
import { errorKind } from '../logging/logger';
import type { Clock } from '../session/clock';
import { Listeners, reconnectReasons, toDeviceHealth, type DeviceDriver, type HealthReport } from './device';

export interface BackoffOptions {
  /** First retry after this many ms; doubled after each failure. */
  readonly initialMs: number;
  /** Longest wait between retries: also how soon a re-plugged device is found (polling). */
  readonly maxMs: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 1000, maxMs: 10_000 };

interface Entry {
  readonly driver: DeviceDriver;
  health: DeviceHealth;
  retryTimer: unknown;
  retryDelayMs: number;
  connecting: boolean;
  unsubscribe: () => void;
}

/**
 * Keeps every configured device connected: tracks each one's health, reconnects with exponential
 * backoff while a device is absent or failed (this polling is also how a re-plugged device is
 * found), and tells listeners about every change. No device error ever escapes from here.
 */
export class DeviceManager {
  readonly #entries = new Map<string, Entry>();
  readonly #changes = new Listeners<readonly DeviceHealth[]>();
  #stopped = false;

  constructor(
    private readonly deps: { readonly clock: Clock; readonly logger: Logger },
    private readonly backoff: BackoffOptions = defaultBackoff,
  ) {}

  /** Adds a driver (before or after start). */
  add(driver: DeviceDriver): void {
    if (this.#entries.has(driver.id)) throw new Error(`device ${driver.id} added twice`);
    const entry: Entry = {
      driver,
      health: toDeviceHealth(driver, { state: 'absent', reason: 'connecting' }),
      retryTimer: null,
      retryDelayMs: this.backoff.initialMs,
      connecting: false,
      unsubscribe: () => undefined,
    };
    entry.unsubscribe = driver.onHealth((report) => {
      this.#apply(entry, report);
    });
    this.#entries.set(driver.id, entry);
  }

  /** Connects every device; resolves when each has answered once (failures become health). */
  async start(): Promise<void> {
    this.#stopped = false;
    await Promise.all([...this.#entries.values()].map((entry) => this.#connect(entry)));
  }

  /** The health of every device, in the order they were added. */
  health(): DeviceHealth[] {
    return [...this.#entries.values()].map((entry) => ({ ...entry.health }));
  }

  /** The driver with this id, if any. */
  driver(id: string): DeviceDriver | undefined {
    return this.#entries.get(id)?.driver;
  }

  /** All drivers (for services that pick theirs by kind). */
  drivers(): DeviceDriver[] {
    return [...this.#entries.values()].map((entry) => entry.driver);
  }

  /** Called with the whole health list after any change; returns an unsubscribe function. */
  onChange(listener: (health: readonly DeviceHealth[]) => void): () => void {
    return this.#changes.add(listener);
  }

  /** Disconnects every device and stops retrying. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const entry of this.#entries.values()) this.#clearRetry(entry);
    await Promise.all(
      [...this.#entries.values()].map(async (entry) => {
        entry.unsubscribe();
        await entry.driver.disconnect().catch(() => undefined);
      }),
    );
  }

  async #connect(entry: Entry): Promise<void> {
    if (this.#stopped || entry.connecting) return;
    entry.connecting = true;
    let report: HealthReport;
    try {
      report = await entry.driver.connect();
    } catch (error) {
      // Drivers should not throw; if one does, it is a fault, not a crash.
      this.deps.logger.error({ event: 'device-connect-threw', device: entry.driver.id, err: errorKind(error) }, 'device driver threw');
      report = { state: 'fault', reason: 'error' };
    } finally {
      entry.connecting = false;
    }
    this.#apply(entry, report);
  }

  #apply(entry: Entry, report: HealthReport): void {
    const previous = entry.health;
    entry.health = toDeviceHealth(entry.driver, report);
    const needsRetry = (report.state === 'absent' || report.state === 'fault') && reconnectReasons.has(report.reason);
    if (report.state === 'ready' || report.state === 'warning' || report.state === 'busy') {
      entry.retryDelayMs = this.backoff.initialMs;
      this.#clearRetry(entry);
    } else if (needsRetry) {
      this.#scheduleRetry(entry);
    }
    if (previous.state !== entry.health.state || previous.reason !== entry.health.reason) {
      this.deps.logger.info(
        { event: 'device-health', device: entry.driver.id, state: entry.health.state, reason: entry.health.reason },
        'device health changed',
      );
      this.#changes.emit(this.health());
    }
  }

  #scheduleRetry(entry: Entry): void {
    if (this.#stopped || entry.retryTimer !== null || entry.connecting) return;
    const delay = entry.retryDelayMs;
    entry.retryDelayMs = Math.min(this.backoff.maxMs, entry.retryDelayMs * 2);
    entry.retryTimer = this.deps.clock.setTimeout(() => {
      entry.retryTimer = null;
      void this.#connect(entry);
    }, delay);
  }

  #clearRetry(entry: Entry): void {
    if (entry.retryTimer !== null) this.deps.clock.clearTimeout(entry.retryTimer);
    entry.retryTimer = null;
  }
}
