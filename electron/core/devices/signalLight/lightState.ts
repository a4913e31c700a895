import type { SessionState } from '#shared/session/sessionState';
import type { HelpCallStatus } from '../../help/helpCall';
import type { Logger } from '../../logging/logger';
import type { LightState, SignalLightDriver } from './signalLightDriver';

/** Everything the light's state depends on. */
export interface LightInputs {
  readonly session: SessionState;
  readonly help: HelpCallStatus;
  /** Staff switched the terminal out of order (default false). */
  readonly outOfOrder?: boolean;
}

/**
 * What the signal light shows: the one place that decides it.
 * An open help call wins over everything, out of order included: someone is waiting at the
 * terminal, and the blinking is what brings staff over (they see the out-of-order screen there).
 * Then out of order (fault), then in use while a session runs (its warning and reset included),
 * else free.
 */
export function lightStateFor({ session, help, outOfOrder = false }: LightInputs): LightState {
  if (help !== 'clear') return 'help-requested';
  if (outOfOrder) return 'fault';
  return session === 'attract' ? 'free' : 'in-use';
}

/**
 * Keeps the light in step with its inputs: each service updates the inputs it owns (session,
 * help call, out of order) and the control shows what {@link lightStateFor} decides. Without a
 * light it only remembers the inputs.
 */
export class SignalLightControl {
  readonly #light: SignalLightDriver | null;
  readonly #logger: Logger;
  #inputs: Required<LightInputs>;

  constructor(light: SignalLightDriver | null, logger: Logger, initial: LightInputs = { session: 'attract', help: 'clear' }) {
    this.#light = light;
    this.#logger = logger;
    this.#inputs = { outOfOrder: false, ...initial };
  }

  /** The state the inputs ask for now. */
  get state(): LightState {
    return lightStateFor(this.#inputs);
  }

  /** Changes some inputs; shows the resulting state unless the light already shows it (a re-show would restart a blink). */
  update(patch: Partial<LightInputs>): Promise<void> {
    this.#inputs = { ...this.#inputs, ...patch };
    if (this.#light === null || this.#light.state === this.state) return Promise.resolve();
    return this.#show();
  }

  /** Shows the decided state even if the light has it already (at start, after a light test). */
  refresh(): Promise<void> {
    return this.#light === null ? Promise.resolve() : this.#show();
  }

  async #show(): Promise<void> {
    const state = this.state;
    try {
      await this.#light?.show(state);
    } catch (error) {
      // Drivers promise not to throw; a light must never take a session or a help call down.
      this.#logger.warn({ state, err: error instanceof Error ? error.name : 'unknown error' }, 'signal light did not take the state');
    }
  }
}
