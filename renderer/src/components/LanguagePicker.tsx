import { startTransition, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageInfo, type UiLanguage } from '#shared/i18n/languages';
import { applyLanguage } from '../i18n/i18n';
import { useEffectiveLanguage } from '../i18n/useEffectiveLanguage';
import { usePreferencesStore } from '../state/preferencesStore';
import { useSessionStore } from '../state/sessionStore';
import { useTerminalStore } from '../state/terminalStore';
import { afterNextPaint } from './afterNextPaint';
import { KioskDialog } from './KioskDialog';

/** Every offered language as a large button, named in its own script with its own `lang` and `dir`. */
function LanguageGrid({ onChosen }: { readonly onChosen?: (language: UiLanguage) => void }) {
  const { t } = useTranslation();
  const offered = useTerminalStore((s) => s.bootstrap?.languages.offered ?? []);
  const current = useEffectiveLanguage();
  const chooseLanguage = usePreferencesStore((s) => s.chooseLanguage);
  return (
    <nav className="language-grid" aria-label={t('language.label')}>
      <ul>
        {offered.map((language) => (
          <li key={language}>
            <button
              type="button"
              className="button button--language"
              lang={language}
              dir={languageInfo[language].dir}
              aria-pressed={language === current}
              data-language={language}
              onClick={() => {
                const session = useSessionStore.getState().snapshot?.sessionId ?? null;
                // The whole kiosk is drawn again in the new language: after the tap is on screen.
                afterNextPaint(() => {
                  // A choice made as the session ended (the idle countdown's last moment) belongs to nobody now.
                  const now = useSessionStore.getState().snapshot;
                  if (now?.state === 'resetting' || (now?.sessionId ?? null) !== session) return;
                  chooseLanguage(language);
                  // The texts switch at once too, so the kiosk is drawn once in the new language, not twice.
                  void applyLanguage(language);
                  onChosen?.(language);
                });
              }}
            >
              {languageInfo[language].nativeName}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The language menu opened from the top bar. */
function LanguageMenu({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <KioskDialog screen="language-menu" title={t('language.label')} className="language-menu" onCancel={onClose}>
      <LanguageGrid onChosen={onClose} />
      <button type="button" className="button button--secondary language-menu__close" data-action="close-languages" onClick={onClose}>
        {t('language.close')}
      </button>
    </KioskDialog>
  );
}

/** A globe: the sign for "language" that does not depend on reading any one language. */
function GlobeIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <ellipse cx="12" cy="12" rx="4.5" ry="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M2 12h20M4 7h16M4 17h16" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * The language switch on every screen. `large` shows every language at once (attract, end,
 * idle warning); `bar` is one button in the top bar that opens the same choice as a menu.
 */
export function LanguagePicker({ onChosen, variant = 'bar' }: { readonly onChosen?: (language: UiLanguage) => void; readonly variant?: 'bar' | 'large' }) {
  const offered = useTerminalStore((s) => s.bootstrap?.languages.offered ?? []);
  const current = useEffectiveLanguage();
  const [open, setOpen] = useState(false);
  if (offered.length < 2) return null;
  if (variant === 'large') return <LanguageGrid onChosen={onChosen} />;
  return (
    <>
      <button
        type="button"
        className="button button--language-menu"
        data-action="open-languages"
        aria-haspopup="dialog"
        onClick={() => {
          // A transition: the tap is answered on screen before the menu is built and made modal.
          startTransition(() => {
            setOpen(true);
          });
        }}
      >
        <GlobeIcon />
        <span lang={current} dir={languageInfo[current].dir}>
          {languageInfo[current].nativeName}
        </span>
      </button>
      {open && (
        <LanguageMenu
          onClose={() => {
            startTransition(() => {
              setOpen(false);
            });
          }}
        />
      )}
    </>
  );
}
