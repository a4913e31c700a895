/** What a key does for someone who cannot see or reach the touch screen (tactile keypad or keyboard). */
export type KeyAction = 'next' | 'previous';

const focusableSelector = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The arrow keys move like Tab; left and right swap in right-to-left languages. */
export function keyAction(key: string, direction: 'ltr' | 'rtl'): KeyAction | null {
  switch (key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'ArrowRight':
      return direction === 'rtl' ? 'previous' : 'next';
    case 'ArrowLeft':
      return direction === 'rtl' ? 'next' : 'previous';
    default:
      return null;
  }
}

/** The elements focus may move between: inside the open modal dialog if there is one, else the page. */
function focusables(doc: Document): HTMLElement[] {
  const scope: ParentNode = doc.querySelector('dialog[open]') ?? doc;
  return [...scope.querySelectorAll<HTMLElement>(focusableSelector)].filter((element) => element.checkVisibility() && !element.closest('[inert]'));
}

/** Moves the focus to the next or previous control, wrapping around at the ends. */
export function moveFocus(doc: Document, action: KeyAction): void {
  const list = focusables(doc);
  if (list.length === 0) return;
  const current = list.indexOf(doc.activeElement as HTMLElement);
  const step = action === 'next' ? 1 : -1;
  const index = current === -1 ? (action === 'next' ? 0 : list.length - 1) : (current + step + list.length) % list.length;
  list[index]?.focus();
}

/** Lets the arrow keys move the focus; returns the function that stops it. */
export function installArrowNavigation(win: Window): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    // Text fields keep their arrows for the caret.
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    const action = keyAction(event.key, win.document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr');
    if (action === null) return;
    event.preventDefault();
    moveFocus(win.document, action);
  };
  win.addEventListener('keydown', onKey);
  return () => {
    win.removeEventListener('keydown', onKey);
  };
}
