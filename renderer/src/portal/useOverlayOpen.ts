import { useEffect, useState } from 'react';

/** True while any kiosk dialog is open (a native view must not be drawn over it). */
export function useOverlayOpen(): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const check = (): void => {
      setOpen(document.querySelector('dialog[open]') !== null);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
    check();
    return () => {
      observer.disconnect();
    };
  }, []);
  return open;
}
