import { useTranslation } from 'react-i18next';
import { languageInfo, type UiLanguage } from '../../../shared/i18n/languages';
import { useEffectiveLanguage } from '../i18n/useEffectiveLanguage';
import { usePreferencesStore } from '../state/preferencesStore';
import { useTerminalStore } from '../state/terminalStore';

/** The language switch on every screen: each language named in its own script, with its `lang`. */
export function LanguagePicker({ onChosen, variant = 'bar' }: { readonly onChosen?: (language: UiLanguage) => void; readonly variant?: 'bar' | 'large' }) {
  const { t } = useTranslation();
  const offered = useTerminalStore((s) => s.bootstrap?.languages.offered ?? []);
  const current = useEffectiveLanguage();
  const chooseLanguage = usePreferencesStore((s) => s.chooseLanguage);
  if (offered.length < 2) return null;
  return (
    <nav className={`language-picker language-picker--${variant}`} aria-label={t('language.label')}>
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
                chooseLanguage(language);
                onChosen?.(language);
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
