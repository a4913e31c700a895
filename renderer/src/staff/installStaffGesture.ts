import { nextGestureStep, type StaffGesture } from './staffGesture';

/** What counts as a citizen's control: a tap on it is theirs, never part of the staff gesture. */
const controlSelector = 'button, a[href], input, select, textarea, label, summary, [role="button"], [tabindex]:not([tabindex="-1"])';

/**
 * Watches every tap for the hidden staff gesture through one passive listener on the window: no
 * visible element, nothing to find by Tab or read-aloud, and the tap still goes wherever it was
 * going. Returns the function that stops watching.
 */
export function installStaffGesture(win: Window, gesture: () => StaffGesture | null, onGesture: () => void): () => void {
  let taps: readonly number[] = [];
  const onPointerDown = (event: PointerEvent): void => {
    const config = gesture();
    if (config === null || !event.isPrimary) return;
    const target = event.target instanceof Element ? event.target : null;
    const step = nextGestureStep(taps, { x: event.clientX, y: event.clientY, at: Date.now(), onControl: target?.closest(controlSelector) != null }, config, {
      width: win.innerWidth,
      height: win.innerHeight,
    });
    taps = step.taps;
    if (step.complete) onGesture();
  };
  win.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
  return () => {
    win.removeEventListener('pointerdown', onPointerDown, { capture: true });
  };
}
