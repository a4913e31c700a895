import type { LocalizedText } from '#shared/content/contentPack';
import { receiptSchema, type Receipt, type ReceiptBlock } from '#shared/devices/receipt';
import type { UiLanguage } from '#shared/i18n/languages';
import { fail, ok, type Result } from '#shared/result';
import { berlinTime } from './berlinTime';
import { ticketCode, type Ticket } from './ticketCounter';

/**
 * The printed queue ticket. Fixed texts come translated from the caller (the UI's locale files),
 * so core holds no translations; the pack's texts are picked here, German when the language has
 * none.
 */

/** The ticket's fixed texts, already in the citizen's language. */
export interface TicketReceiptLabels {
  /** Above the number, e.g. "Ihre Wartenummer". */
  readonly heading: string;
  /** Before the date and time, e.g. "Gezogen am". */
  readonly drawnAt: string;
  /** Before the waiting count; it should say what is counted, e.g. "In der letzten Stunde vor Ihnen gezogen". */
  readonly waitingBefore: string;
  /** A closing note for every ticket, e.g. "Bitte achten Sie auf den Aufruf am Bildschirm." */
  readonly notice?: string;
}

/** The category as the ticket shows it (a queue category of the content pack). */
export interface TicketReceiptCategory {
  readonly name: LocalizedText;
  readonly note?: LocalizedText;
}

export interface TicketReceiptOptions {
  readonly language: UiLanguage;
  readonly labels: TicketReceiptLabels;
}

/** Longest text of one note on the slip: a ticket is no place for a page of text. */
const maxNoteChars = 400;
/** Lines per note, so a note full of line breaks cannot use up the receipt's 60 blocks. */
const maxNoteLines = 8;
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const controlChars = /[\u0000-\u001F\u007F]+/g;

/** The receipt of a ticket: big number, category, date and time, waiting count, notes. */
export function ticketReceipt(ticket: Ticket, category: TicketReceiptCategory, options: TicketReceiptOptions): Result<Receipt> {
  const { labels, language } = options;
  const blocks: ReceiptBlock[] = [
    { type: 'text', text: oneLine(labels.heading), align: 'center' },
    { type: 'text', text: ticketCode(ticket), size: 'huge', bold: true, align: 'center' },
    { type: 'text', text: oneLine(pick(category.name, language)), size: 'large', bold: true, align: 'center' },
    { type: 'rule' },
    { type: 'text', text: `${oneLine(labels.drawnAt)} ${berlinDateTime(new Date(ticket.drawnAt))}` },
    { type: 'text', text: `${oneLine(labels.waitingBefore)}: ${ticket.waitingBefore}` },
  ];
  const notes = [category.note ? pick(category.note, language) : undefined, labels.notice].filter((note): note is string => note !== undefined);
  for (const note of notes) {
    blocks.push({ type: 'feed', lines: 1 }, ...noteLines(note).map((text): ReceiptBlock => ({ type: 'text', text })));
  }
  const parsed = receiptSchema.safeParse({ blocks });
  if (!parsed.success) return fail('internal', `ticket receipt does not fit: ${parsed.error.issues[0]?.message ?? 'unknown issue'}`);
  return ok(parsed.data);
}

/** Date and time in Berlin as printed on the ticket, e.g. "17.03.2026 09:41" (the same in every language). */
export function berlinDateTime(at: Date): string {
  const t = berlinTime(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(t.day)}.${two(t.month)}.${t.year} ${two(t.hour)}:${two(t.minute)}`;
}

function pick(text: LocalizedText, language: UiLanguage): string {
  return text[language] ?? text.de;
}

/** Control characters could carry printer commands; a label is one line. */
function oneLine(text: string): string {
  return clip(text.replace(controlChars, ' ').trim(), maxNoteChars);
}

/** A note keeps its line breaks as separate lines, within the caps. */
function noteLines(note: string): string[] {
  return clip(note, maxNoteChars)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(controlChars, ' ').trim())
    .filter((line) => line !== '')
    .slice(0, maxNoteLines);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
