import type { StaffConfig } from '#shared/config/staffConfig';
import type { AssistView } from '#shared/contract/staffContract';
import type { UiLanguage } from '#shared/i18n/languages';
import type { Result } from '#shared/result';
import type { HelpService } from '../help/helpService';
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
  newPadLock,
  pinSetFingerprint,
  readLockoutFile,
  underPinSet,
  writeLockoutFile,
  type LockoutPolicy,
  type LockoutState,
  type PadLock,
} from './pinLockout';
import { isPinWellFormed, parsePinHash, verifyPin } from './staffPin';

/**
 * Assist mode of one terminal: staff open it with a PIN from the pad and it locks itself after the
 * configured time without a staff touch. Wrong PINs count towards the pad lockout (pinLockout.ts),
 * which survives restarts; the pad's first lock since the last right PIN and its lock for good are
 * sent to staff through the help channels. Every attempt, lock and automatic lock goes to the audit
 * log; the PIN itself is only ever passed to scrypt.
 */

export type UnlockOutcome = 'open' | 'wrong' | 'pad-locked' | 'not-configured';
/** Why assist mode is locked: staff left it, nobody touched it, or an action locked it (audited as that action). */
export type LockReason = 'staff' | 'auto' | 'action';

/**
 * The screen ids the help channels' alert names for a pad lock, so the receiver tells it from a
 * citizen's call (like `kiosk-ui-failing`). The alert carries nothing of the PINs tried.
 */
export const padLockAlertScreens: Readonly<Record<PadLock, string>> = {
  'first-lock': 'staff-pin-locked',
  'locked-for-good': 'staff-pin-locked-permanently',
};

export interface AssistModeOptions {
  readonly staff: StaffConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly audit: AuditLog;
  /** `<dataDir>/staff/pin-lockout.json`; null keeps the lockout in memory only. */
  readonly lockoutFile: string | null;
  /** The lockout's times; `lockAfterFailures` always comes from the staff config. */
  readonly policy?: LockoutPolicy;
  /** Where a pad lock is sent (the help channels); null or left out: only the log and the audit log. */
  readonly alerts?: { readonly help: Pick<HelpService, 'alert'>; readonly language: UiLanguage } | null;
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
  /** Fingerprint of the usable hashes: a lock made under other hashes was reset by IT. */
  readonly #pinSet: string;
  readonly #listeners = new Set<Listener>();
  readonly #policy: LockoutPolicy;
  readonly #verify: (pin: string, hash: string) => Promise<Result<boolean>>;

  constructor(private readonly options: AssistModeOptions) {
    this.#policy = { ...(options.policy ?? defaultLockoutPolicy), lockAfterFailures: options.staff.lockAfterFailures };
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
    this.#pinSet = pinSetFingerprint(this.#hashes);
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
      padLockedForGood: this.#lockout.lockedForGood,
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
    const before = this.#lockout;
    const outcome = await this.#check(pin);
    this.options.logger.info(
      { event: 'staff-unlock', outcome, attemptsLeft: attemptsLeft(this.#lockout, this.options.clock.now(), this.#policy) },
      'PIN attempt',
    );
    await this.options.audit.record('unlock', outcome);
    // After the attempt's own audit line, so the log reads in the order things happened.
    const lock = newPadLock(before, this.#lockout);
    if (lock !== null) await this.#padLocked(lock);
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

  /** Logs and audits a lock staff must hear of, and sends it to them through the help channels. */
  async #padLocked(lock: PadLock): Promise<void> {
    const { logger, audit, alerts } = this.options;
    logger.warn(
      { event: 'staff-pad-locked', lock, failures: this.#lockout.failures },
      lock === 'locked-for-good' ? 'PIN pad locked until IT resets the PIN' : 'PIN pad locked after wrong PINs',
    );
    await audit.record('pin-pad', lock);
    if (!alerts) return;
    const sent = await alerts.help.alert({ screen: padLockAlertScreens[lock], language: alerts.language });
    if (!sent.ok) logger.error({ event: 'staff-pad-alert-failed', code: sent.error.code }, 'staff could not be told that the PIN pad locked');
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
    await this.#save(state);
  }

  /** Writes the state with the fingerprint of the hashes it was counted under. */
  async #save(state: LockoutState): Promise<void> {
    const file = this.options.lockoutFile;
    if (file === null) return;
    const written = await writeLockoutFile(file, { ...state, pinSet: this.#pinSet });
    if (!written.ok)
      this.options.logger.error({ event: 'staff-lockout-not-saved', reason: written.error.detail }, 'PIN lockout not saved; it holds until the kiosk restarts');
  }

  /** Runs a task behind the PIN checks already waiting, as `unlock` does. */
  #later(task: () => Promise<void>): void {
    this.#tail = this.#tail.then(task).catch(() => undefined);
  }

  #loadLockout(): LockoutState {
    const { lockoutFile: file, logger, audit } = this.options;
    const now = this.options.clock.now();
    if (file === null) return afterRightPin();
    const read = readLockoutFile(file);
    if (!read.ok) {
      // A lost count must neither hand a guesser fresh tries nor undo a lock for good; saved at
      // once, so that new PIN hashes (IT's reset) unlock it at a later start.
      logger.error(
        { event: 'staff-lockout-corrupt', reason: read.error.detail },
        'PIN lockout file unusable; the PIN pad stays locked until IT resets the PIN',
      );
      const locked = corruptLockout(this.#pinSet, this.#policy);
      this.#later(async () => {
        await this.#save(locked);
        await this.#padLocked('locked-for-good');
      });
      return locked;
    }
    const { state, reset } = underPinSet(read.value, this.#pinSet);
    if (reset) {
      logger.warn(
        { event: 'staff-lockout-reset', wasLockedForGood: read.value.lockedForGood },
        'the staff PIN hashes changed: the PIN pad lockout starts over',
      );
      this.#later(async () => {
        await this.#save(state);
        await audit.record('pin-pad', 'reset-new-pins');
      });
    }
    return boundedLockout(state, now, this.#policy);
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
