import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';
import { ticketLabelsFor } from '../../info/printLabels';
import { FallbackNotice, Shown } from '../../info/Shown';
import { useContent } from '../../info/useContent';
import { invoke } from '../../kiosk/invoke';
import { useInfoNavigationStore } from '../../state/infoNavigationStore';
import { InfoLayout } from './InfoLayout';
import { OpeningNote } from './OpeningNote';

/** The queue ticket: choose what you came for, get a number. */
export function QueueScreen() {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const replace = useInfoNavigationStore((s) => s.replace);
  const home = useContent('content.home', { language });
  const [drawing, setDrawing] = useState(false);
  const value = home.phase === 'ready' ? home.value : null;

  const draw = async (categoryId: string): Promise<void> => {
    setDrawing(true);
    const answer = await invoke('queue.draw', { language, categoryId, ...ticketLabelsFor(language) });
    setDrawing(false);
    const category = value?.queue.find((c) => c.id === categoryId);
    if (answer && category) replace({ screen: 'info-ticket', ticket: answer.ticket, category: category.name, print: answer.print });
  };

  return (
    <InfoLayout screen="info-queue" title={t('info.queue.title')}>
      {value && (
        <>
          <OpeningNote opening={value.opening} />
          {value.opening.open && (
            <>
              <p>{t('info.queue.choose')}</p>
              <FallbackNotice texts={value.queue.flatMap((c) => [c.name, c.note])} />
              <ul className="queue-categories">
                {value.queue.map((category) => (
                  <li key={category.id}>
                    <button type="button" className="queue-category" data-category={category.id} disabled={drawing} onClick={() => void draw(category.id)}>
                      <span className="queue-category__prefix" aria-hidden="true">
                        {category.prefix}
                      </span>
                      <span className="queue-category__text">
                        <span className="queue-category__name">
                          <Shown text={category.name} />
                        </span>
                        {category.note && (
                          <span className="queue-category__note">
                            <Shown text={category.note} />
                          </span>
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </InfoLayout>
  );
}
