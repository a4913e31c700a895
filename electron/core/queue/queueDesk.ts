import { defaultCodePage } from '#shared/config/deviceConfig';
import type { ContentPack, LocalizedText } from '#shared/content/contentPack';
import type { Ticket as TicketAnswer, TicketLabels } from '#shared/contract/contentContract';
import type { PrintResult } from '#shared/devices/receipt';
import type { UiLanguage } from '#shared/i18n/languages';
import { fail, ok, type Result } from '#shared/result';
import { plainTypography, printOn, receiptInPrintableLanguage, type ReceiptPrinter } from '../devices/printer/receiptPrintable';
import type { Logger } from '../logging/logger';
import { isOpen } from './openingHours';
import { createTicketCounter, ticketCode, type Ticket, type TicketCounter } from './ticketCounter';
import { ticketReceipt } from './ticketReceipt';

/** A queue ticket request as the contract has it (`queue.draw`). */
export interface DrawRequest {
  readonly language: UiLanguage;
  readonly categoryId: string;
  readonly labels: TicketLabels;
  readonly germanLabels: TicketLabels;
}

/** What `queue.draw` answers: the number, and how printing it went. */
export interface DrawAnswer {
  readonly ticket: TicketAnswer;
  readonly print: PrintResult;
  readonly printedIn: UiLanguage;
}

export interface QueueDesk {
  /** Draws a number of a queue category and prints its ticket; the number stays drawn if printing fails. */
  draw(request: DrawRequest): Promise<Result<DrawAnswer>>;
}

export interface QueueDeskOptions {
  /** The content pack in use (null: none), asked at every draw so a reload takes effect at once. */
  readonly pack: () => ContentPack | null;
  /** The ticket counter's folder, `<dataDir>/queue`. */
  readonly dir: string;
  readonly now: () => Date;
  /** The receipt printer; null when the terminal has none. */
  readonly printer: ReceiptPrinter | null;
  readonly logger: Logger;
}

/** Draws queue tickets for the categories of the content pack in use and prints them. */
export function createQueueDesk(options: QueueDeskOptions): QueueDesk {
  const { logger } = options;
  // The counter knows its categories from creation; a pack reloaded with other ones gets a new
  // counter over the same file, so the numbers of unchanged categories go on.
  let counter: { readonly key: string; readonly counter: TicketCounter } | null = null;
  const counterFor = (pack: ContentPack): TicketCounter => {
    const key = pack.queueCategories.map((c) => `${c.id}:${c.prefix}`).join(',');
    if (counter?.key !== key) {
      counter = { key, counter: createTicketCounter({ dir: options.dir, categories: pack.queueCategories, now: options.now }) };
    }
    return counter.counter;
  };
  // Draws run one at a time here too: a counter replaced while its draw is still writing would
  // otherwise read the file before that write and hand out the same number again.
  let tail: Promise<unknown> = Promise.resolve();
  const drawSerialized = (pack: ContentPack, categoryId: string): Promise<Result<Ticket>> => {
    const run = tail.then(() => counterFor(pack).draw(categoryId));
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    draw: async (request) => {
      const pack = options.pack();
      if (!pack) return fail('unavailable', 'no content pack');
      const category = pack.queueCategories.find((c) => c.id === request.categoryId);
      if (!category) return fail('not-found', 'no such queue category');
      if (!isOpen(pack.openingHours, options.now())) return fail('closed', 'outside opening hours');

      const drawn = await drawSerialized(pack, category.id);
      if (!drawn.ok) {
        logger.error({ event: 'queue.draw-failed', code: drawn.error.code, detail: drawn.error.detail }, 'queue ticket not drawn');
        return drawn;
      }
      const ticket = drawn.value;
      const codePage = options.printer?.codePage ?? defaultCodePage.name;
      const plain = (text: string): string => plainTypography(text, codePage);
      const plainText = (text: LocalizedText): LocalizedText =>
        Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, plain(value)])) as LocalizedText;
      const built = receiptInPrintableLanguage(request.language, codePage, (language) => {
        const labels = language === request.language ? request.labels : request.germanLabels;
        return ticketReceipt(
          ticket,
          { name: plainText(category.name), ...(category.note ? { note: plainText(category.note) } : {}) },
          {
            language,
            labels: {
              heading: plain(labels.heading),
              drawnAt: plain(labels.drawnAt),
              waitingBefore: plain(labels.waitingBefore),
              notice: plain(labels.notice),
            },
          },
        );
      });
      const answer = { code: ticketCode(ticket), categoryId: ticket.categoryId, drawnAt: ticket.drawnAt, waitingBefore: ticket.waitingBefore };
      // The number is drawn: the screen shows it even when the ticket cannot be printed.
      if (!built.ok) {
        logger.error({ event: 'queue.ticket-unprintable', detail: built.error.detail }, 'queue ticket receipt not built');
        return ok({ ticket: answer, print: { status: 'failed', reason: 'write-failed' }, printedIn: request.language });
      }
      const print = await printOn(options.printer, built.value.receipt);
      // Outcomes only: which category and language a citizen chose is theirs.
      logger.info({ event: 'queue.ticket-drawn', printed: print.status === 'printed' }, 'queue ticket drawn');
      return ok({ ticket: answer, print, printedIn: built.value.printedIn });
    },
  };
}
