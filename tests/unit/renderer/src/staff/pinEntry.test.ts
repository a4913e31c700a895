import { describe, expect, it } from 'vitest';
import { canSubmitPin, pinLength, pinMessage, pressPinKey, type PinKey } from '#renderer/staff/pinEntry';
import type { AssistView } from '#shared/contract/staffContract';

const type = (keys: readonly PinKey[], from = ''): string => keys.reduce(pressPinKey, from);
const assist = (patch: Partial<AssistView> = {}): AssistView => ({
  mode: 'locked',
  configured: true,
  padLockedUntil: null,
  padLockedForGood: false,
  attemptsLeft: 5,
  locksAt: null,
  ...patch,
});

describe('PIN pad input', () => {
  it('adds digits and takes the last one back with delete', () => {
    expect(type(['2', '4', '6'])).toBe('246');
    expect(type(['2', '4', '6', 'delete'])).toBe('24');
    expect(type(['delete', 'delete'])).toBe('');
  });

  it('takes no more than the longest PIN', () => {
    const many: PinKey[] = Array.from({ length: 20 }, () => '7');
    expect(type(many)).toHaveLength(pinLength.max);
  });

  it('can be sent only with 6 to 12 digits and while the pad takes PINs', () => {
    expect(canSubmitPin('246', false)).toBe(false);
    expect(canSubmitPin('2468', false)).toBe(false);
    expect(canSubmitPin('24681', false)).toBe(false);
    expect(canSubmitPin('246810', false)).toBe(true);
    expect(canSubmitPin('246810246810', false)).toBe(true);
    expect(canSubmitPin('246810', true)).toBe(false);
    expect(canSubmitPin('', false)).toBe(false);
  });

  it('says what the core says: wrong with the tries left, locked until a time, not set up', () => {
    expect(pinMessage(assist(), null, 1000)).toEqual({ kind: 'enter' });
    expect(pinMessage(assist({ attemptsLeft: 3 }), 'wrong', 1000)).toEqual({ kind: 'wrong', attemptsLeft: 3 });
    expect(pinMessage(assist({ attemptsLeft: 0, padLockedUntil: 61_000 }), 'pad-locked', 1000)).toEqual({ kind: 'locked', until: 61_000 });
    expect(pinMessage(assist({ configured: false }), null, 1000)).toEqual({ kind: 'not-configured' });
    expect(pinMessage(assist(), 'not-configured', 1000)).toEqual({ kind: 'not-configured' });
  });

  it('says the pad stays locked until IT resets the PIN, whatever the last answer was', () => {
    const lockedForGood = assist({ padLockedForGood: true, attemptsLeft: 0 });
    expect(pinMessage(lockedForGood, null, 1000)).toEqual({ kind: 'locked-for-good' });
    expect(pinMessage(lockedForGood, 'wrong', 1000)).toEqual({ kind: 'locked-for-good' });
    expect(pinMessage(lockedForGood, 'pad-locked', 10 ** 13)).toEqual({ kind: 'locked-for-good' });
  });

  it('shows a lock from the start (the pad opened while locked) and drops it once it ran out', () => {
    expect(pinMessage(assist({ padLockedUntil: 5000 }), null, 1000)).toEqual({ kind: 'locked', until: 5000 });
    expect(pinMessage(assist({ padLockedUntil: 5000 }), 'pad-locked', 6000)).toEqual({ kind: 'enter' });
  });
});
