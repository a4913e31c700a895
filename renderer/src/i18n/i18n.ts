import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageInfo, uiLanguages, type UiLanguage } from '#shared/i18n/languages';
import ar from './locales/ar.json';
import deLs from './locales/de-x-ls.json';
import de from './locales/de.json';
import en from './locales/en.json';
import fa from './locales/fa.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';
import uk from './locales/uk.json';

/** Every UI language; the type check fails when a language lacks a key of the German texts. */
export const resources = {
  de: { translation: de },
  'de-x-ls': { translation: deLs },
  en: { translation: en },
  ar: { translation: ar },
  uk: { translation: uk },
  ru: { translation: ru },
  tr: { translation: tr },
  fa: { translation: fa },
} as const satisfies Record<UiLanguage, { translation: typeof de }>;

/** Starts i18next in German (the default) before the terminal's config is known. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: 'de',
    fallbackLng: 'de',
    supportedLngs: [...uiLanguages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switches the UI language and the document's `lang` and `dir`. */
export async function applyLanguage(language: UiLanguage): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = languageInfo[language].dir;
  document.title = i18next.t('common.title');
}
