import i18next, { type TFunction } from 'i18next';
import type { SlipLabels, TicketLabels } from '#shared/contract/contentContract';
import type { UiLanguage } from '#shared/i18n/languages';

function slipLabels(t: TFunction): SlipLabels {
  return {
    bring: t('info.slip.bring'),
    fees: t('info.slip.fees'),
    place: t('info.slip.place'),
    hours: t('info.slip.hours'),
    weekdays: [t('info.slip.mon'), t('info.slip.tue'), t('info.slip.wed'), t('info.slip.thu'), t('info.slip.fri'), t('info.slip.sat'), t('info.slip.sun')],
    closed: t('info.slip.closed'),
    online: t('info.slip.online'),
    appointment: t('info.slip.appointment'),
    sampleData: t('info.sampleData'),
  };
}

function ticketLabels(t: TFunction): TicketLabels {
  return {
    heading: t('info.ticket.printHeading'),
    drawnAt: t('info.ticket.drawnAt'),
    waitingBefore: t('info.ticket.waitingBefore'),
    notice: t('info.ticket.notice'),
  };
}

/** The slip's fixed texts in the citizen's language and in German (printed when the printer lacks the script). */
export function slipLabelsFor(language: UiLanguage): { labels: SlipLabels; germanLabels: SlipLabels } {
  return { labels: slipLabels(i18next.getFixedT(language)), germanLabels: slipLabels(i18next.getFixedT('de')) };
}

/** The ticket's fixed texts in the citizen's language and in German. */
export function ticketLabelsFor(language: UiLanguage): { labels: TicketLabels; germanLabels: TicketLabels } {
  return { labels: ticketLabels(i18next.getFixedT(language)), germanLabels: ticketLabels(i18next.getFixedT('de')) };
}
