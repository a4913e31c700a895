import { lazy, memo, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceSummary } from '#shared/contract/contentContract';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';
import { FallbackNotice } from '../../info/Shown';
import { applyKeyPress, type OnScreenKeyPress } from '../../onScreenKeyboard/keyPress';
import { useContent } from '../../info/useContent';
import { useInfoNavigationStore } from '../../state/infoNavigationStore';
import { InfoLayout } from './InfoLayout';
import { ServiceList } from './ServiceList';

// The on-screen keyboard and its layouts load with the first search, not with the kiosk.
const OnScreenKeyboard = lazy(() => import('../../onScreenKeyboard/OnScreenKeyboard').then((m) => ({ default: m.OnScreenKeyboard })));

/**
 * The hits as a list. Kept apart so a keystroke redraws only the field: the list is drawn again
 * when new hits arrive, not for every letter typed while they are on their way.
 */
const SearchHits = memo(function SearchHits({ hits }: { readonly hits: readonly ServiceSummary[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="search__count">{t('info.search.count', { count: hits.length })}</p>
      <FallbackNotice texts={hits.map((hit) => hit.name)} />
      <ServiceList services={hits} label={t('info.search.results')} />
    </>
  );
});

/** A key of the on-screen keyboard, typed at the end of the search text (one function for the screen's life, so the keyboard need not be drawn again). */
function typeOnScreenKey(press: OnScreenKeyPress): void {
  const { query, setQuery } = useInfoNavigationStore.getState();
  setQuery(applyKeyPress(query, press));
}

/** Search as you type, with the terminal's keyboard or the on-screen keyboard. */
export function SearchScreen() {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const query = useInfoNavigationStore((s) => s.query);
  const setQuery = useInfoNavigationStore((s) => s.setQuery);
  const trimmed = query.trim();
  const results = useContent('content.search', trimmed === '' ? null : { language, query: trimmed });
  const hits = trimmed !== '' && results.phase === 'ready' ? results.value.hits : null;
  return (
    <InfoLayout screen="info-search" title={t('info.search.title')}>
      <div className="search">
        <label className="search__label" htmlFor="service-search">
          {t('info.search.label')}
        </label>
        <input
          id="service-search"
          className="search__input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
        <Suspense fallback={null}>
          <OnScreenKeyboard kind="search" onKey={typeOnScreenKey} />
        </Suspense>
        <div className="search__results" aria-live="polite" data-results-for={results.phase === 'ready' && results.current ? trimmed : ''}>
          {trimmed === '' && <p className="search__hint">{t('info.search.hint')}</p>}
          {hits?.length === 0 && <p className="search__none">{t('info.search.none')}</p>}
          {hits && hits.length > 0 && <SearchHits hits={hits} />}
        </div>
      </div>
    </InfoLayout>
  );
}
