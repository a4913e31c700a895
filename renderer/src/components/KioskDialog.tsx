import type { ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

/**
 * A modal dialog of the kiosk (idle warning, language menu, display settings, help, staff screens):
 * a native <dialog> opened as modal, named by its heading, registered as a screen, and closed by
 * Escape through `onCancel` instead of silently. Staff screens are in German or English whatever
 * the citizen's language (`lang`, `dir`) and are never read aloud (`quiet`): the PIN pad must not
 * be heard by anyone standing near.
 */
export function KioskDialog(props: {
  readonly screen: string;
  readonly title: string;
  readonly onCancel: () => void;
  readonly className: string;
  readonly describedBy?: string;
  readonly lang?: string;
  readonly dir?: 'ltr' | 'rtl';
  readonly quiet?: boolean;
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
      lang={props.lang}
      dir={props.dir}
      data-speech={props.quiet === true ? 'off' : undefined}
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
