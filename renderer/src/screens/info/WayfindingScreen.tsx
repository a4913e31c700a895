import { useTranslation } from 'react-i18next';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';
import { FallbackNotice, Shown } from '../../info/Shown';
import { useContent } from '../../info/useContent';
import { InfoLayout } from './InfoLayout';

/**
 * The way to the service's room: the floor plan with "you are here" and the room marked, and the
 * directions in words (which is what a blind visitor hears).
 */
export function WayfindingScreen({ serviceId }: { readonly serviceId: string }) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const detail = useContent('content.service', { language, serviceId });
  const place = detail.phase === 'ready' ? detail.value.place : null;
  const title = place ? t('info.way.title', { number: place.room.number }) : t('common.loading');
  return (
    <InfoLayout screen="info-wayfinding" title={title}>
      {place && (
        <div className="way">
          <FallbackNotice texts={[place.room.directions, place.room.name]} />
          <p className="way__directions" data-read-aloud={`${title}. ${place.room.directions.text}`}>
            <Shown text={place.room.directions} />
          </p>
          {place.here === null && <p className="way__floors">{t('info.way.otherFloor', { here: place.hereFloor.text, there: place.floor.name.text })}</p>}
          <figure className="way__plan">
            <div className="plan" style={{ aspectRatio: `${String(place.plan.width)} / ${String(place.plan.height)}` }}>
              <img className="plan__image" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(place.plan.svg)}`} alt="" />
              <svg className="plan__marks" viewBox={`0 0 ${String(place.plan.width)} ${String(place.plan.height)}`} aria-hidden="true" focusable="false">
                {place.here && (
                  <g className="plan__here" data-mark="here">
                    <circle cx={place.here.x} cy={place.here.y} r="22" />
                  </g>
                )}
                <g className="plan__target" data-mark="target">
                  <circle cx={place.room.at.x} cy={place.room.at.y} r="28" />
                  <circle cx={place.room.at.x} cy={place.room.at.y} r="10" />
                </g>
              </svg>
            </div>
            <figcaption>
              <span className="legend legend--here">{t('info.way.here')}</span>
              <span className="legend legend--target">
                {t('info.service.room', { number: place.room.number })} · <Shown text={place.room.name} /> · <Shown text={place.floor.name} />
              </span>
            </figcaption>
          </figure>
        </div>
      )}
    </InfoLayout>
  );
}
