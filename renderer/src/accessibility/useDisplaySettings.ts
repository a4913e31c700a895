import { useEffect } from 'react';
import { useAccessibilityStore } from '../state/accessibilityStore';

/** Puts the citizen's display settings on <html>, where the style sheet picks them up. */
export function useDisplaySettings(): void {
  // One selector each: the volume or read-aloud changing must not draw the whole kiosk again.
  const textSize = useAccessibilityStore((s) => s.textSize);
  const contrast = useAccessibilityStore((s) => s.contrast);
  const reach = useAccessibilityStore((s) => s.reach);
  const motion = useAccessibilityStore((s) => s.motion);
  useEffect(() => {
    const root = document.documentElement.dataset;
    root.textSize = textSize;
    root.contrast = contrast;
    root.reach = reach;
    root.motion = motion;
  }, [textSize, contrast, reach, motion]);
}
