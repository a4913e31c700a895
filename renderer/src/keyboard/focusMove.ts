import { topModalDialog } from '../components/useModalDialog';

const focusableSelector =
  'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements focus may move between: inside the modal dialog on top if there is one, else the page. */
function focusables(doc: Document): HTMLElement[] {
  const scope: ParentNode = topModalDialog(doc) ?? doc;
  return [...scope.querySelectorAll<HTMLElement>(focusableSelector)].filter((element) => element.checkVisibility() && !element.closest('[inert]'));
}

/** Moves the focus to the next or previous control, wrapping around at the ends. */
export function moveFocus(doc: Document, direction: 'next' | 'previous'): void {
  const list = focusables(doc);
  if (list.length === 0) return;
  const current = list.indexOf(doc.activeElement as HTMLElement);
  const step = direction === 'next' ? 1 : -1;
  const index = current === -1 ? (direction === 'next' ? 0 : list.length - 1) : (current + step + list.length) % list.length;
  list[index]?.focus();
}
