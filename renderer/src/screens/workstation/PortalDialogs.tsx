import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalView } from '#shared/contract/portalContract';
import { KioskDialog } from '../../components/KioskDialog';
import { invoke } from '../../kiosk/invoke';
import { usePortalStore } from '../../state/portalStore';

const OnScreenKeyboard = lazy(() => import('../../onScreenKeyboard/OnScreenKeyboard').then((m) => ({ default: m.OnScreenKeyboard })));

/** The page's alert, confirm or prompt, as a kiosk dialog (the browser's own would not fit the kiosk). */
export function PortalPageDialog({ dialog }: { readonly dialog: NonNullable<PortalView['dialog']> }) {
  const { t } = useTranslation();
  const setView = usePortalStore((s) => s.setView);
  const [text, setText] = useState(dialog.defaultValue);
  const answer = (accept: boolean): void => {
    void invoke('portal.answerDialog', { id: dialog.id, accept, ...(dialog.kind === 'prompt' && accept ? { text } : {}) }).then((view) => {
      if (view !== null) setView(view);
    });
  };
  const asks = dialog.kind !== 'alert';
  return (
    <KioskDialog
      screen="portal-dialog"
      title={dialog.kind === 'beforeunload' ? t('portal.dialog.leave') : t('portal.dialog.title')}
      className="portal-dialog"
      describedBy="portal-dialog-message"
      onCancel={() => {
        answer(false);
      }}
    >
      <p id="portal-dialog-message" className="portal-dialog__message">
        {dialog.message}
      </p>
      {dialog.kind === 'prompt' && (
        <>
          <label className="field">
            <span className="field__label">{t('portal.dialog.answer')}</span>
            <input
              className="field__input"
              value={text}
              maxLength={500}
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
          </label>
          <Suspense fallback={null}>
            <OnScreenKeyboard
              kind="text"
              onKey={(press) => {
                if ('text' in press) setText((value) => (value + press.text).slice(0, 500));
                else if (press.special === 'backspace') setText((value) => value.slice(0, -1));
                else if (press.special === 'enter') answer(true);
              }}
            />
          </Suspense>
        </>
      )}
      <div className="kiosk-dialog__actions">
        {asks && (
          <button type="button" className="button button--secondary" data-action="portal-dialog-cancel" onClick={() => answer(false)}>
            {t('portal.dialog.cancel')}
          </button>
        )}
        <button type="button" className="button button--primary" data-action="portal-dialog-ok" onClick={() => answer(true)}>
          {t('portal.dialog.ok')}
        </button>
      </div>
    </KioskDialog>
  );
}

/** A file chooser limited to the scan folder: the files in it as large buttons. */
export function PortalFileDialog({ chooser }: { readonly chooser: NonNullable<PortalView['fileChooser']> }) {
  const { t } = useTranslation();
  const setView = usePortalStore((s) => s.setView);
  const choose = (names: string[]): void => {
    void invoke('portal.chooseFiles', { id: chooser.id, names }).then((view) => {
      if (view !== null) setView(view);
    });
  };
  return (
    <KioskDialog screen="portal-files" title={t('portal.files.title')} className="portal-files" describedBy="portal-files-text" onCancel={() => choose([])}>
      <p id="portal-files-text">{chooser.files.length === 0 ? t('portal.files.none') : t('portal.files.text')}</p>
      <ul className="portal-files__list">
        {chooser.files.map((file) => (
          <li key={file.name}>
            <button type="button" className="button button--secondary portal-files__file" data-file={file.name} onClick={() => choose([file.name])}>
              {file.name}
            </button>
          </li>
        ))}
      </ul>
      <div className="kiosk-dialog__actions">
        <button type="button" className="button button--secondary" data-action="portal-files-cancel" onClick={() => choose([])}>
          {t('portal.dialog.cancel')}
        </button>
      </div>
    </KioskDialog>
  );
}

/** What the toolbar's buttons do and where to get a person's help. */
export function PortalHelpDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <KioskDialog screen="portal-help" title={t('portal.help.title')} className="portal-help" onCancel={onClose}>
      <ul className="portal-help__list">
        <li>{t('portal.help.services')}</li>
        <li>{t('portal.help.back')}</li>
        <li>{t('portal.help.print')}</li>
        <li>{t('portal.help.keyboard')}</li>
        <li>{t('portal.help.end')}</li>
      </ul>
      <p>{t('portal.help.staff')}</p>
      <div className="kiosk-dialog__actions">
        <button type="button" className="button button--primary" data-action="portal-help-close" onClick={onClose}>
          {t('portal.close')}
        </button>
      </div>
    </KioskDialog>
  );
}
