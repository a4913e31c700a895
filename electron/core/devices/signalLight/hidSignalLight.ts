import type { SignalLightConfig } from '#shared/config/deviceConfig';
import type { HealthReason } from '#shared/devices/deviceHealth';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../session/clock';
import { healthy, Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { HidDevice, HidDeviceInfo } from '../transport/hidLink';
import { blinkHalfPeriodMs, blinks, findModel, lightOff, stateColors, type LightModel, type LightReport } from './lightModels';
import type { LightState, SignalLightDriver } from './signalLightDriver';

/** The config of a real HID light (optionally pinned to one vendor/product id). */
export type HidLightConfig = Extract<SignalLightConfig, { driver: 'hid-light' }>;

interface Connection {
  readonly device: HidDevice;
  readonly model: LightModel;
  keepaliveTimer: unknown;
  blinkTimer: unknown;
}

function ignore(): void {
  // Deliberately empty: late events from a released device must not crash the app.
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** node-hid gives only a message when open fails; these words are all there is to go on. */
function openFailureReason(error: unknown): HealthReason {
  const message = messageOf(error);
  if (/permission|access|EACCES|EPERM/i.test(message)) return 'permission-denied';
  if (/busy|exclusive/i.test(message)) return 'port-busy';
  return 'error';
}

/** A USB HID signal light (Kuando Busylight, Luxafor Flag, blink(1)) driven through node-hid. */
export class HidSignalLight implements SignalLightDriver {
  readonly id: string;
  readonly kind = 'signalLight' as const;
  readonly simulated = false;

  readonly #config: HidLightConfig;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #hid: DeviceDeps['hid'];
  readonly #listeners = new Listeners<HealthReport>();
  #state: LightState = 'free';
  #connection: Connection | undefined;
  #health: HealthReport = { state: 'absent', reason: 'connecting' };
  /** Bumped by every connect/disconnect so that a superseded connect gives up its device. */
  #generation = 0;
  #connecting = false;

  constructor(config: HidLightConfig, deps: DeviceDeps) {
    this.id = config.id;
    this.#config = config;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#hid = deps.hid;
  }

  /** The state last asked for. */
  get state(): LightState {
    return this.#state;
  }

  /** Finds and opens the light, then shows the remembered state. */
  async connect(): Promise<HealthReport> {
    const generation = ++this.#generation;
    this.#release();
    this.#connecting = true;
    try {
      return await this.#open(generation);
    } finally {
      if (generation === this.#generation) this.#connecting = false;
    }
  }

  /** Turns the light off if it can, stops the timers and closes the device. */
  async disconnect(): Promise<void> {
    this.#generation += 1;
    this.#connecting = false;
    const connection = this.#connection;
    if (!connection) return;
    // Detached first, so that an unplug during the last write is not reported as news.
    this.#connection = undefined;
    this.#stopTimers(connection);
    try {
      await this.#sendRaw(connection.device, connection.model.colorReport(lightOff));
    } catch {
      // Unplugged already: nothing to turn off.
    }
    await this.#closeQuietly(connection.device);
  }

  /** Health changes noticed by the driver itself (unplug, failed write). */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#listeners.add(listener);
  }

  /** Remembers the state and shows it when a light is connected; never throws. */
  async show(state: LightState): Promise<void> {
    this.#state = state;
    const connection = this.#connection;
    if (connection) await this.#showState(connection);
  }

  async #open(generation: number): Promise<HealthReport> {
    let devices: HidDeviceInfo[];
    try {
      devices = await this.#hid.list();
    } catch (error) {
      this.#logger.warn({ device: this.id, err: messageOf(error) }, 'signal light: listing HID devices failed');
      devices = [];
    }
    if (generation !== this.#generation) return this.#health;

    const found = this.#pick(devices);
    if (!found) return this.#setHealth({ state: 'absent', reason: 'not-found' });

    let device: HidDevice;
    try {
      device = await this.#hid.open(found.path);
    } catch (error) {
      this.#logger.warn({ device: this.id, model: found.model.name, err: messageOf(error) }, 'signal light: open failed');
      return this.#setHealth({ state: 'fault', reason: openFailureReason(error) });
    }
    if (generation !== this.#generation) {
      void this.#closeQuietly(device);
      return this.#health;
    }

    const connection: Connection = { device, model: found.model, keepaliveTimer: null, blinkTimer: null };
    this.#connection = connection;
    // The error listener must exist before anything can fail: an unhandled 'error' event would crash.
    device.on('error', () => {
      this.#lost(connection, { state: 'absent', reason: 'unplugged' }, 'signal light unplugged');
    });
    // node-hid only reads (and so only notices an unplug) while someone listens for data. The
    // light's answers are of no use here and are not looked at.
    device.on('data', ignore);
    this.#logger.info({ device: this.id, model: found.model.name }, 'signal light connected');

    this.#setHealth(healthy);
    this.#scheduleKeepalive(connection);
    await this.#showState(connection);
    return this.#health;
  }

  /** The configured light, or the first known light when none is configured. */
  #pick(devices: readonly HidDeviceInfo[]): { path: string; model: LightModel } | undefined {
    const { vendorId, productId } = this.#config;
    for (const info of devices) {
      if (vendorId !== undefined && info.vendorId !== vendorId) continue;
      if (productId !== undefined && info.productId !== productId) continue;
      const model = findModel(info.vendorId, info.productId);
      if (model && info.path) return { path: info.path, model };
    }
    return undefined;
  }

  async #showState(connection: Connection): Promise<void> {
    if (connection.blinkTimer !== null) this.#clock.clearTimeout(connection.blinkTimer);
    connection.blinkTimer = null;
    const sent = this.#send(connection, connection.model.colorReport(stateColors[this.#state]));
    if (blinks(this.#state)) this.#scheduleBlink(connection, false);
    await sent;
  }

  /** Blinks by timer: the same way on every model, and testable with the injected clock. */
  #scheduleBlink(connection: Connection, nextOn: boolean): void {
    connection.blinkTimer = this.#clock.setTimeout(() => {
      if (this.#connection !== connection) return;
      const color = nextOn ? stateColors[this.#state] : lightOff;
      this.#scheduleBlink(connection, !nextOn);
      void this.#send(connection, connection.model.colorReport(color));
    }, blinkHalfPeriodMs);
  }

  #scheduleKeepalive(connection: Connection): void {
    const keepalive = connection.model.keepalive;
    if (!keepalive) return;
    connection.keepaliveTimer = this.#clock.setTimeout(() => {
      if (this.#connection !== connection) return;
      this.#scheduleKeepalive(connection);
      void this.#send(connection, keepalive.report());
    }, keepalive.intervalMs);
  }

  /** Sends one report; a failure releases the device and reports `write-failed`. */
  async #send(connection: Connection, report: LightReport): Promise<boolean> {
    try {
      await this.#sendRaw(connection.device, report);
      return true;
    } catch (error) {
      this.#lost(connection, { state: 'fault', reason: 'write-failed' }, 'signal light write failed', error);
      return false;
    }
  }

  async #sendRaw(device: HidDevice, report: LightReport): Promise<void> {
    const bytes = [...report.bytes];
    if (report.kind === 'output') await device.write(bytes);
    else await device.sendFeatureReport(bytes);
  }

  /** The device went away or failed: stop using it and tell the manager, which reconnects. */
  #lost(connection: Connection, report: HealthReport, message: string, error?: unknown): void {
    if (this.#connection !== connection) return;
    this.#logger.warn({ device: this.id, model: connection.model.name, ...(error === undefined ? {} : { err: messageOf(error) }) }, message);
    this.#release();
    this.#setHealth(report);
    if (!this.#connecting) this.#listeners.emit(report);
  }

  #stopTimers(connection: Connection): void {
    if (connection.keepaliveTimer !== null) this.#clock.clearTimeout(connection.keepaliveTimer);
    if (connection.blinkTimer !== null) this.#clock.clearTimeout(connection.blinkTimer);
    connection.keepaliveTimer = null;
    connection.blinkTimer = null;
  }

  #release(): void {
    const connection = this.#connection;
    if (!connection) return;
    this.#connection = undefined;
    this.#stopTimers(connection);
    void this.#closeQuietly(connection.device);
  }

  async #closeQuietly(device: HidDevice): Promise<void> {
    try {
      device.removeAllListeners('data');
      device.removeAllListeners('error');
      device.on('error', ignore);
      await device.close();
    } catch {
      // Closing an unplugged device may fail; it is gone either way.
    }
  }

  #setHealth(report: HealthReport): HealthReport {
    this.#health = report;
    return report;
  }
}
