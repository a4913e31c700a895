import type { KeyboardInputEvent } from 'electron';
import type { PortalKey } from '#shared/contract/portalContract';

/**
 * The keys the kiosk UI forwards to a portal page, as Electron input events. Keys that produce
 * text in a browser (Enter submits a form on its keypress, Space types a blank) also get a `char`
 * event between down and up, as a real keyboard would produce.
 */

const keyCodes: Record<PortalKey, string> = {
  Backspace: 'Backspace',
  Delete: 'Delete',
  Enter: 'Enter',
  Tab: 'Tab',
  'Shift+Tab': 'Tab',
  Space: 'Space',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Escape: 'Escape',
};

const textKeys: ReadonlySet<PortalKey> = new Set(['Enter', 'Space']);

/** The input events (down, optional char, up) for one forwarded key. */
export function keyInputEvents(key: PortalKey): KeyboardInputEvent[] {
  const keyCode = keyCodes[key];
  const modifiers: KeyboardInputEvent['modifiers'] = key === 'Shift+Tab' ? ['shift'] : [];
  const events: KeyboardInputEvent[] = [{ type: 'keyDown', keyCode, modifiers }];
  if (textKeys.has(key)) events.push({ type: 'char', keyCode, modifiers });
  events.push({ type: 'keyUp', keyCode, modifiers });
  return events;
}
