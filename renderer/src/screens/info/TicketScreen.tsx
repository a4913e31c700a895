import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownText, Ticket } from '#shared/contract/contentContract';
import type { PrintResult } from '#shared/devices/receipt';
import { Shown } from '../../info/Shown';
import { useInfoNavigation } from './infoScreenNavigation';
import { InfoLayout } from './InfoLayout';

/** How long a printed ticket stays on screen before the terminal returns home by itself. */
const showPrintedMs = 30_000;

/** The number just drawn. When it printed, the screen goes home by itself after a while; when not, the number stays until the citizen leaves. */
export function TicketScreen({ ticket, category, print }: { readonly ticket: Ticket; readonly category: ShownText; readonly print: PrintResult }) {
  const { t } = useTranslation();
  const { home } = useInfoNavigation();
  const printed = print.status === 'printed';
  const failure = print.status === 'failed' ? t(`print.reasons.${print.reason}`) : '';
  useEffect(() => {
    if (!printed) return;
    const timer = setTimeout(home, showPrintedMs);
    return () => {
      clearTimeout(timer);
    };
  }, [printed, home]);
  return (
    <InfoLayout screen="info-ticket" title={t('info.ticket.title')}>
      <div className="ticket">
        <p className="ticket__number" data-ticket={ticket.code}>
          {ticket.code}
        </p>
        <p className="ticket__category">
          <Shown text={category} />
        </p>
        <p>{t('info.ticket.waiting', { count: ticket.waitingBefore })}</p>
        <p className="ticket__print" role="status">
          {printed ? t('info.ticket.printed') : t('info.ticket.notPrinted', { reason: failure })}
        </p>
        <button type="button" className="button button--primary button--wide" data-action="ticket-done" onClick={home}>
          {t('info.ticket.done')}
        </button>
      </div>
    </InfoLayout>
  );
}
