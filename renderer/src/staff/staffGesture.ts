import type { StaffGestureCorner } from '#shared/config/staffConfig';

/** The hidden gesture of the terminal's config (bootstrap `staff.gesture`). */
export interface StaffGesture {
  readonly corner: StaffGestureCorner;
  readonly taps: number;
  readonly withinSeconds: number;
}

/** One tap on the screen, in CSS px from the screen's top-left corner. */
export interface Tap {
  readonly x: number;
  readonly y: number;
  /** Epoch ms. */
  readonly at: number;
  /** The tap pressed a control (button, link, field): that is a citizen's tap, never part of the gesture. */
  readonly onControl: boolean;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** The corner zone's size: about a fingertip and a half, easy for staff who know it, rarely hit by chance. */
export const gestureZonePx = 80;

/**
 * Whether a tap is in the corner zone. Corners are the screen's own (physical) corners, the same in
 * right-to-left languages: staff learn one place per terminal, whatever language is on screen.
 */
export function inGestureCorner(tap: Pick<Tap, 'x' | 'y'>, corner: StaffGestureCorner, viewport: Viewport, zone: number = gestureZonePx): boolean {
  const top = tap.y < zone;
  const bottom = tap.y >= viewport.height - zone;
  const left = tap.x < zone;
  const right = tap.x >= viewport.width - zone;
  switch (corner) {
    case 'top-left':
      return top && left;
    case 'top-right':
      return top && right;
    case 'bottom-left':
      return bottom && left;
    case 'bottom-right':
      return bottom && right;
  }
}

/** The taps of a gesture in progress (their times) and whether this tap completed it. */
export interface GestureStep {
  readonly taps: readonly number[];
  readonly complete: boolean;
}

/**
 * The next step of the gesture detector, a pure function: `taps` taps in the corner within
 * `withinSeconds`. A tap elsewhere or on a control starts over, so a citizen pressing a button in
 * the corner again and again never opens the PIN pad (and the gesture never presses their button).
 * Taps older than the time window drop out; a completed gesture starts over from nothing.
 */
export function nextGestureStep(previous: readonly number[], tap: Tap, gesture: StaffGesture, viewport: Viewport): GestureStep {
  if (tap.onControl || !inGestureCorner(tap, gesture.corner, viewport)) return { taps: [], complete: false };
  const windowMs = gesture.withinSeconds * 1000;
  const taps = [...previous.filter((at) => at <= tap.at && tap.at - at <= windowMs), tap.at];
  if (taps.length >= gesture.taps) return { taps: [], complete: true };
  return { taps, complete: false };
}
