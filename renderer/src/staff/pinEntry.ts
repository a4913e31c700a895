import type { AssistView } from '#shared/contract/staffContract';

/** A staff PIN has 6 to 12 digits (the contract's `staff.unlock`). */
export const pinLength = { min: 6, max: 12 } as const;

export type PinKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'delete';
export const pinDigits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** The digits after a key of the pad: a digit is added (up to the longest PIN), delete takes the last one back. */
export function pressPinKey(digits: string, key: PinKey): string {
  if (key === 'delete') return digits.slice(0, -1);
  return digits.length >= pinLength.max ? digits : digits + key;
}

/** Whether the digits can be sent: long enough, and the pad takes PINs now. */
export function canSubmitPin(digits: string, locked: boolean): boolean {
  return !locked && digits.length >= pinLength.min && digits.length <= pinLength.max && /^\d+$/.test(digits);
}

/** What the pad says under the dots. */
export type PinMessage =
  | { readonly kind: 'enter' }
  | { readonly kind: 'wrong'; readonly attemptsLeft: number }
  | { readonly kind: 'locked'; readonly until: number }
  /** Too many wrong PINs: locked until IT resets the PIN. */
  | { readonly kind: 'locked-for-good' }
  | { readonly kind: 'not-configured' };

export type UnlockOutcome = 'open' | 'wrong' | 'pad-locked' | 'not-configured';

/**
 * The pad's message from the core's view of assist mode and the last answer: not set up, locked
 * until IT resets the PIN, locked until a time (too many wrong PINs), wrong with the tries left,
 * or the plain request for the PIN. A lock that has run out no longer shows.
 */
export function pinMessage(assist: AssistView | null, outcome: UnlockOutcome | null, now: number): PinMessage {
  if (assist !== null && !assist.configured) return { kind: 'not-configured' };
  if (outcome === 'not-configured') return { kind: 'not-configured' };
  if (assist?.padLockedForGood === true) return { kind: 'locked-for-good' };
  if (assist?.padLockedUntil != null && assist.padLockedUntil > now) return { kind: 'locked', until: assist.padLockedUntil };
  if (outcome === 'wrong' && assist !== null) return { kind: 'wrong', attemptsLeft: assist.attemptsLeft };
  return { kind: 'enter' };
}
