import { describe, expect, it } from 'vitest';
import { defaultKeyMap, keypadConfigSchema, resolveKeyMap } from '#shared/config/keypadConfig';
import { keyCommand, type KeyPress } from '#renderer/keyboard/keyCommands';
import { keyHelpRows } from '#renderer/keyboard/keyHelpRows';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, code: '', ctrlKey: false, altKey: false, metaKey: false, ...more });

describe('key commands', () => {
  it('down and up move forward and back in every direction of writing', () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      expect(keyCommand(press('ArrowDown'), defaultKeyMap, dir, false)).toBe('next');
      expect(keyCommand(press('ArrowUp'), defaultKeyMap, dir, false)).toBe('previous');
    }
  });

  it('left and right follow the direction of writing (mirrored in Arabic and Persian)', () => {
    expect(keyCommand(press('ArrowRight'), defaultKeyMap, 'ltr', false)).toBe('next');
    expect(keyCommand(press('ArrowLeft'), defaultKeyMap, 'ltr', false)).toBe('previous');
    expect(keyCommand(press('ArrowRight'), defaultKeyMap, 'rtl', false)).toBe('previous');
    expect(keyCommand(press('ArrowLeft'), defaultKeyMap, 'rtl', false)).toBe('next');
  });

  it('has back, help, repeat, read-aloud and volume keys by default', () => {
    expect(keyCommand(press('Escape'), defaultKeyMap, 'ltr', false)).toBe('back');
    expect(keyCommand(press('F1'), defaultKeyMap, 'ltr', false)).toBe('help');
    expect(keyCommand(press('?'), defaultKeyMap, 'ltr', false)).toBe('help');
    expect(keyCommand(press('R'), defaultKeyMap, 'ltr', false)).toBe('repeat');
    expect(keyCommand(press('F2'), defaultKeyMap, 'ltr', false)).toBe('readAloud');
    expect(keyCommand(press('+'), defaultKeyMap, 'ltr', false)).toBe('volumeUp');
    expect(keyCommand(press('-'), defaultKeyMap, 'ltr', false)).toBe('volumeDown');
  });

  it('leaves Enter, Space, Tab and letters to the browser', () => {
    for (const key of ['Enter', 'Tab', ' ', 'a']) expect(keyCommand(press(key), defaultKeyMap, 'ltr', false)).toBeNull();
  });

  it('ignores keys with Ctrl, Alt or Meta', () => {
    expect(keyCommand(press('F1', { ctrlKey: true }), defaultKeyMap, 'ltr', false)).toBeNull();
    expect(keyCommand(press('ArrowDown', { altKey: true }), defaultKeyMap, 'ltr', false)).toBeNull();
  });

  it('in a text field, characters and arrows stay with the field; Escape and F-keys still work', () => {
    expect(keyCommand(press('R'), defaultKeyMap, 'ltr', true)).toBeNull();
    expect(keyCommand(press('?'), defaultKeyMap, 'ltr', true)).toBeNull();
    expect(keyCommand(press('ArrowLeft'), defaultKeyMap, 'ltr', true)).toBeNull();
    expect(keyCommand(press('Escape'), defaultKeyMap, 'ltr', true)).toBe('back');
    expect(keyCommand(press('F1'), defaultKeyMap, 'ltr', true)).toBe('help');
  });
});

describe('tactile keypad key map', () => {
  const keypad = resolveKeyMap({ keys: { F13: 'help', Numpad5: 'select', Numpad8: 'previous', F2: 'none' } });

  it('adds the keypad keys, by key value or by code', () => {
    expect(keyCommand(press('F13'), keypad, 'ltr', false)).toBe('help');
    expect(keyCommand(press('5', { code: 'Numpad5' }), keypad, 'ltr', false)).toBe('select');
    expect(keyCommand(press('8', { code: 'Numpad8' }), keypad, 'rtl', false)).toBe('previous');
  });

  it('keeps the keyboard defaults and lets "none" switch one off', () => {
    expect(keyCommand(press('ArrowDown'), keypad, 'ltr', false)).toBe('next');
    expect(keyCommand(press('F2'), keypad, 'ltr', false)).toBeNull();
  });

  it('never answers for names inherited from Object.prototype', () => {
    expect(keyCommand(press('constructor'), defaultKeyMap, 'ltr', false)).toBeNull();
    expect(keyCommand(press('x', { code: 'toString' }), defaultKeyMap, 'ltr', false)).toBeNull();
  });

  it('refuses unknown actions, odd key names and overlong maps with reasons', () => {
    const bad = keypadConfigSchema.safeParse({ keys: { F13: 'explode', 'two words': 'help', '': 'help' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.length).toBeGreaterThanOrEqual(2);
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`F${i + 1}x`, 'help']));
    expect(keypadConfigSchema.safeParse({ keys: many }).success).toBe(false);
    expect(keypadConfigSchema.safeParse({ keys: { F13: 'help' }, extra: 1 }).success).toBe(false);
  });
});

describe('key help', () => {
  it('lists every command with its keys, mirrored arrows in right-to-left', () => {
    const ltr = keyHelpRows(defaultKeyMap, 'ltr');
    const next = ltr.find((row) => row.command === 'next')?.keys;
    expect(next).toEqual([{ name: 'ArrowDown' }, { name: 'ArrowRight' }, { name: 'Tab' }]);
    const rtlNext = keyHelpRows(defaultKeyMap, 'rtl').find((row) => row.command === 'next')?.keys;
    expect(rtlNext).toEqual([{ name: 'ArrowDown' }, { name: 'ArrowLeft' }, { name: 'Tab' }]);
    expect(ltr.map((row) => row.command)).toEqual(['next', 'previous', 'select', 'back', 'help', 'repeat', 'readAloud', 'volumeUp', 'volumeDown']);
  });

  it('shows "r" and "R" once, and a keypad key by its label', () => {
    const rows = keyHelpRows(resolveKeyMap({ keys: { F13: 'help' } }), 'ltr');
    expect(rows.find((row) => row.command === 'repeat')?.keys).toEqual([{ label: 'R' }]);
    expect(rows.find((row) => row.command === 'help')?.keys).toEqual([{ label: 'F1' }, { label: '?' }, { label: 'F13' }]);
  });
});
