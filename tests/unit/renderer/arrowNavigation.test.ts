import { describe, expect, it } from 'vitest';
import { keyAction } from '../../../renderer/src/keyboard/arrowNavigation';

describe('arrow keys', () => {
  it('down and up move forward and back in every direction of writing', () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      expect(keyAction('ArrowDown', dir)).toBe('next');
      expect(keyAction('ArrowUp', dir)).toBe('previous');
    }
  });

  it('left and right follow the direction of writing (mirrored in Arabic and Persian)', () => {
    expect(keyAction('ArrowRight', 'ltr')).toBe('next');
    expect(keyAction('ArrowLeft', 'ltr')).toBe('previous');
    expect(keyAction('ArrowRight', 'rtl')).toBe('previous');
    expect(keyAction('ArrowLeft', 'rtl')).toBe('next');
  });

  it('leaves every other key alone', () => {
    for (const key of ['Enter', 'Tab', ' ', 'a', 'Escape']) expect(keyAction(key, 'ltr')).toBeNull();
  });
});
