import type { KeyAction } from '#shared/config/keypadConfig';

/** A key action with left and right already turned into next and previous. */
export type KeyCommand = Exclude<KeyAction, 'left' | 'right'>;

export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/**
 * What a key press does under the terminal's key map, or null. Keys are looked up by their `key`
 * value, then by their `code`. In a text field, characters and arrows stay with the field.
 */
export function keyCommand(press: KeyPress, keys: Readonly<Record<string, KeyAction>>, direction: 'ltr' | 'rtl', typing: boolean): KeyCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (typing && (press.key.length === 1 || press.key.startsWith('Arrow'))) return null;
  const action = Object.hasOwn(keys, press.key) ? keys[press.key] : Object.hasOwn(keys, press.code) ? keys[press.code] : undefined;
  switch (action) {
    case undefined:
      return null;
    case 'right':
      return direction === 'rtl' ? 'previous' : 'next';
    case 'left':
      return direction === 'rtl' ? 'next' : 'previous';
    default:
      return action;
  }
}

/** True when the key goes to a text field (typing), not to the kiosk's key commands. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
