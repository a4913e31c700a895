import type { ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

/**
 * A modal dialog of the kiosk (idle warning, language menu, display settings, device status):
 * a native <dialog> opened as modal, named by its heading, registered as a screen, and closed by
 * Escape through `onCancel` instead of silently.
 */
export function KioskDialog(props: {
  readonly screen: string;
  readonly title: string;
  readonly onCancel: () => void;
  readonly className: string;
  readonly describedBy?: string;
  readonly children: ReactNode;
}) {
  const dialog = useModalDialog();
  const titleId = `${props.screen}-title`;
  return (
    <dialog
      ref={dialog}
      className={`kiosk-dialog ${props.className}`}
      data-screen={props.screen}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
