import { z } from '#shared/zodConfig';
import { fail, ok, type Result } from '#shared/result';
import { writeFileAtomically } from '../files/atomicFile';
import { readStateFileSync } from '../files/stateFile';

/**
 * The PIN pad's lockout. Five wrong PINs lock the pad for 30 s. After that every further wrong
 * PIN locks it again, twice as long each time (60 s, 120 s, … at most 15 min), until a right PIN
 * starts over: guessing at the terminal stays hopeless, and staff who mistype once wait a little.
 * The decisions are pure functions; the state is also kept in `<dataDir>/staff/pin-lockout.json`,
 * so switching the kiosk off and on does not give a guesser fresh tries.
 */

export interface LockoutPolicy {
  /** Wrong PINs before the first lock. */
  readonly maxFailures: number;
  readonly firstLockMs: number;
  readonly maxLockMs: number;
}

export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, firstLockMs: 30_000, maxLockMs: 15 * 60_000 };

export const lockoutStateSchema = z.strictObject({
  /** Wrong PINs since the last right one. */
  failures: z.number().int().nonnegative(),
  /** How often the pad was locked since the last right PIN. */
  locks: z.number().int().nonnegative(),
  /** Epoch ms until which the pad takes no PIN; null when it takes PINs. */
  lockedUntil: z.number().int().nonnegative().nullable(),
});
export type LockoutState = z.infer<typeof lockoutStateSchema>;

export const initialLockout: LockoutState = { failures: 0, locks: 0, lockedUntil: null };

/** How long the pad stays locked the `locks`-th time (1 = the first lock): doubling, capped. */
export function lockDurationMs(locks: number, policy: LockoutPolicy = defaultLockoutPolicy): number {
  return Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** Math.min(Math.max(0, locks - 1), 30));
}

/** True while the pad takes no PIN. */
export function isPadLocked(state: LockoutState, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/** Wrong PINs left before the pad locks (0 while it is locked). */
export function attemptsLeft(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): number {
  if (isPadLocked(state, now)) return 0;
  // After the first lock, the next wrong PIN locks again.
  return state.locks > 0 ? 1 : Math.max(0, policy.maxFailures - state.failures);
}

/** The state after a wrong PIN (only asked while the pad takes PINs). */
export function afterWrongPin(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  const failures = state.failures + 1;
  if (state.locks === 0 && failures < policy.maxFailures) return { failures, locks: 0, lockedUntil: null };
  const locks = state.locks + 1;
  return { failures, locks, lockedUntil: now + lockDurationMs(locks, policy) };
}

/** The state after a right PIN: the count starts over. */
export function afterRightPin(): LockoutState {
  return initialLockout;
}

/**
 * A lock that reaches further into the future than any lock can (the clock was set back, or the
 * file was edited) is cut to the longest lock from now, so staff are never locked out for days.
 */
export function boundedLockout(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  if (state.lockedUntil === null || state.lockedUntil <= now + policy.maxLockMs) return state;
  return { ...state, lockedUntil: now + policy.maxLockMs };
}

/**
 * Reads the saved state: the initial one when there is no file. A file that cannot be read or is
 * not a valid state gives an error with the reason; the caller then treats the pad as locked once
 * (see {@link corruptLockout}), since a lost count must not hand out fresh tries.
 */
export function readLockoutFile(path: string): Result<LockoutState> {
  const read = readStateFileSync(path, lockoutStateSchema);
  switch (read.kind) {
    case 'found':
      return ok(read.value);
    case 'missing':
      return ok(initialLockout);
    case 'unreadable':
      return fail('internal', `pin lockout unreadable: ${read.code}`);
    case 'corrupt':
      return fail('internal', `pin lockout ${read.reason}`);
  }
}

/** The state assumed when the saved one is lost: locked as after five wrong PINs, from now. */
export function corruptLockout(now: number, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  return { failures: policy.maxFailures, locks: 1, lockedUntil: now + lockDurationMs(1, policy) };
}

/** Saves the state atomically; the error says why it was not saved. */
export async function writeLockoutFile(path: string, state: LockoutState): Promise<Result<void>> {
  return writeFileAtomically(path, `${JSON.stringify(state)}\n`);
}
