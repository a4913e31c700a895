import { useTranslation } from 'react-i18next';
import type { ShownText } from '#shared/contract/contentContract';
import { languageInfo, type UiLanguage } from '#shared/i18n/languages';
import { useEffectiveLanguage } from '../i18n/useEffectiveLanguage';

/**
 * A content text in the language it is written in: screen readers and speech follow `lang`, and
 * its own direction keeps a German text's punctuation in place on an Arabic screen.
 */
export function Shown({ text }: { readonly text: ShownText }) {
  const language = useEffectiveLanguage();
  return text.lang === language ? (
    <>{text.text}</>
  ) : (
    <span lang={text.lang} dir={languageInfo[text.lang].dir}>
      {text.text}
    </span>
  );
}

/**
 * One calm note per screen when some content texts are not in the citizen's language: which
 * language they are in instead.
 */
export function FallbackNotice({ texts }: { readonly texts: readonly (ShownText | null)[] }) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const others = [...new Set(texts.flatMap((text) => (text && text.lang !== language ? [text.lang] : [])))];
  if (others.length === 0) return null;
  if (language === 'de-x-ls') return <p className="fallback-notice">{t('info.fallback.easy')}</p>;
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const list = new Intl.ListFormat([language], { type: 'conjunction' }).format(others.map((lang: UiLanguage) => names.of(lang) ?? lang));
  return <p className="fallback-notice">{t('info.fallback.other', { languages: list })}</p>;
}
