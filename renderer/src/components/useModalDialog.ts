import { useEffect, useRef, type RefObject } from 'react';

/** Opens a native <dialog> as modal while the component is shown (focus stays inside, the rest is inert). */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
    };
  }, []);
  return ref;
}
