import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SignalLightConfig } from '#shared/config/deviceConfig';
import { errorCode } from '../../files/atomicFile';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../session/clock';
import { healthy, Listeners, type HealthReport } from '../device';
import { blinks, kuandoBusylight, stateColors, type Rgb } from './lightModels';
import type { LightState, SignalLightDriver } from './signalLightDriver';

/** The report keeps the last states shown, not a year of them: a terminal runs for months. */
export const maxReportLines = 1000;

/** Where the simulator reports, below the kiosk's data folder. */
export const simulatedLightReportPath = join('simulated', 'signal-light.jsonl');

/**
 * One line of `<dataDir>/simulated/signal-light.jsonl` per state shown, so a test in another
 * process (end to end) can see what a real light would do. `report` is the Kuando Busylight output
 * report (report id first) the HID driver sends for the state's colour; when `blink` is true the
 * driver alternates it with the "off" report every half second.
 */
export interface SimulatedLightRecord {
  /** ISO 8601 time of the change. */
  readonly at: string;
  readonly state: LightState;
  readonly blink: boolean;
  readonly color: Rgb;
  readonly report: readonly number[];
}

/** The record of a state shown at `at` (epoch ms). */
export function simulatedLightRecord(state: LightState, at: number): SimulatedLightRecord {
  const color = stateColors[state];
  return { at: new Date(at).toISOString(), state, blink: blinks(state), color, report: kuandoBusylight.colorReport(color).bytes };
}

/**
 * The signal light of the embedded default config: remembers what it would show and, when it has a
 * data folder, appends each state to {@link simulatedLightReportPath} there.
 */
export class SimulatedSignalLight implements SignalLightDriver {
  readonly id: string;
  readonly kind = 'signalLight' as const;
  readonly simulated = true;

  readonly #logger: Logger | undefined;
  readonly #reportFile: string | null;
  readonly #now: () => number;
  /** The appends in order: a line must not overtake the one before. */
  #writes: Promise<void> = Promise.resolve();
  readonly #listeners = new Listeners<HealthReport>();
  readonly #history: LightState[] = [];
  /** Lines in the report file as far as this run knows (it starts counting at 0, so an old file is trimmed a little later). */
  #lines = 0;
  #state: LightState = 'free';
  #connected = false;

  constructor(config: Pick<SignalLightConfig, 'id'>, deps?: { readonly logger?: Logger; readonly dataDir?: string; readonly clock?: Pick<Clock, 'now'> }) {
    this.id = config.id;
    this.#logger = deps?.logger;
    this.#reportFile = deps?.dataDir ? join(deps.dataDir, simulatedLightReportPath) : null;
    const clock = deps?.clock;
    this.#now = clock ? () => clock.now() : Date.now;
  }

  /** The state last asked for. */
  get state(): LightState {
    return this.#state;
  }

  /** Every state shown so far, oldest first (for tests and demos). */
  get history(): readonly LightState[] {
    return this.#history;
  }

  /** Whether the simulated light is connected now. */
  get connected(): boolean {
    return this.#connected;
  }

  /** Always succeeds: there is no hardware to miss. */
  connect(): Promise<HealthReport> {
    this.#connected = true;
    return Promise.resolve(healthy);
  }

  /** Marks the light as disconnected; the state is kept for the next connect. */
  disconnect(): Promise<void> {
    this.#connected = false;
    return Promise.resolve();
  }

  /** The simulator never changes health on its own; returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#listeners.add(listener);
  }

  /** Remembers the state, records it in the history and resolves once its line is in the report file (if any). */
  show(state: LightState): Promise<void> {
    this.#state = state;
    this.#history.push(state);
    if (this.#history.length > maxReportLines) this.#history.splice(0, this.#history.length - maxReportLines);
    this.#logger?.debug({ device: this.id, state }, 'signal light (simulated)');
    const file = this.#reportFile;
    if (file === null) return Promise.resolve();
    const line = `${JSON.stringify(simulatedLightRecord(state, this.#now()))}\n`;
    this.#writes = this.#writes.then(() => this.#append(file, line));
    return this.#writes;
  }

  async #append(file: string, line: string): Promise<void> {
    try {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, line, 'utf8');
      this.#lines += 1;
      // Trimmed now and then (not at every line): to the newest half once it holds twice the limit.
      if (this.#lines >= 2 * maxReportLines) {
        const kept = (await readFile(file, 'utf8')).split('\n').filter(Boolean).slice(-maxReportLines);
        await writeFile(file, `${kept.join('\n')}\n`, 'utf8');
        this.#lines = kept.length;
      }
    } catch (error) {
      // Only a report for tests and demos: the kiosk goes on without it.
      this.#logger?.warn({ device: this.id, reason: errorCode(error) ?? 'unknown error' }, 'simulated signal light: report not written');
    }
  }
}
