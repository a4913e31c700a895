/** A key press as Electron's before-input-event reports it (the renderer maps KeyboardEvent to it). */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** Editing in a text field: select all, copy, paste, cut, undo, redo (Ctrl or Cmd, no Shift but for redo). */
const editingKeys = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
/** Moving and deleting by word or line in a text field (Ctrl or Cmd, with or without Shift). */
const caretKeys = new Set(['arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'backspace', 'delete', 'home', 'end']);
const modifierKeys = new Set(['control', 'meta', 'shift', 'alt', 'altgraph']);
/** Function keys Chromium acts on: find, reload, address bar, caret browsing, menu, full screen, DevTools. */
const browserFunctionKeys = new Set(['f3', 'f5', 'f6', 'f7', 'f10', 'f11', 'f12']);

/**
 * Keyboard shortcuts that would leave or break the kiosk (close, reload, open, print, find, zoom,
 * menus, devtools…): every Ctrl/Cmd or Alt combination but text editing, the function keys the
 * browser acts on and the browser keys of media keyboards. An allowlist, so a shortcut a browser
 * version adds is blocked too. Used by the Electron host before the page sees a key, and by the UI
 * itself as a second layer (on the Chromium host the page is the only place to stop the ones a page
 * may cancel).
 */
export function isBlockedShortcut(input: KeyInput, devTools: boolean): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (modifierKeys.has(key)) return false;
  if (browserFunctionKeys.has(key) || key.startsWith('browser')) return true;
  const mod = input.control || input.meta;
  // AltGr arrives as Ctrl+Alt on Windows: it types characters such as @ or € on German keyboards.
  if (mod && input.alt && input.key.length === 1) return false;
  if (mod) {
    if (devTools && input.shift && key === 'i') return false;
    if (caretKeys.has(key)) return input.shift && key === 'delete';
    if (editingKeys.has(key)) return input.shift && key !== 'z';
    return true;
  }
  return input.alt;
}
