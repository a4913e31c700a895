/**
 * What a key of the on-screen keyboard asks for. Kept apart from the component so a screen can
 * handle presses without pulling the keyboard (and its library) into the main bundle.
 */
export type OnScreenKeyPress = { readonly text: string } | { readonly special: 'backspace' | 'enter' | 'hide' };

/**
 * A field's value after a press, typing at the end (the search's behaviour). Enter and hide leave
 * the value alone; delete removes one character, a whole one even outside the basic plane.
 */
export function applyKeyPress(value: string, press: OnScreenKeyPress): string {
  if ('text' in press) return value + press.text;
  if (press.special === 'backspace') return Array.from(value).slice(0, -1).join('');
  return value;
}
