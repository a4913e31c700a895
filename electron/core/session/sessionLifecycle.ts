import { randomUUID } from 'node:crypto';
import { initialSessionSnapshot, type ResetReason, type SessionSnapshot } from '#shared/session/sessionState';
import { fail, ok, type Result } from '#shared/result';
import type { Logger } from '../logging/logger';
import type { Clock } from './clock';
import type { ResetCoordinator } from './resetCoordinator';

export interface SessionTimings {
  readonly idleTimeoutSeconds: number;
  readonly warningSeconds: number;
}

export interface SessionLifecycleOptions {
  readonly timings: SessionTimings;
  readonly clock: Clock;
  readonly resets: ResetCoordinator;
  readonly logger: Logger;
  readonly newId?: () => string;
}

type Listener = (snapshot: SessionSnapshot) => void;

/**
 * The session state machine of docs/architecture.md, "Session":
 * attract → active → idle-warning → resetting → attract.
 * It owns the idle and warning timers; every reset goes through {@link SessionLifecycle.reset}.
 */
export class SessionLifecycle {
  #snapshot: SessionSnapshot = { ...initialSessionSnapshot };
  #timer: unknown = null;
  readonly #listeners = new Set<Listener>();
  readonly #newId: () => string;

  constructor(private readonly options: SessionLifecycleOptions) {
    this.#newId = options.newId ?? randomUUID;
  }

  /** The current state; a fresh object each time. */
  snapshot(): SessionSnapshot {
    return { ...this.#snapshot };
  }

  /** Calls the listener on every change; returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** First touch on the attract screen starts a session (idempotent while one runs). */
  start(): Result<SessionSnapshot> {
    if (this.#snapshot.state === 'resetting') return fail('invalid-state', 'a reset is in progress');
    if (this.#snapshot.state === 'attract') {
      this.#set({ state: 'active', sessionId: this.#newId(), extensionsUsed: 0, warningEndsAt: null, resetId: null });
      this.#armIdle();
      this.options.logger.info({ event: 'session-start' }, 'session started');
    }
    return ok(this.snapshot());
  }

  /** Input from the citizen: restarts the idle timer while the session is active. */
  activity(): void {
    if (this.#snapshot.state === 'active') this.#armIdle();
  }

  /** "More time": leaves the idle warning and starts a fresh idle period. */
  extend(): Result<SessionSnapshot> {
    if (this.#snapshot.state === 'active') {
      this.#armIdle();
      return ok(this.snapshot());
    }
    if (this.#snapshot.state !== 'idle-warning') return fail('invalid-state', `cannot extend in ${this.#snapshot.state}`);
    this.#set({ state: 'active', warningEndsAt: null, extensionsUsed: this.#snapshot.extensionsUsed + 1 });
    this.#armIdle();
    return ok(this.snapshot());
  }

  /**
   * Ends the session now and wipes it: the host-side participants run, then the lifecycle waits for
   * the renderer's `resetComplete` (a registered participant) before showing attract again.
   */
  async reset(reason: ResetReason): Promise<Result<Record<string, never>>> {
    const state = this.#snapshot.state;
    if (state === 'attract' || state === 'resetting') return ok({});
    this.#clearTimer();
    const resetId = this.#newId();
    this.#set({ state: 'resetting', resetId, warningEndsAt: null });
    this.options.logger.info({ event: 'session-reset', reason }, 'session reset started');
    const report = await this.options.resets.run(resetId, reason);
    if (report.failed.length > 0) this.options.logger.warn({ failed: report.failed }, 'reset finished with failures');
    this.#set({
      state: 'attract',
      sessionId: null,
      resetId: null,
      extensionsUsed: 0,
      warningEndsAt: null,
      lastEnd: { reason, at: this.options.clock.now() },
    });
    return ok({});
  }

  /** Stops the timers (shutdown). */
  dispose(): void {
    this.#clearTimer();
    this.#listeners.clear();
  }

  #armIdle(): void {
    this.#clearTimer();
    this.#timer = this.options.clock.setTimeout(() => {
      this.#enterWarning();
    }, this.options.timings.idleTimeoutSeconds * 1000);
  }

  #enterWarning(): void {
    if (this.#snapshot.state !== 'active') return;
    const warningMs = this.options.timings.warningSeconds * 1000;
    this.#set({ state: 'idle-warning', warningEndsAt: this.options.clock.now() + warningMs });
    this.#timer = this.options.clock.setTimeout(() => {
      void this.reset('idle');
    }, warningMs);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.options.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #set(patch: Partial<SessionSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    const snapshot = this.snapshot();
    for (const listener of this.#listeners) listener(snapshot);
  }
}
