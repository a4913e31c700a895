import type { Logger } from '../logging/logger';
import { systemClock, type Clock } from './clock';
import type { ResetReason } from '#shared/session/sessionState';

/** Something outside the renderer that holds citizen data and must be wiped at every reset. */
export interface ResetParticipant {
  readonly name: string;
  reset(context: { readonly resetId: string; readonly reason: ResetReason }): Promise<void> | void;
}

export interface ResetReport {
  readonly failed: readonly string[];
}

/**
 * The one place where a session reset happens on the host side. Every service holding citizen
 * data registers here; a failing participant is logged and does not stop the others.
 */
export class ResetCoordinator {
  readonly #participants = new Map<string, ResetParticipant>();

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock = systemClock,
    /** A participant that has not finished by then counts as failed, so a reset always ends. */
    private readonly participantTimeoutMs = 10_000,
  ) {}

  /** Adds a participant; returns a function that removes it again. */
  register(participant: ResetParticipant): () => void {
    if (this.#participants.has(participant.name)) throw new Error(`reset participant ${participant.name} registered twice`);
    this.#participants.set(participant.name, participant);
    return () => this.#participants.delete(participant.name);
  }

  /** Names of all registered participants (for tests and diagnostics). */
  names(): string[] {
    return [...this.#participants.keys()];
  }

  /** Runs every participant's reset concurrently and reports which failed. */
  async run(resetId: string, reason: ResetReason): Promise<ResetReport> {
    const participants = [...this.#participants.values()];
    const results = await Promise.allSettled(
      participants.map(async (participant) => {
        const started = this.clock.now();
        await this.#withTimeout(participant, resetId, reason);
        // Slow participants hold the next citizen at the reset screen: worth seeing in the log.
        const ms = this.clock.now() - started;
        if (ms >= 1000) this.logger.info({ event: 'reset-participant-slow', participant: participant.name, ms }, 'reset participant took a while');
      }),
    );
    const failed: string[] = [];
    results.forEach((result, index) => {
      const participant = participants[index];
      if (result.status === 'rejected' && participant) {
        failed.push(participant.name);
        this.logger.error({ participant: participant.name, err: String(result.reason) }, 'reset participant failed');
      }
    });
    return { failed };
  }

  #withTimeout(participant: ResetParticipant, resetId: string, reason: ResetReason): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        reject(new Error(`did not finish within ${String(this.participantTimeoutMs)} ms`));
      }, this.participantTimeoutMs);
      Promise.resolve()
        .then(() => participant.reset({ resetId, reason }))
        .then(
          () => {
            this.clock.clearTimeout(timer);
            resolve();
          },
          (error: unknown) => {
            this.clock.clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
    });
  }
}
