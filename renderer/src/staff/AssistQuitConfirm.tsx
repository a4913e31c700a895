import { useTranslation } from 'react-i18next';
import { KioskDialog } from '../components/KioskDialog';
import { runStaffAction } from './staffActions';
import { useStaffStore } from './staffStore';

/** The second question before the kiosk quits to the operating system; "no" is the safe way out (and Escape). */
export function AssistQuitConfirm() {
  const { t, i18n } = useTranslation('staff');
  const cancelQuit = useStaffStore((s) => s.cancelQuit);
  return (
    <KioskDialog
      screen="assist-confirm"
      title={t('assist.quit.title')}
      className="assist-confirm"
      describedBy="assist-confirm-text"
      lang={i18n.language}
      dir="ltr"
      quiet
      onCancel={cancelQuit}
    >
      <p id="assist-confirm-text">{t('assist.quit.text')}</p>
      <div className="kiosk-dialog__actions">
        <button type="button" className="button button--primary" data-action="cancel-quit" onClick={cancelQuit}>
          {t('assist.quit.no')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-action="confirm-quit"
          onClick={() => {
            cancelQuit();
            void runStaffAction('quit-app', true);
          }}
        >
          {t('assist.quit.yes')}
        </button>
      </div>
    </KioskDialog>
  );
}
