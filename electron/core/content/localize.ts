import type { LocalizedText } from '#shared/content/contentPack';
import type { ShownText } from '#shared/contract/contentContract';
import type { UiLanguage } from '#shared/i18n/languages';

/**
 * A pack text in the citizen's language where the pack has it; Leichte Sprache falls back to
 * German, every other language to English, then German. `lang` tells the UI which it got.
 */
export function localize(text: LocalizedText, language: UiLanguage): ShownText {
  const own = text[language];
  if (own !== undefined) return { text: own, lang: language };
  if (language !== 'de-x-ls' && language !== 'de' && text.en !== undefined) return { text: text.en, lang: 'en' };
  return { text: text.de, lang: 'de' };
}

/** `localize` for optional texts. */
export function localizeOptional(text: LocalizedText | undefined, language: UiLanguage): ShownText | null {
  return text === undefined ? null : localize(text, language);
}
