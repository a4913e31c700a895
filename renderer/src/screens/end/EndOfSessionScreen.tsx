import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { languageInfo } from '#shared/i18n/languages';
import type { ResetReason } from '#shared/session/sessionState';
import { AccessibilityButton } from '../../accessibility/AccessibilityButton';
import { LanguagePicker } from '../../components/LanguagePicker';
import { ScreenHeading } from '../../components/ScreenHeading';
import { invoke } from '../../kiosk/invoke';
import { useSessionStore } from '../../state/sessionStore';

/** How long the goodbye stays before the attract loop returns. */
const farewellMs = 8000;

/**
 * Why the session ended. After a staff reset the citizen did nothing themselves, so the screen says
 * a staff member restarted the terminal, in the terminal's language and (when they used another one)
 * in the citizen's language as well: the rest of the screen is back in the terminal's language.
 */
function EndReason({ reason }: { readonly reason: ResetReason }) {
  const { t, i18n } = useTranslation();
  const citizenLanguage = useSessionStore((s) => s.farewellLanguage);
  if (reason === 'idle') return <p className="end__message">{t('end.endedIdle')}</p>;
  if (reason !== 'staff') return <p className="end__message">{t('end.ended')}</p>;
  return (
    <>
      <p className="end__message" data-end-reason="staff">
        {t('end.endedStaff')}
      </p>
      {citizenLanguage !== null && citizenLanguage !== i18n.language && (
        <p className="end__message" lang={citizenLanguage} dir={languageInfo[citizenLanguage].dir} data-end-reason-language={citizenLanguage}>
          {i18n.getFixedT(citizenLanguage)('end.endedStaff')}
        </p>
      )}
    </>
  );
}

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
      <EndReason reason={reason} />
      <p className="end__message end__message--strong">{t('end.deleted')}</p>
      <button type="button" className="button button--primary button--wide" data-action="start-again" onClick={start}>
        {t('end.startAgain')}
      </button>
      <LanguagePicker variant="large" onChosen={start} />
      <AccessibilityButton />
    </main>
  );
}
