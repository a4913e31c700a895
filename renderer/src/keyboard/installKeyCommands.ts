import type { KeyAction } from '#shared/config/keypadConfig';
import { topModalDialog } from '../components/useModalDialog';
import { readScreenAgain, stepVolume, toggleReadAloud } from '../speech/speech';
import { useKeyHelpStore } from '../state/keyHelpStore';
import { moveFocus } from './focusMove';
import { isTyping, keyCommand, type KeyCommand } from './keyCommands';

/** The open modal dialog on top, if any. */
function openDialog(doc: Document): HTMLDialogElement | undefined {
  return topModalDialog(doc) ?? undefined;
}

/**
 * Back: closes the open dialog as Escape would (through its cancel handler), else presses the
 * screen's visible back button; a screen without one is a top screen and back does nothing.
 */
function goBack(doc: Document): void {
  const dialog = openDialog(doc);
  if (dialog) {
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    return;
  }
  const back = [...doc.querySelectorAll<HTMLElement>('[data-action="back"]')].find((element) => element.checkVisibility());
  back?.click();
}

function run(command: KeyCommand, doc: Document): void {
  switch (command) {
    case 'next':
    case 'previous':
      moveFocus(doc, command);
      return;
    case 'select': {
      const focused = doc.activeElement;
      if (focused instanceof HTMLElement && focused !== doc.body) focused.click();
      return;
    }
    case 'back':
      goBack(doc);
      return;
    case 'help':
      // Inside a dialog the help key reads that dialog again; the key help opens from a screen.
      if (openDialog(doc)) readScreenAgain();
      else useKeyHelpStore.getState().show();
      return;
    case 'repeat':
      readScreenAgain();
      return;
    case 'readAloud':
      toggleReadAloud();
      return;
    case 'volumeUp':
      stepVolume(1);
      return;
    case 'volumeDown':
      stepVolume(-1);
      return;
  }
}

/** Lets the terminal's keys (keyboard and tactile keypad) drive the kiosk; returns the function that stops it. */
export function installKeyCommands(win: Window, keys: () => Readonly<Record<string, KeyAction>>): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const doc = win.document;
    const command = keyCommand(event, keys(), doc.documentElement.dir === 'rtl' ? 'rtl' : 'ltr', isTyping(event.target));
    if (command === null) return;
    event.preventDefault();
    run(command, doc);
  };
  win.addEventListener('keydown', onKey);
  return () => {
    win.removeEventListener('keydown', onKey);
  };
}
