import { useTranslation } from 'react-i18next';
import { invoke } from '../../kiosk/invoke';
import { usePortalStore } from '../../state/portalStore';

function useDismiss(): (what: 'offer' | 'notice' | 'print') => void {
  const setView = usePortalStore((s) => s.setView);
  return (what) => {
    void invoke('portal.dismiss', { what }).then((view) => {
      if (view !== null) setView(view);
    });
  };
}

/**
 * Short messages below the portal page: a PDF the service offers for printing, how printing went,
 * and what the kiosk refused on the citizen's behalf. Announced politely to screen readers.
 */
export function PortalMessages() {
  const { t } = useTranslation();
  const view = usePortalStore((s) => s.view);
  const setView = usePortalStore((s) => s.setView);
  const dismiss = useDismiss();
  if (view === null) return null;
  const { offer, print, notice } = view;
  return (
    <div className="portal-messages" role="status" aria-live="polite">
      {offer !== null && (
        <div className="portal-message" data-portal-message="offer">
          <p>{t('portal.offer.text', { name: offer.name })}</p>
          <button
            type="button"
            className="button button--primary"
            data-action="portal-print-offer"
            disabled={print.status === 'printing'}
            onClick={() => {
              void invoke('portal.print', { what: 'offer' }).then((next) => {
                if (next !== null) setView(next);
              });
            }}
          >
            {t('portal.offer.print')}
          </button>
          <button type="button" className="button button--secondary" data-action="portal-dismiss-offer" onClick={() => dismiss('offer')}>
            {t('portal.close')}
          </button>
        </div>
      )}
      {print.status !== 'idle' && (
        <div className="portal-message" data-portal-message="print" data-print-status={print.status}>
          <p>
            {print.status === 'failed'
              ? t(`portal.print.failures.${print.reason}`)
              : print.status === 'printing'
                ? t('portal.print.printing')
                : t('portal.print.printed')}
          </p>
          {print.status !== 'printing' && (
            <button type="button" className="button button--secondary" data-action="portal-dismiss-print" onClick={() => dismiss('print')}>
              {t('portal.close')}
            </button>
          )}
        </div>
      )}
      {notice !== null && (
        <div className="portal-message" data-portal-message="notice" data-notice={notice}>
          <p>{t(`portal.notices.${notice}`)}</p>
          <button type="button" className="button button--secondary" data-action="portal-dismiss-notice" onClick={() => dismiss('notice')}>
            {t('portal.close')}
          </button>
        </div>
      )}
    </div>
  );
}
