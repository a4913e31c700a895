import type { Clock } from './clock';
import type { ResetParticipant } from './resetCoordinator';

/**
 * The renderer as a reset participant: the reset waits until the UI confirms that every citizen
 * store is back at its initial state. If the UI does not answer in time (hung or crashed), the
 * host's `onTimeout` reloads the page, which also leaves nothing behind.
 */
export class RendererResetParticipant implements ResetParticipant {
  readonly name = 'renderer-stores';
  #pending: { resetId: string; done: () => void } | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
    private readonly onTimeout: () => Promise<void> | void,
  ) {}

  reset(context: { resetId: string }): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.#pending = null;
        // A failing reload must neither escape as an unhandled rejection nor leave the reset hanging.
        let reload: Promise<void>;
        try {
          reload = Promise.resolve(this.onTimeout());
        } catch (error) {
          reload = Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        reload.then(resolve, () => {
          resolve();
        });
      }, this.timeoutMs);
      this.#pending = {
        resetId: context.resetId,
        done: () => {
          this.clock.clearTimeout(timer);
          this.#pending = null;
          resolve();
        },
      };
    });
  }

  /** The UI's confirmation; returns false when it does not match the reset in progress. */
  confirm(resetId: string): boolean {
    if (this.#pending?.resetId !== resetId) return false;
    this.#pending.done();
    return true;
  }
}
