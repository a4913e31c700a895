import { useTranslation } from 'react-i18next';
import { AccessibilityButton } from '../../accessibility/AccessibilityButton';
import { LanguagePicker } from '../../components/LanguagePicker';
import { invoke } from '../../kiosk/invoke';
import { useTerminalStore } from '../../state/terminalStore';

function startSession(): void {
  void invoke('session.start', {});
}

/** The idle loop: inviting, holds no data. A tap anywhere on the big button or a language starts a session. */
export function AttractScreen() {
  const { t } = useTranslation();
  const site = useTerminalStore((s) => s.bootstrap?.terminal.site ?? '');
  return (
    <main className="screen screen--attract" data-screen="attract">
      <button type="button" className="attract__start" data-action="start-session" onClick={startSession}>
        <span className="attract__site">{site}</span>
        <span className="attract__welcome">{t('attract.welcome')}</span>
        <span className="attract__cta">{t('attract.start')}</span>
      </button>
      <LanguagePicker variant="large" onChosen={startSession} />
      <div className="attract__footer">
        <p className="attract__privacy">{t('attract.privacy')}</p>
        <AccessibilityButton className="button--on-dark" />
      </div>
    </main>
  );
}
