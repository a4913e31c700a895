import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalView } from '#shared/contract/portalContract';
import { invoke } from '../../kiosk/invoke';
import { usePortalStore } from '../../state/portalStore';

const QrCode = lazy(() => import('../../info/QrCode').then((m) => ({ default: m.QrCode })));

function useCommand(): (command: 'back' | 'reload' | 'close' | 'home') => void {
  const setView = usePortalStore((s) => s.setView);
  return (command) => {
    void invoke('portal.command', { command }).then((view) => {
      if (view !== null) setView(view);
    });
  };
}

/** A code to scan with one's own phone, to open `url` there. */
function PhoneCode({ url, text }: { readonly url: string; readonly text: string }) {
  const { t } = useTranslation();
  return (
    <figure className="portal-page__qr">
      <Suspense fallback={null}>
        <QrCode url={url} label={t('portal.qrLabel')} />
      </Suspense>
      <figcaption>{text}</figcaption>
    </figure>
  );
}

/** The kiosk's page in place of a page that may not be opened here, with a QR code to open it on one's phone. */
export function PortalBlockedPage({ blocked }: { readonly blocked: NonNullable<PortalView['blocked']> }) {
  const { t } = useTranslation();
  const command = useCommand();
  const text = blocked.reason === 'eid' ? t('portal.blocked.eid') : blocked.reason === 'foreign-origin' ? t('portal.blocked.text') : t('portal.blocked.scheme');
  return (
    <section className="portal-page" data-screen="portal-blocked" aria-labelledby="portal-blocked-title">
      <h2 id="portal-blocked-title" className="portal-page__title">
        {t('portal.blocked.title')}
      </h2>
      <p>{text}</p>
      {blocked.url !== null && <PhoneCode url={blocked.url} text={t('portal.blocked.qr')} />}
      <div className="portal-page__actions">
        <button type="button" className="button button--primary" data-action="back" onClick={() => command('back')}>
          {t('portal.blocked.back')}
        </button>
      </div>
    </section>
  );
}

/** The kiosk's friendly page when a service cannot be reached, with retry and a QR code for later. */
export function PortalErrorPage({ error }: { readonly error: NonNullable<PortalView['error']> }) {
  const { t } = useTranslation();
  const command = useCommand();
  return (
    <section className="portal-page" data-screen="portal-error" aria-labelledby="portal-error-title">
      <h2 id="portal-error-title" className="portal-page__title">
        {t(`portal.error.kinds.${error.kind}`)}
      </h2>
      <p>{error.kind === 'certificate' ? t('portal.error.certificate') : t('portal.error.text')}</p>
      {error.kind !== 'certificate' && <PhoneCode url={error.url} text={t('portal.error.qr')} />}
      <div className="portal-page__actions">
        {error.kind !== 'certificate' && (
          <button type="button" className="button button--primary" data-action="portal-retry" onClick={() => command('reload')}>
            {t('portal.error.retry')}
          </button>
        )}
        <button type="button" className="button button--secondary" data-action="back" onClick={() => command('close')}>
          {t('portal.toolbar.services')}
        </button>
      </div>
    </section>
  );
}
