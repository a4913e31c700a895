import type { SignalLightConfig } from '../../../../shared/config/deviceConfig';
import type { Logger } from '../../logging/logger';
import { healthy, Listeners, type HealthReport } from '../device';
import type { LightState, SignalLightDriver } from './signalLightDriver';

/** The signal light of the embedded default config: remembers what it would show. */
export class SimulatedSignalLight implements SignalLightDriver {
  readonly id: string;
  readonly kind = 'signalLight' as const;
  readonly simulated = true;

  readonly #logger: Logger | undefined;
  readonly #listeners = new Listeners<HealthReport>();
  readonly #history: LightState[] = [];
  #state: LightState = 'free';
  #connected = false;

  constructor(config: Pick<SignalLightConfig, 'id'>, deps?: { readonly logger?: Logger }) {
    this.id = config.id;
    this.#logger = deps?.logger;
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

  /** Remembers the state and records it in the history. */
  show(state: LightState): Promise<void> {
    this.#state = state;
    this.#history.push(state);
    this.#logger?.debug({ device: this.id, state }, 'signal light (simulated)');
    return Promise.resolve();
  }
}
