import { useTranslation } from 'react-i18next';

export interface EntryPoint {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/**
 * What this terminal will offer, as plain information (not buttons): the capabilities are added
 * by later work, and a button that does nothing would mislead a citizen.
 */
export function EntryPointList({ entries }: { readonly entries: readonly EntryPoint[] }) {
  const { t } = useTranslation();
  return (
    <section className="entry-points" aria-labelledby="entry-points-heading">
      <h2 id="entry-points-heading">{t('home.comingSoon')}</h2>
      <ul className="entry-points__list">
        {entries.map((entry) => (
          <li key={entry.id} className="entry-point" data-entry-point={entry.id}>
            <h3 className="entry-point__title">{entry.title}</h3>
            <p className="entry-point__text">{entry.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
