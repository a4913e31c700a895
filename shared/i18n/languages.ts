/**
 * The languages the kiosk UI is translated into. A terminal may only offer languages from this
 * list, so a config can never switch on a language without translations.
 */
export const uiLanguages = ['de', 'en'] as const;

export type UiLanguage = (typeof uiLanguages)[number];

export interface LanguageInfo {
  /** The language's own name in its own script (shown in the language picker). */
  readonly nativeName: string;
  readonly dir: 'ltr' | 'rtl';
}

export const languageInfo: Readonly<Record<UiLanguage, LanguageInfo>> = {
  de: { nativeName: 'Deutsch', dir: 'ltr' },
  en: { nativeName: 'English', dir: 'ltr' },
};
