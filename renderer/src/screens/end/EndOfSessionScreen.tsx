import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResetReason } from '../../../../shared/session/sessionState';
import { AccessibilityButton } from '../../accessibility/AccessibilityButton';
import { LanguagePicker } from '../../components/LanguagePicker';
import { ScreenHeading } from '../../components/ScreenHeading';
import { invoke } from '../../kiosk/invoke';
import { useSessionStore } from '../../state/sessionStore';

/** How long the goodbye stays before the attract loop returns. */
const farewellMs = 8000;

/** Shown right after a session ended: confirms that everything was deleted. */
export function EndOfSessionScreen({ reason }: { readonly reason: ResetReason }) {
  const { t } = useTranslation();
  const clearFarewell = useSessionStore((s) => s.clearFarewell);
  useEffect(() => {
    const timer = window.setTimeout(clearFarewell, farewellMs);
    return () => {
      window.clearTimeout(timer);
    };
  }, [clearFarewell]);
  const start = () => void invoke('session.start', {});
  return (
    <main className="screen screen--end" data-screen="end-of-session" data-reason={reason}>
      <ScreenHeading>{t('end.title')}</ScreenHeading>
      <p className="end__message">{reason === 'idle' ? t('end.endedIdle') : t('end.ended')}</p>
      <p className="end__message end__message--strong">{t('end.deleted')}</p>
      <button type="button" className="button button--primary button--wide" data-action="start-again" onClick={start}>
        {t('end.startAgain')}
      </button>
      <LanguagePicker variant="large" onChosen={start} />
      <AccessibilityButton />
    </main>
  );
}
