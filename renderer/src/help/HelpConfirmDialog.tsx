import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { afterNextPaint } from '../components/afterNextPaint';
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

  /** Closing the modal dialog redraws the whole page: after the tap is on screen. */
  const closeAfterTap = (): void => {
    afterNextPaint(close);
  };
  const answered = useRef(false);
  const call = (): void => {
    // One call per question, however often "yes" is tapped before the dialog has closed.
    if (answered.current) return;
    answered.current = true;
    // Still inside the tap: the browser lets sound start now, and the chime follows the call.
    if (chimeOn) primeChime();
    void invoke('help.request', { screen, language }).then((view) => {
      if (view !== null) setView(view);
    });
    closeAfterTap();
  };

  return (
    <KioskDialog screen="help-confirm" title={t('help.confirm.title')} className="help-confirm" describedBy="help-confirm-text" onCancel={closeAfterTap}>
      <p id="help-confirm-text">{t('help.confirm.text')}</p>
      <div className="kiosk-dialog__actions help-confirm__actions">
        <button ref={yes} type="button" className="button button--primary" data-action="confirm-help" onClick={call}>
          {t('help.confirm.yes')}
        </button>
        <button type="button" className="button button--secondary" data-action="cancel-help-question" onClick={closeAfterTap}>
          {t('help.confirm.no')}
        </button>
      </div>
    </KioskDialog>
  );
}
