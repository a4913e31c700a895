import { describe, expect, it } from 'vitest';
import {
  afterRightPin,
  afterWrongPin,
  attemptsLeft,
  boundedLockout,
  corruptLockout,
  initialLockout,
  isPadLocked,
  lockDurationMs,
  type LockoutState,
} from '#core/staff/pinLockout';

const t0 = 1_700_000_000_000;

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
    const far: LockoutState = { failures: 9, locks: 3, lockedUntil: t0 + 86_400_000 };
    expect(boundedLockout(far, t0).lockedUntil).toBe(t0 + 900_000);
    const near: LockoutState = { failures: 5, locks: 1, lockedUntil: t0 + 10_000 };
    expect(boundedLockout(near, t0)).toBe(near);
  });

  it('a lost state counts as a first lock from now', () => {
    const state = corruptLockout(t0);
    expect(isPadLocked(state, t0)).toBe(true);
    expect(state.lockedUntil).toBe(t0 + 30_000);
  });
});
