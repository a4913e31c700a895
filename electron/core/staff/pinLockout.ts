import { createHash } from 'node:crypto';
import { z } from '#shared/zodConfig';
import { fail, ok, type Result } from '#shared/result';
import { writeFileAtomically } from '../files/atomicFile';
import { readStateFileSync } from '../files/stateFile';

/**
 * The PIN pad's lockout (README.md, "Help calls and staff access"). Five wrong PINs lock the pad
 * for 30 s. After that every further wrong PIN locks it again, twice as long each time (60 s,
 * 120 s, … at most 15 min), until a right PIN starts over: guessing at the terminal stays hopeless,
 * and staff who mistype once wait a little. After `staff.lockAfterFailures` wrong PINs (default 20)
 * since the last right one the pad stays locked for good, until IT resets the PIN: new PIN hashes
 * in the config (the state remembers a fingerprint of the hashes it was locked under) or the state
 * file deleted. The decisions are pure functions; the state is also kept in
 * `<dataDir>/staff/pin-lockout.json`, so switching the kiosk off and on does not give a guesser
 * fresh tries.
 */

export interface LockoutPolicy {
  /** Wrong PINs before the first lock. */
  readonly maxFailures: number;
  readonly firstLockMs: number;
  readonly maxLockMs: number;
  /** Wrong PINs since the last right one after which the pad stays locked until IT resets the PIN. */
  readonly lockAfterFailures: number;
}

export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, firstLockMs: 30_000, maxLockMs: 15 * 60_000, lockAfterFailures: 20 };

/** A fingerprint of a set of PIN hashes: 16 hex digits. */
const pinSetPattern = /^[0-9a-f]{16}$/;

export const lockoutStateSchema = z.strictObject({
  /** Wrong PINs since the last right one. */
  failures: z.number().int().nonnegative(),
  /** How often the pad was locked since the last right PIN. */
  locks: z.number().int().nonnegative(),
  /** Epoch ms until which the pad takes no PIN; null when it takes PINs (or is locked for good). */
  lockedUntil: z.number().int().nonnegative().nullable(),
  /** Locked until IT resets the PIN, with no time-out. Files written before it existed read as false. */
  lockedForGood: z.boolean().default(false),
  /** {@link pinSetFingerprint} of the hashes the count was made under; null when not known yet. */
  pinSet: z.string().regex(pinSetPattern).nullable().default(null),
});
export type LockoutState = z.infer<typeof lockoutStateSchema>;

export const initialLockout: LockoutState = { failures: 0, locks: 0, lockedUntil: null, lockedForGood: false, pinSet: null };

/**
 * Tells one set of PIN hashes from another without saying anything about them (they are salted
 * hashes already): the same hashes in any order give the same fingerprint.
 */
export function pinSetFingerprint(hashes: readonly string[]): string {
  const canonical = [...new Set(hashes)].sort().join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** How long the pad stays locked the `locks`-th time (1 = the first lock): doubling, capped. */
export function lockDurationMs(locks: number, policy: LockoutPolicy = defaultLockoutPolicy): number {
  return Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** Math.min(Math.max(0, locks - 1), 30));
}

/** True while the pad takes no PIN. */
export function isPadLocked(state: LockoutState, now: number): boolean {
  return state.lockedForGood || (state.lockedUntil !== null && now < state.lockedUntil);
}

/** Wrong PINs left before the pad locks (0 while it is locked). */
export function attemptsLeft(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): number {
  if (isPadLocked(state, now)) return 0;
  // After the first lock, the next wrong PIN locks again.
  return state.locks > 0 ? 1 : Math.max(0, Math.min(policy.maxFailures, policy.lockAfterFailures) - state.failures);
}

/** The state after a wrong PIN (only asked while the pad takes PINs). */
export function afterWrongPin(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  const failures = state.failures + 1;
  if (failures >= policy.lockAfterFailures) return { ...state, failures, locks: state.locks + 1, lockedUntil: null, lockedForGood: true };
  if (state.locks === 0 && failures < policy.maxFailures) return { ...state, failures, locks: 0, lockedUntil: null };
  const locks = state.locks + 1;
  return { ...state, failures, locks, lockedUntil: now + lockDurationMs(locks, policy) };
}

/** A lock staff are told of through the help channels: the first since the last right PIN, and the one for good. */
export type PadLock = 'first-lock' | 'locked-for-good';

/** Which lock, if any, began from `before` to `after`; a later temporary lock is none (staff know already). */
export function newPadLock(before: LockoutState, after: LockoutState): PadLock | null {
  if (after.lockedForGood && !before.lockedForGood) return 'locked-for-good';
  if (before.locks === 0 && after.locks > 0) return 'first-lock';
  return null;
}

/**
 * The saved state under the PIN hashes configured now: a count made under other hashes starts over,
 * because IT issuing new PINs is the reset of a pad locked for good. A state of unknown hashes
 * (written before fingerprints were kept) stays as it is.
 */
export function underPinSet(state: LockoutState, pinSet: string): { readonly state: LockoutState; readonly reset: boolean } {
  const counted = state.failures > 0 || state.locks > 0 || state.lockedForGood;
  if (state.pinSet === null || state.pinSet === pinSet || !counted) return { state, reset: false };
  return { state: { ...initialLockout, pinSet }, reset: true };
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
 * not a valid state gives an error with the reason; the caller then treats the pad as locked for
 * good (see {@link corruptLockout}), since a lost count must neither hand out fresh tries nor undo
 * a lock for good.
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

/**
 * The state assumed when the saved one is lost: locked for good under the hashes configured now.
 * The file cannot say whether it was, so only IT (new PIN hashes, or the file deleted) unlocks.
 */
export function corruptLockout(pinSet: string, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  return { failures: policy.lockAfterFailures, locks: 1, lockedUntil: null, lockedForGood: true, pinSet };
}

/** Saves the state atomically; the error says why it was not saved. */
export async function writeLockoutFile(path: string, state: LockoutState): Promise<Result<void>> {
  return writeFileAtomically(path, `${JSON.stringify(state)}\n`);
}
