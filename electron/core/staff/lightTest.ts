import { lightStates, type SignalLightDriver } from '../devices/signalLight/signalLightDriver';
import type { Clock } from '../session/clock';

/**
 * The light test of assist mode: the light shows each of its states in turn for a moment, so staff
 * can see from across the room that every colour (and the blinking) works, then the state the
 * terminal is really in again. A change meanwhile (a help call) is shown at the end at the latest.
 */
export class LightTest {
  #timer: unknown = null;

  /** `restore` shows the state the terminal is in (the light control's refresh). */
  constructor(
    private readonly light: Pick<SignalLightDriver, 'show'>,
    private readonly restore: () => Promise<void>,
    private readonly clock: Clock,
    private readonly stepMs = 1500,
  ) {}

  /** True while a test runs. */
  get running(): boolean {
    return this.#timer !== null;
  }

  /** Starts the test; false when one runs already (it is not started twice). */
  start(): boolean {
    if (this.running) return false;
    this.#step(0);
    return true;
  }

  /** Stops a running test without restoring (shutdown). */
  dispose(): void {
    if (this.#timer !== null) this.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #step(index: number): void {
    const state = lightStates[index];
    if (state === undefined) {
      this.#timer = null;
      // Drivers promise not to throw; a light test must never take the kiosk down if one does.
      this.restore().catch(() => undefined);
      return;
    }
    this.light.show(state).catch(() => undefined);
    this.#timer = this.clock.setTimeout(() => {
      this.#step(index + 1);
    }, this.stepMs);
  }
}
