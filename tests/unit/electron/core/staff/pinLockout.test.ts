import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  afterRightPin,
  afterWrongPin,
  attemptsLeft,
  boundedLockout,
  corruptLockout,
  defaultLockoutPolicy,
  initialLockout,
  isPadLocked,
  lockDurationMs,
  newPadLock,
  pinSetFingerprint,
  readLockoutFile,
  underPinSet,
  type LockoutState,
} from '#core/staff/pinLockout';

const t0 = 1_700_000_000_000;
const fingerprint = /^[0-9a-f]{16}$/;

/** `count` wrong PINs, each as soon as the pad takes one again; returns the state and the time after. */
function guessOn(state: LockoutState, count: number, policy = defaultLockoutPolicy): { state: LockoutState; now: number } {
  let next = state;
  let now = t0;
  for (let i = 0; i < count; i++) {
    if (next.lockedUntil !== null) now = Math.max(now, next.lockedUntil);
    next = afterWrongPin(next, now, policy);
  }
  return { state: next, now };
}

/** `count` wrong PINs at `at`. */
function wrong(state: LockoutState, count: number, at: number): LockoutState {
  let next = state;
  for (let i = 0; i < count; i++) next = afterWrongPin(next, at);
  return next;
}

describe('PIN pad lockout', () => {
  it('counts down five tries, then locks the pad for 30 s', () => {
    let state = initialLockout;
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = afterWrongPin(state, t0);
      left.push(attemptsLeft(state, t0));
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect(isPadLocked(state, t0)).toBe(false);
    state = afterWrongPin(state, t0);
    expect(isPadLocked(state, t0)).toBe(true);
    expect(state.lockedUntil).toBe(t0 + 30_000);
    expect(attemptsLeft(state, t0)).toBe(0);
    expect(isPadLocked(state, t0 + 29_999)).toBe(true);
    expect(isPadLocked(state, t0 + 30_000)).toBe(false);
  });

  it('after a lock each further wrong PIN locks again, twice as long, capped at 15 min', () => {
    let state = wrong(initialLockout, 5, t0);
    let now = t0;
    const durations: number[] = [];
    for (let i = 0; i < 8; i++) {
      now = state.lockedUntil ?? now;
      expect(attemptsLeft(state, now)).toBe(1);
      state = afterWrongPin(state, now);
      durations.push((state.lockedUntil ?? 0) - now);
    }
    expect(durations).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000, 900_000]);
    expect(lockDurationMs(1)).toBe(30_000);
    expect(lockDurationMs(1000)).toBe(900_000);
  });

  it('a right PIN starts over', () => {
    const state = wrong(initialLockout, 6, t0);
    expect(afterRightPin()).toEqual(initialLockout);
    expect(attemptsLeft(afterRightPin(), t0)).toBe(5);
    expect(state.locks).toBe(2);
  });

  it('a lock further away than any lock can be is cut to the longest (clock set back)', () => {
    const far: LockoutState = { ...initialLockout, failures: 9, locks: 3, lockedUntil: t0 + 86_400_000 };
    expect(boundedLockout(far, t0).lockedUntil).toBe(t0 + 900_000);
    const near: LockoutState = { ...initialLockout, failures: 5, locks: 1, lockedUntil: t0 + 10_000 };
    expect(boundedLockout(near, t0)).toBe(near);
  });

  it('a lost state is a lock for good under the hashes configured now: no time-out', () => {
    const state = corruptLockout('0123456789abcdef');
    expect(state).toMatchObject({ lockedForGood: true, lockedUntil: null, pinSet: '0123456789abcdef' });
    expect(isPadLocked(state, t0 + 365 * 86_400_000)).toBe(true);
    expect(attemptsLeft(state, t0)).toBe(0);
  });
});

describe('PIN pad lock for good', () => {
  it('after 20 wrong PINs since the last right one (the default) the pad stays locked, with no time-out', () => {
    const { state: before, now: at19 } = guessOn(initialLockout, 19);
    expect(before.lockedForGood).toBe(false);
    const after19 = before.lockedUntil ?? at19;
    expect(isPadLocked(before, after19)).toBe(false);
    expect(attemptsLeft(before, after19)).toBe(1);
    const locked = afterWrongPin(before, after19);
    expect(locked).toMatchObject({ failures: 20, lockedForGood: true, lockedUntil: null });
    expect(isPadLocked(locked, after19 + 10 * 365 * 86_400_000)).toBe(true);
    expect(attemptsLeft(locked, after19 + 86_400_000)).toBe(0);
    // The clock set back or forth changes nothing.
    expect(boundedLockout(locked, after19)).toBe(locked);
  });

  it('takes the configured count; below it the doubling locks stay as they are', () => {
    const policy = { ...defaultLockoutPolicy, lockAfterFailures: 7 };
    const { state: six, now } = guessOn(initialLockout, 6, policy);
    expect(six).toMatchObject({ failures: 6, locks: 2, lockedForGood: false, lockedUntil: now + 60_000 });
    expect(afterWrongPin(six, six.lockedUntil ?? now, policy).lockedForGood).toBe(true);
    // Before the first lock the pad counts down to the first temporary lock, never past the lock for good.
    expect(attemptsLeft(initialLockout, t0, { ...defaultLockoutPolicy, lockAfterFailures: 3 })).toBe(3);
  });

  it('names the locks staff are told of: the first since the last right PIN and the one for good, no other', () => {
    const four = guessOn(initialLockout, 4).state;
    const five = afterWrongPin(four, t0);
    expect(newPadLock(initialLockout, four)).toBeNull();
    expect(newPadLock(four, five)).toBe('first-lock');
    expect(newPadLock(five, afterWrongPin(five, five.lockedUntil ?? t0))).toBeNull();
    const nineteen = guessOn(initialLockout, 19).state;
    expect(newPadLock(nineteen, afterWrongPin(nineteen, t0 + 86_400_000))).toBe('locked-for-good');
    // After a right PIN the count starts over, and the next first lock is told again.
    expect(newPadLock(afterRightPin(), afterWrongPin(four, t0))).toBe('first-lock');
  });
});

describe('PIN reset by IT: new PIN hashes', () => {
  it('fingerprints a set of hashes in any order, and tells changed sets apart', () => {
    const a = pinSetFingerprint(['scrypt$15$8$1$a$b', 'scrypt$15$8$1$c$d']);
    expect(a).toMatch(fingerprint);
    expect(pinSetFingerprint(['scrypt$15$8$1$c$d', 'scrypt$15$8$1$a$b'])).toBe(a);
    expect(pinSetFingerprint(['scrypt$15$8$1$a$b'])).not.toBe(a);
    expect(pinSetFingerprint(['scrypt$15$8$1$a$b', 'scrypt$15$8$1$c$d', 'scrypt$15$8$1$e$f'])).not.toBe(a);
  });

  it('a count or lock made under other hashes starts over; under the same or unknown hashes it stays', () => {
    const lockedForGood: LockoutState = { ...guessOn(initialLockout, 20).state, pinSet: '1111111111111111' };
    expect(underPinSet(lockedForGood, '2222222222222222')).toEqual({ state: { ...initialLockout, pinSet: '2222222222222222' }, reset: true });
    expect(underPinSet(lockedForGood, '1111111111111111')).toEqual({ state: lockedForGood, reset: false });
    const unknown: LockoutState = { ...lockedForGood, pinSet: null };
    expect(underPinSet(unknown, '2222222222222222')).toEqual({ state: unknown, reset: false });
    expect(underPinSet({ ...initialLockout, pinSet: '1111111111111111' }, '2222222222222222').reset).toBe(false);
  });

  it('reads a file written before the lock for good existed as not locked for good, of unknown hashes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pin-lockout-')), 'pin-lockout.json');
    writeFileSync(file, JSON.stringify({ failures: 6, locks: 2, lockedUntil: t0 }));
    expect(readLockoutFile(file)).toEqual({ ok: true, value: { failures: 6, locks: 2, lockedUntil: t0, lockedForGood: false, pinSet: null } });
    writeFileSync(file, JSON.stringify({ failures: 6, locks: 2, lockedUntil: null, lockedForGood: 'yes', pinSet: null }));
    expect(readLockoutFile(file).ok).toBe(false);
  });
});
