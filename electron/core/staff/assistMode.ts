import type { StaffConfig } from '#shared/config/staffConfig';
import type { AssistView } from '#shared/contract/staffContract';
import type { Result } from '#shared/result';
import type { Logger } from '../logging/logger';
import type { Clock } from '../session/clock';
import type { AuditLog } from './auditLog';
import {
  afterRightPin,
  afterWrongPin,
  attemptsLeft,
  boundedLockout,
  corruptLockout,
  defaultLockoutPolicy,
  isPadLocked,
  readLockoutFile,
  writeLockoutFile,
  type LockoutPolicy,
  type LockoutState,
} from './pinLockout';
import { isPinWellFormed, parsePinHash, verifyPin } from './staffPin';

/**
 * Assist mode of one terminal: staff open it with a PIN from the pad and it locks itself after the
 * configured time without a staff touch. Wrong PINs count towards the pad lockout (pinLockout.ts),
 * which survives restarts. Every attempt, lock and automatic lock goes to the audit log; the PIN
 * itself is only ever passed to scrypt.
 */

export type UnlockOutcome = 'open' | 'wrong' | 'pad-locked' | 'not-configured';
/** Why assist mode is locked: staff left it, nobody touched it, or an action locked it (audited as that action). */
export type LockReason = 'staff' | 'auto' | 'action';

export interface AssistModeOptions {
  readonly staff: StaffConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly audit: AuditLog;
  /** `<dataDir>/staff/pin-lockout.json`; null keeps the lockout in memory only. */
  readonly lockoutFile: string | null;
  readonly policy?: LockoutPolicy;
  /** Checks a PIN against one stored hash; tests inject a cheaper one. */
  readonly verify?: (pin: string, hash: string) => Promise<Result<boolean>>;
}

type Listener = (view: AssistView) => void;

export class AssistMode {
  #open = false;
  #locksAt: number | null = null;
  #lockTimer: unknown = null;
  #padTimer: unknown = null;
  #lockout: LockoutState;
  #tail: Promise<unknown> = Promise.resolve();
  readonly #hashes: readonly string[];
  readonly #listeners = new Set<Listener>();
  readonly #policy: LockoutPolicy;
  readonly #verify: (pin: string, hash: string) => Promise<Result<boolean>>;

  constructor(private readonly options: AssistModeOptions) {
    this.#policy = options.policy ?? defaultLockoutPolicy;
    this.#verify = options.verify ?? verifyPin;
    const { logger, staff } = options;
    // The schema checks the form; a hash it let through that still cannot be used is named by its
    // position (the hash itself is no secret, but the log does not need it).
    this.#hashes = staff.pinHashes.filter((hash, index) => {
      const parsed = parsePinHash(hash);
      if (!parsed.ok) logger.error({ event: 'staff-pin-hash-unusable', index, reason: parsed.error.detail }, 'a staff PIN hash in the config is unusable');
      return parsed.ok;
    });
    if (this.#hashes.length === 0)
      logger.warn({ event: 'staff-not-configured' }, 'no usable staff PIN hash: assist mode cannot be opened (make one with `npm run staff:pin`)');
    this.#lockout = this.#loadLockout();
    this.#armPadTimer();
  }

  /** What the PIN pad and the staff screens show. */
  view(): AssistView {
    const now = this.options.clock.now();
    return {
      mode: this.#open ? 'open' : 'locked',
      configured: this.#hashes.length > 0,
      padLockedUntil: isPadLocked(this.#lockout, now) ? this.#lockout.lockedUntil : null,
      attemptsLeft: attemptsLeft(this.#lockout, now, this.#policy),
      locksAt: this.#open ? this.#locksAt : null,
    };
  }

  /** True while staff may run actions. */
  isOpen(): boolean {
    return this.#open;
  }

  /** Calls the listener when assist mode opens or locks, or the pad locks or unlocks; returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Checks a PIN from the pad; one check at a time, so parallel guesses are counted one by one. */
  unlock(pin: string): Promise<UnlockOutcome> {
    const run = this.#tail.then(() => this.#unlockOne(pin));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** A staff touch: assist mode stays open for the configured time from now. */
  activity(): void {
    if (this.#open) this.#armLockTimer();
  }

  /** Locks assist mode (nothing happens when it is locked already). */
  lock(reason: LockReason): void {
    if (!this.#open) return;
    this.#open = false;
    this.#locksAt = null;
    this.#clearLockTimer();
    this.options.logger.info({ event: 'staff-locked', reason }, 'assist mode locked');
    if (reason !== 'action') void this.options.audit.record(reason === 'auto' ? 'auto-lock' : 'lock', 'done');
    this.#emit();
  }

  /** Stops the timers (shutdown). */
  dispose(): void {
    this.#clearLockTimer();
    if (this.#padTimer !== null) this.options.clock.clearTimeout(this.#padTimer);
    this.#padTimer = null;
    this.#listeners.clear();
  }

  async #unlockOne(pin: string): Promise<UnlockOutcome> {
    const outcome = await this.#check(pin);
    this.options.logger.info(
      { event: 'staff-unlock', outcome, attemptsLeft: attemptsLeft(this.#lockout, this.options.clock.now(), this.#policy) },
      'PIN attempt',
    );
    await this.options.audit.record('unlock', outcome);
    return outcome;
  }

  async #check(pin: string): Promise<UnlockOutcome> {
    if (this.#hashes.length === 0) return 'not-configured';
    if (isPadLocked(this.#lockout, this.options.clock.now())) return 'pad-locked';
    if (await this.#matches(pin)) {
      if (this.#lockout.failures > 0 || this.#lockout.locks > 0) await this.#setLockout(afterRightPin());
      this.#open = true;
      this.#armLockTimer();
      this.#emit();
      return 'open';
    }
    // The time is taken after the slow check, so a lock lasts its full length.
    await this.#setLockout(afterWrongPin(this.#lockout, this.options.clock.now(), this.#policy));
    this.#emit();
    return 'wrong';
  }

  async #matches(pin: string): Promise<boolean> {
    if (!isPinWellFormed(pin)) return false;
    for (const hash of this.#hashes) {
      const check = await this.#verify(pin, hash);
      if (check.ok && check.value) return true;
    }
    return false;
  }

  /** Keeps the new state, and on disk before the attempt is answered, so a restart cannot undo it. */
  async #setLockout(state: LockoutState): Promise<void> {
    this.#lockout = state;
    this.#armPadTimer();
    const file = this.options.lockoutFile;
    if (file === null) return;
    const written = await writeLockoutFile(file, state);
    if (!written.ok)
      this.options.logger.error({ event: 'staff-lockout-not-saved', reason: written.error.detail }, 'PIN lockout not saved; it holds until the kiosk restarts');
  }

  #loadLockout(): LockoutState {
    const file = this.options.lockoutFile;
    const now = this.options.clock.now();
    if (file === null) return afterRightPin();
    const read = readLockoutFile(file);
    if (read.ok) return boundedLockout(read.value, now, this.#policy);
    // A lost count must not hand a guesser fresh tries: the pad starts locked once.
    this.options.logger.error({ event: 'staff-lockout-corrupt', reason: read.error.detail }, 'PIN lockout file unusable; the PIN pad starts locked');
    return corruptLockout(now, this.#policy);
  }

  #armLockTimer(): void {
    this.#clearLockTimer();
    const ms = this.options.staff.lockAfterSeconds * 1000;
    this.#locksAt = this.options.clock.now() + ms;
    this.#lockTimer = this.options.clock.setTimeout(() => {
      this.#lockTimer = null;
      this.lock('auto');
    }, ms);
  }

  #clearLockTimer(): void {
    if (this.#lockTimer !== null) this.options.clock.clearTimeout(this.#lockTimer);
    this.#lockTimer = null;
  }

  /** The PIN pad's view changes when a lock runs out; the UI hears it without asking. */
  #armPadTimer(): void {
    if (this.#padTimer !== null) this.options.clock.clearTimeout(this.#padTimer);
    this.#padTimer = null;
    const until = this.#lockout.lockedUntil;
    const now = this.options.clock.now();
    if (until === null || until <= now) return;
    this.#padTimer = this.options.clock.setTimeout(() => {
      this.#padTimer = null;
      this.#emit();
    }, until - now);
  }

  #emit(): void {
    const view = this.view();
    for (const listener of this.#listeners) listener(view);
  }
}
