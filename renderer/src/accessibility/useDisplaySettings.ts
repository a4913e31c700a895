import { useEffect } from 'react';
import { useAccessibilityStore } from '../state/accessibilityStore';

/** Puts the citizen's display settings on <html>, where the style sheet picks them up. */
export function useDisplaySettings(): void {
  const { textSize, contrast, reach, motion } = useAccessibilityStore();
  useEffect(() => {
    const root = document.documentElement.dataset;
    root.textSize = textSize;
    root.contrast = contrast;
    root.reach = reach;
    root.motion = motion;
  }, [textSize, contrast, reach, motion]);
}
