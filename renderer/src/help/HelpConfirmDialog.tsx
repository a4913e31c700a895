import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskDialog } from '../components/KioskDialog';
import { useEffectiveLanguage } from '../i18n/useEffectiveLanguage';
import { invoke } from '../kiosk/invoke';
import { speak } from '../speech/speech';
import { useTerminalStore } from '../state/terminalStore';
import { primeChime } from './chimePlayer';
import { useHelpCallStore, useHelpConfirmStore } from './helpStore';

/** "Call a staff member?" — one short question, so a stray tap calls nobody. */
export function HelpConfirmDialog({ screen }: { readonly screen: string }) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const close = useHelpConfirmStore((s) => s.close);
  const setView = useHelpCallStore((s) => s.setView);
  const chimeOn = useTerminalStore((s) => s.bootstrap?.help.chime.enabled === true);
  const yes = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    yes.current?.focus();
    speak(`${t('help.confirm.title')} ${t('help.confirm.text')}`);
    // Said once when the question opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const call = (): void => {
    // Still inside the tap: the browser lets sound start now, and the chime follows the call.
    if (chimeOn) primeChime();
    close();
    void invoke('help.request', { screen, language }).then((view) => {
      if (view !== null) setView(view);
    });
  };

  return (
    <KioskDialog screen="help-confirm" title={t('help.confirm.title')} className="help-confirm" describedBy="help-confirm-text" onCancel={close}>
      <p id="help-confirm-text">{t('help.confirm.text')}</p>
      <div className="kiosk-dialog__actions help-confirm__actions">
        <button ref={yes} type="button" className="button button--primary" data-action="confirm-help" onClick={call}>
          {t('help.confirm.yes')}
        </button>
        <button type="button" className="button button--secondary" data-action="cancel-help-question" onClick={close}>
          {t('help.confirm.no')}
        </button>
      </div>
    </KioskDialog>
  );
}
