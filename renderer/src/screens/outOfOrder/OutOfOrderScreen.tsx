import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { languageInfo } from '#shared/i18n/languages';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSessionStore } from '../../state/sessionStore';
import { useTerminalStore } from '../../state/terminalStore';

/** A location pin: "go there", understood without reading. */
function PlaceIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
      <path d="M12 22s7-6.5 7-12a7 7 0 0 0-14 0c0 5.5 7 12 7 12z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <circle cx="12" cy="10" r="2.5" fill="currentColor" />
    </svg>
  );
}

/**
 * Shown instead of every other screen while staff have put the terminal out of order. Calm, and
 * readable by someone who just walked up, whatever their language: the message in the terminal's
 * language first, then the same sentence in every other language it offers (each in its own
 * script and direction), so nobody has to find a language button first. Where to go, if the
 * config names a place. The help button stays below, and staff still reach assist mode.
 */
export function OutOfOrderScreen({ place }: { readonly place: string | null }) {
  const { t, i18n } = useTranslation();
  const offered = useTerminalStore((s) => s.bootstrap?.languages.offered ?? []);
  const others = offered.filter((language) => language !== i18n.language);
  // This screen replaces the goodbye of a session that just ended: switched off again later, the
  // terminal is back on attract, not on that goodbye.
  const clearFarewell = useSessionStore((s) => s.clearFarewell);
  useEffect(() => {
    clearFarewell();
  }, [clearFarewell]);
  return (
    <main className="screen screen--out-of-order" data-screen="out-of-order">
      <div className="out-of-order__main">
        <ScreenHeading>{t('outOfOrder.title')}</ScreenHeading>
        <p className="out-of-order__text">{t('outOfOrder.text')}</p>
        {place !== null && (
          <p className="out-of-order__place" data-place="">
            <PlaceIcon />
            {/* Isolated: the place is written in German, inside a sentence that may run right to left. */}
            <span>{t('outOfOrder.place', { place: `\u2068${place}\u2069` })}</span>
          </p>
        )}
      </div>
      {others.length > 0 && (
        <ul className="out-of-order__languages">
          {others.map((language) => (
            <li key={language} lang={language} dir={languageInfo[language].dir}>
              {i18n.getFixedT(language)('outOfOrder.text')}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
