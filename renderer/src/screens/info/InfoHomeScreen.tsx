import { useTranslation } from 'react-i18next';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';
import { FallbackNotice, Shown } from '../../info/Shown';
import { useContent } from '../../info/useContent';
import { OpeningNote } from './OpeningNote';
import { useInfoNavigation } from './infoScreenNavigation';
import { InfoLayout } from './InfoLayout';

function SearchIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="M15 15l6 6" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

/** Home of the lobby information terminal (role `info`): search, topics, queue ticket. */
export function InfoHomeScreen() {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const { go } = useInfoNavigation();
  const home = useContent('content.home', { language });
  const value = home.phase === 'ready' ? home.value : null;
  return (
    <InfoLayout screen="home-info" title={t('roles.info')}>
      <p className="info__intro">{t('info.intro')}</p>
      {value && !value.available && <p className="message message--warning">{t('errors.unavailable')}</p>}
      {value?.available && (
        <>
          <button
            type="button"
            className="button button--primary button--wide info__search"
            data-action="open-search"
            onClick={() => go({ screen: 'info-search' })}
          >
            <SearchIcon />
            <span>{t('info.search.open')}</span>
          </button>
          <h2>{t('info.topics')}</h2>
          <FallbackNotice texts={value.topics.map((topic) => topic.name)} />
          <ul className="tile-grid">
            {value.topics.map((topic) => (
              <li key={topic.id}>
                <button type="button" className="tile" data-topic={topic.id} onClick={() => go({ screen: 'info-topic', topicId: topic.id })}>
                  <Shown text={topic.name} />
                </button>
              </li>
            ))}
          </ul>
          <h2>{t('info.queue.title')}</h2>
          <OpeningNote opening={value.opening} />
          {value.opening.open && value.queue.length > 0 && (
            <button type="button" className="button button--secondary button--wide" data-action="open-queue" onClick={() => go({ screen: 'info-queue' })}>
              {t('info.queue.open')}
            </button>
          )}
          {value.sampleData && <p className="info__sample">{t('info.sampleData')}</p>}
        </>
      )}
    </InfoLayout>
  );
}
