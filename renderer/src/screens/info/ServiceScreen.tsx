import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '#shared/i18n/languages';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';
import { slipLabelsFor } from '../../info/printLabels';
import { FallbackNotice, Shown } from '../../info/Shown';
import { useContent } from '../../info/useContent';
import { invoke } from '../../kiosk/invoke';
import { PrintFeedback } from '../../print/PrintFeedback';
import { trackPrint } from '../../print/printReceipt';
import { usePrintStore } from '../../state/printStore';
import { useInfoNavigation } from './infoScreenNavigation';
import { InfoLayout } from './InfoLayout';

// The QR encoder loads with the first service shown, not with the kiosk.
const QrCode = lazy(() => import('../../info/QrCode').then((m) => ({ default: m.QrCode })));

/**
 * "Print a slip" and what became of it. Kept apart so the tap and the print's progress redraw the
 * button and its feedback, not the whole service page with its checklist and QR code.
 */
function PrintSlip({ language, serviceId }: { readonly language: UiLanguage; readonly serviceId: string }) {
  const { t } = useTranslation();
  const printing = usePrintStore((s) => s.status.phase === 'printing');
  const printSlip = (): Promise<void> =>
    trackPrint(async () => (await invoke('content.printSlip', { language, serviceId, ...slipLabelsFor(language) }))?.print ?? null);
  return (
    <>
      <button type="button" className="button button--secondary" data-action="print-slip" disabled={printing} onClick={() => void printSlip()}>
        {t('info.service.printSlip')}
      </button>
      <PrintFeedback showReason />
    </>
  );
}

/** Everything about one service: what it is, what to bring, costs, where, and what to take away. */
export function ServiceScreen({ serviceId }: { readonly serviceId: string }) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const { go } = useInfoNavigation();
  const detail = useContent('content.service', { language, serviceId });
  useEffect(() => {
    // The feedback belongs to this service's slip, not to one printed on another screen.
    usePrintStore.getState().setStatus({ phase: 'idle' });
  }, [serviceId]);
  const service = detail.phase === 'ready' ? detail.value : null;
  const link = service?.onlineUrl ?? service?.appointmentUrl ?? null;

  return (
    <InfoLayout screen="info-service" title={service?.name.text ?? t('common.loading')} titleLang={service?.name.lang}>
      {service && (
        <div className="service">
          <FallbackNotice texts={[service.name, service.summary, ...service.bring, service.fees, service.advice]} />
          {service.summary && (
            <p className="service__summary">
              <Shown text={service.summary} />
            </p>
          )}
          {service.advice && (
            <p className="service__advice">
              <Shown text={service.advice} />
            </p>
          )}
          {service.bring.length > 0 && (
            <section className="service__section" aria-labelledby="service-bring">
              <h2 id="service-bring">{t('info.service.bring')}</h2>
              <ul className="checklist">
                {service.bring.map((item) => (
                  <li key={item.text}>
                    <Shown text={item} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <dl className="facts">
            {service.fees && (
              <div>
                <dt>{t('info.service.fees')}</dt>
                <dd>
                  <Shown text={service.fees} />
                </dd>
              </div>
            )}
            {service.durationMinutes !== null && (
              <div>
                <dt>{t('info.service.duration')}</dt>
                <dd>{t('info.service.minutes', { count: service.durationMinutes })}</dd>
              </div>
            )}
            {service.appointment && (
              <div>
                <dt>{t('info.service.appointment')}</dt>
                <dd>{t(`info.service.appointments.${service.appointment}`)}</dd>
              </div>
            )}
            {service.department && (
              <div>
                <dt>{t('info.service.department')}</dt>
                <dd>
                  <Shown text={service.department} />
                </dd>
              </div>
            )}
          </dl>
          {service.place && (
            <section className="service__section" aria-labelledby="service-place">
              <h2 id="service-place">{t('info.service.where')}</h2>
              <p className="service__room">
                {t('info.service.room', { number: service.place.room.number })} · <Shown text={service.place.room.name} /> ·{' '}
                <Shown text={service.place.floor.name} />
              </p>
              <button type="button" className="button button--primary" data-action="show-way" onClick={() => go({ screen: 'info-wayfinding', serviceId })}>
                {t('info.service.showWay')}
              </button>
            </section>
          )}
          <section className="service__section take-away" aria-labelledby="service-take-away">
            <h2 id="service-take-away">{t('info.service.takeAway')}</h2>
            {link && (
              <div className="take-away__qr">
                <Suspense fallback={null}>
                  <QrCode url={link} label={t('info.service.qrLabel')} />
                </Suspense>
                <p>{service.onlineUrl ? t('info.service.qrOnline') : t('info.service.qrAppointment')}</p>
              </div>
            )}
            <PrintSlip language={language} serviceId={serviceId} />
          </section>
        </div>
      )}
    </InfoLayout>
  );
}
