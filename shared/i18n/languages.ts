/**
 * The languages the kiosk UI is translated into (docs/architecture.md, "Accessibility and languages"). A terminal may only offer
 * languages from this list, so a config can never switch on a language without translations.
 * Leichte Sprache is German easy-to-read, its own language with the private-use tag `de-x-ls`.
 */
export const uiLanguages = ['de', 'de-x-ls', 'en', 'ar', 'uk', 'ru', 'tr', 'fa'] as const;

export type UiLanguage = (typeof uiLanguages)[number];

export interface LanguageInfo {
  /** The language's own name in its own script (shown in the language picker). */
  readonly nativeName: string;
  readonly dir: 'ltr' | 'rtl';
}

export const languageInfo: Readonly<Record<UiLanguage, LanguageInfo>> = {
  de: { nativeName: 'Deutsch', dir: 'ltr' },
  'de-x-ls': { nativeName: 'Leichte Sprache', dir: 'ltr' },
  en: { nativeName: 'English', dir: 'ltr' },
  ar: { nativeName: 'العربية', dir: 'rtl' },
  uk: { nativeName: 'Українська', dir: 'ltr' },
  ru: { nativeName: 'Русский', dir: 'ltr' },
  tr: { nativeName: 'Türkçe', dir: 'ltr' },
  fa: { nativeName: 'فارسی', dir: 'rtl' },
};
