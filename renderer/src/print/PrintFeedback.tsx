import { useTranslation } from 'react-i18next';
import { usePrintStore } from '../state/printStore';

/** What the citizen needs to know about a print: printing, take your receipt, or use the QR code instead. */
export function PrintFeedback({ showReason = false }: { readonly showReason?: boolean }) {
  const { t } = useTranslation();
  const status = usePrintStore((s) => s.status);
  return (
    <div className={`print-feedback print-feedback--${status.phase}`} role="status" data-print-status={status.phase}>
      {status.phase === 'printing' && <p>{t('print.printing')}</p>}
      {status.phase === 'printed' && <p>{t('print.printed')}</p>}
      {status.phase === 'failed' && (
        <>
          <p>{t('print.failed')}</p>
          {showReason && <p className="print-feedback__reason">{t('print.failedReason', { reason: t(`print.reasons.${status.reason}`) })}</p>}
        </>
      )}
    </div>
  );
}
