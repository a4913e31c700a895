import { defineCitizenStore } from './storeRegistry';

export const textSizes = ['100', '150', '200'] as const;
export const contrasts = ['normal', 'high'] as const;
export const reaches = ['normal', 'low'] as const;
export const motions = ['normal', 'reduced'] as const;
export const readAlouds = ['off', 'on'] as const;
export const volumes = ['low', 'medium', 'high'] as const;

export interface AccessibilitySettings {
  /** Text size in percent of the normal size. */
  readonly textSize: (typeof textSizes)[number];
  /** High contrast: at least 7:1 for all text. */
  readonly contrast: (typeof contrasts)[number];
  /** Low reach: every control in the lower part of the screen (wheelchair users). */
  readonly reach: (typeof reaches)[number];
  readonly motion: (typeof motions)[number];
  /** Speech output of headings, the focused control, warnings and errors. */
  readonly readAloud: (typeof readAlouds)[number];
  readonly volume: (typeof volumes)[number];
}

interface AccessibilityState extends AccessibilitySettings {
  change: (patch: Partial<AccessibilitySettings>) => void;
}

/** The citizen's display settings; back to the defaults at every reset (docs/architecture.md, "Accessibility and languages"). */
export const useAccessibilityStore = defineCitizenStore<AccessibilityState>('accessibility', (set) => ({
  textSize: '100',
  contrast: 'normal',
  reach: 'normal',
  motion: 'normal',
  readAloud: 'off',
  volume: 'medium',
  change: (patch) => {
    set(patch);
  },
}));
