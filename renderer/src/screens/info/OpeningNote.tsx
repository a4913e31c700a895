import { useTranslation } from 'react-i18next';
import type { ContentHome } from '#shared/contract/contentContract';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';

/** Whether the Bürgerservice is open now, and when it opens next. */
export function OpeningNote({ opening }: { readonly opening: ContentHome['opening'] }) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  if (opening.open) return <p className="opening opening--open">{t('info.opening.open')}</p>;
  if (opening.nextOpening === null) return <p className="opening opening--closed">{t('info.opening.closed')}</p>;
  const when = new Intl.DateTimeFormat(language === 'de-x-ls' ? 'de' : language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(new Date(opening.nextOpening));
  return <p className="opening opening--closed">{t('info.opening.closedUntil', { when })}</p>;
}
