/** A key press as Electron's before-input-event reports it (the renderer maps KeyboardEvent to it). */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/**
 * Keyboard shortcuts that would leave or break the kiosk (close, reload, open, print, devtools…).
 * Used by the Electron host before the page sees a key, and by the UI itself as a second layer.
 */
export function isBlockedShortcut(input: KeyInput, devTools: boolean): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (devTools && mod && input.shift && key === 'i') return false;
  if (key === 'f11' || key === 'f12' || key === 'f5' || key === 'browserback' || key === 'browserforward') return true;
  if (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright' || key === 'home')) return true;
  if (mod && ['w', 'q', 'r', 'n', 't', 'p', 's', 'o', 'l', 'h', 'j', 'u', 'f', '+', '-', '=', '0'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c', 'delete'].includes(key)) return true;
  return false;
}
