import { lazy, startTransition, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Shown } from '../../info/Shown';
import { kioskApi } from '../../kiosk/kioskApi';
import { PortalSurfaceView } from '../../portal/PortalSurfaceView';
import type { OnScreenKeyPress } from '../../onScreenKeyboard/keyPress';
import { usePortalStore } from '../../state/portalStore';
import { PortalFileDialog, PortalHelpDialog, PortalPageDialog } from './PortalDialogs';
import { PortalMessages } from './PortalMessages';
import { PortalBlockedPage, PortalErrorPage } from './PortalPages';
import { PortalToolbar } from './PortalToolbar';

const OnScreenKeyboard = lazy(() => import('../../onScreenKeyboard/OnScreenKeyboard').then((m) => ({ default: m.OnScreenKeyboard })));

/** A key of the on-screen keyboard, to the portal page (one function for good, so the keyboard is not drawn again with every change of the view). */
function typeIntoPortal(press: OnScreenKeyPress): void {
  const api = kioskApi();
  if ('text' in press) void api?.invoke('portal.type', { text: press.text });
  else if (press.special === 'backspace') void api?.invoke('portal.key', { key: 'Backspace' });
  else if (press.special === 'enter') void api?.invoke('portal.key', { key: 'Enter' });
  else usePortalStore.getState().hideKeyboard();
}

/** The open online service: the kiosk's toolbar, the portal page (or the kiosk's own page in its place), messages and the keyboard. */
export function PortalScreen() {
  const { t } = useTranslation();
  const view = usePortalStore((s) => s.view);
  const tile = usePortalStore((s) => s.tile);
  const keyboardHidden = usePortalStore((s) => s.keyboardHidden);
  const [helpOpen, setHelpOpen] = useState(false);
  const screen = useRef<HTMLDivElement>(null);
  if (view === null) return null;
  const title = tile === null ? t('portal.start.title') : tile.label.text;
  const covered = view.blocked !== null || view.error !== null;
  const keyboardKind = view.focus === 'none' || view.focus === 'nothing' || covered || keyboardHidden ? null : view.focus;
  return (
    <div ref={screen} className="screen screen--portal" data-screen="portal">
      <PortalToolbar
        onHelp={() => {
          // A transition: the tap is answered on screen before the dialog is built and made modal.
          startTransition(() => {
            setHelpOpen(true);
          });
        }}
      />
      <main className="portal">
        <div className="portal-status">
          <h1 className="portal-status__title">{tile === null ? title : <Shown text={tile.label} />}</h1>
          <p className="portal-loading" role="status" data-portal-loading={view.loading ? '' : undefined}>
            {view.loading && (
              <>
                <span className="portal-loading__bar" aria-hidden="true" />
                <span>{t('portal.loading')}</span>
              </>
            )}
          </p>
        </div>
        <PortalMessages />
        {view.blocked !== null ? (
          <PortalBlockedPage blocked={view.blocked} />
        ) : view.error !== null ? (
          <PortalErrorPage error={view.error} />
        ) : (
          <PortalSurfaceView
            label={t('portal.view', { name: title })}
            hint={t('portal.viewHint')}
            onLeave={() => {
              screen.current?.querySelector<HTMLElement>('[data-action="portal-services"]')?.focus();
            }}
          />
        )}
        {keyboardKind !== null && (
          <Suspense fallback={null}>
            <OnScreenKeyboard kind={keyboardKind} onKey={typeIntoPortal} />
          </Suspense>
        )}
      </main>
      {view.dialog !== null && <PortalPageDialog key={view.dialog.id} dialog={view.dialog} />}
      {view.fileChooser !== null && <PortalFileDialog chooser={view.fileChooser} />}
      {helpOpen && (
        <PortalHelpDialog
          onClose={() => {
            startTransition(() => {
              setHelpOpen(false);
            });
          }}
        />
      )}
    </div>
  );
}
