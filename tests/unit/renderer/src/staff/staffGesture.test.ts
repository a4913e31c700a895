import { describe, expect, it } from 'vitest';
import { gestureZonePx, inGestureCorner, nextGestureStep, type StaffGesture, type Tap } from '#renderer/staff/staffGesture';

const viewport = { width: 1920, height: 1080 };
const gesture: StaffGesture = { corner: 'top-left', taps: 5, withinSeconds: 3 };
const tap = (at: number, patch: Partial<Tap> = {}): Tap => ({ x: 10, y: 10, at, onControl: false, ...patch });

/** Feeds taps one after the other; returns at which ones the gesture completed. */
function run(taps: readonly Tap[], config: StaffGesture = gesture): number[] {
  let state: readonly number[] = [];
  const completed: number[] = [];
  taps.forEach((t, index) => {
    const step = nextGestureStep(state, t, config, viewport);
    state = step.taps;
    if (step.complete) completed.push(index);
  });
  return completed;
}

describe('the hidden staff gesture', () => {
  it('completes with the configured number of taps in the corner within the time', () => {
    expect(run([0, 400, 800, 1200, 1600].map((at) => tap(at)))).toEqual([4]);
  });

  it('needs every tap: one short is nothing', () => {
    expect(run([0, 400, 800, 1200].map((at) => tap(at)))).toEqual([]);
  });

  it('counts only taps within the time window (older taps drop out)', () => {
    // 3 s window: the first two taps are too old by the fifth, so it needs two more.
    expect(run([0, 100, 2500, 2900, 3200, 3300, 3400].map((at) => tap(at)))).toEqual([6]);
    // All five within 3 s, from the first to the last: just in, just out.
    expect(run([0, 750, 1500, 2250, 3000].map((at) => tap(at)))).toEqual([4]);
    expect(run([0, 750, 1500, 2250, 3001].map((at) => tap(at)))).toEqual([]);
  });

  it('starts over after a tap elsewhere', () => {
    expect(run([tap(0), tap(100), tap(200), tap(300, { x: 900, y: 500 }), tap(400), tap(500)])).toEqual([]);
  });

  it('never counts a tap on a control: the citizen pressing a corner button again and again opens nothing', () => {
    expect(run([0, 100, 200, 300, 400, 500].map((at) => tap(at, { onControl: true })))).toEqual([]);
    expect(run([tap(0), tap(100), tap(200), tap(300, { onControl: true }), tap(400), tap(500)])).toEqual([]);
  });

  it('starts from nothing after it completed (a sixth tap does not open it again)', () => {
    expect(run([0, 100, 200, 300, 400, 500, 600, 700, 800, 900].map((at) => tap(at)))).toEqual([4, 9]);
  });

  it('follows the configured corner, taps and time', () => {
    const bottomRight: StaffGesture = { corner: 'bottom-right', taps: 3, withinSeconds: 1 };
    const corner = (at: number): Tap => tap(at, { x: viewport.width - 5, y: viewport.height - 5 });
    expect(run([corner(0), corner(300), corner(600)], bottomRight)).toEqual([2]);
    expect(run([corner(0), corner(600), corner(1200)], bottomRight)).toEqual([]);
    expect(run([tap(0), tap(300), tap(600)], bottomRight)).toEqual([]);
  });

  it('uses the screen’s own corners, whatever the writing direction (there is no direction to pass)', () => {
    expect(nextGestureStep.length).toBe(4);
    expect(inGestureCorner({ x: 5, y: 5 }, 'top-left', viewport)).toBe(true);
    expect(inGestureCorner({ x: 5, y: 5 }, 'top-right', viewport)).toBe(false);
    expect(inGestureCorner({ x: viewport.width - 1, y: 5 }, 'top-right', viewport)).toBe(true);
    expect(inGestureCorner({ x: 5, y: viewport.height - 1 }, 'bottom-left', viewport)).toBe(true);
    expect(inGestureCorner({ x: viewport.width - 1, y: viewport.height - 1 }, 'bottom-right', viewport)).toBe(true);
  });

  it('has a zone of about a fingertip and a half, and nothing beyond it', () => {
    expect(gestureZonePx).toBe(80);
    expect(inGestureCorner({ x: 79, y: 79 }, 'top-left', viewport)).toBe(true);
    expect(inGestureCorner({ x: 80, y: 10 }, 'top-left', viewport)).toBe(false);
    expect(inGestureCorner({ x: 10, y: 80 }, 'top-left', viewport)).toBe(false);
    expect(inGestureCorner({ x: viewport.width - 80, y: 10 }, 'top-right', viewport)).toBe(true);
    expect(inGestureCorner({ x: viewport.width - 81, y: 10 }, 'top-right', viewport)).toBe(false);
  });
});
