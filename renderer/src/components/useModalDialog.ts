import { useEffect, useRef, type RefObject } from 'react';

/**
 * The open modal dialogs in the order they were opened. The browser draws the last one on top, but
 * the document order of dialogs says nothing about that (the staff PIN pad can open over a citizen
 * dialog that comes later in the page), so the keys and speech ask this list which one is on top.
 */
const openedModals: HTMLDialogElement[] = [];

/** The modal dialog on top, if any: the one opened last that is still open (else the last open one in the page). */
export function topModalDialog(doc: Document): HTMLDialogElement | null {
  for (let index = openedModals.length - 1; index >= 0; index -= 1) {
    const dialog = openedModals[index];
    if (dialog?.open && dialog.isConnected && dialog.ownerDocument === doc) return dialog;
  }
  return [...doc.querySelectorAll<HTMLDialogElement>('dialog[open]')].at(-1) ?? null;
}

/** Opens a native <dialog> as modal while the component is shown (focus stays inside, the rest is inert). */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) {
      // On the list first: showModal moves the focus at once, and speech asks who is on top.
      openedModals.push(element);
      element.showModal();
    }
    return () => {
      element?.close();
      const index = element === null ? -1 : openedModals.lastIndexOf(element);
      if (index !== -1) openedModals.splice(index, 1);
    };
  }, []);
  return ref;
}
