import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '#core/devices/printer/escposReceiptEncoder';
import type { Ticket } from '#core/queue/ticketCounter';
import { berlinDateTime, ticketReceipt, type TicketReceiptLabels } from '#core/queue/ticketReceipt';
import { receiptSchema, type Receipt } from '#shared/devices/receipt';
import type { Result } from '#shared/result';

const ticket: Ticket = {
  categoryId: 'meldewesen',
  prefix: 'A',
  number: 17,
  date: '2026-03-17',
  drawnAt: '2026-03-17T08:41:30.000Z',
  waitingBefore: 4,
  waitingWindowMinutes: 60,
};

const labels: TicketReceiptLabels = {
  heading: 'Ihre Wartenummer',
  drawnAt: 'Gezogen am',
  waitingBefore: 'In der letzten Stunde vor Ihnen gezogen',
  notice: 'Bitte achten Sie auf den Aufruf.',
};

const category = {
  name: { de: 'Meldewesen', en: 'Registration' },
  note: { de: 'Bitte halten Sie Ihren Ausweis bereit.' },
};

function receipt(result: Result<Receipt>): Receipt {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function texts(r: Receipt): string[] {
  return r.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : []));
}

describe('ticket receipt', () => {
  it('shows the number huge, the category, date and time in Berlin, the waiting count and the notes', () => {
    const r = receipt(ticketReceipt(ticket, category, { language: 'de', labels }));
    expect(receiptSchema.safeParse(r).success).toBe(true);
    expect(r.blocks).toContainEqual({ type: 'text', text: 'A 17', size: 'huge', bold: true, align: 'center' });
    expect(texts(r)).toEqual([
      'Ihre Wartenummer',
      'A 17',
      'Meldewesen',
      'Gezogen am 17.03.2026 09:41',
      'In der letzten Stunde vor Ihnen gezogen: 4',
      'Bitte halten Sie Ihren Ausweis bereit.',
      'Bitte achten Sie auf den Aufruf.',
    ]);
  });

  it('takes the pack’s texts in the chosen language, German where there is none', () => {
    const r = receipt(ticketReceipt(ticket, category, { language: 'en', labels: { ...labels, heading: 'Your number' } }));
    expect(texts(r)).toContain('Registration');
    expect(texts(r)).toContain('Bitte halten Sie Ihren Ausweis bereit.');
    expect(texts(r)).toContain('Your number');
  });

  it('fits the schema with the longest texts a pack and labels can have, and strips control characters', () => {
    const long = 'x'.repeat(4000);
    const lines = Array.from({ length: 50 }, (_, i) => `Zeile ${i}`).join('\n');
    const r = receipt(
      ticketReceipt(
        { ...ticket, prefix: 'Z', number: 9999 },
        { name: { de: long }, note: { de: lines } },
        { language: 'de', labels: { heading: `a\u001b@b${long}`, drawnAt: long, waitingBefore: long, notice: long } },
      ),
    );
    expect(receiptSchema.safeParse(r).success).toBe(true);
    expect(texts(r).some((text) => text.includes('\u001b'))).toBe(false);
    expect(texts(r)[0]?.startsWith('a @b')).toBe(true);
    // The printer encoder takes it as it is.
    expect(encodeReceipt(r, { codePage: { name: 'cp858', escT: 19 }, columns: 42 }).length).toBeGreaterThan(0);
  });

  it('leaves out the category note when there is none', () => {
    const r = receipt(ticketReceipt(ticket, { name: { de: 'Meldewesen' } }, { language: 'de', labels: { ...labels, notice: undefined } }));
    expect(texts(r).at(-1)).toBe('In der letzten Stunde vor Ihnen gezogen: 4');
    expect(r.blocks.some((block) => block.type === 'feed')).toBe(false);
  });

  it('prints date and time in Berlin time across the DST change', () => {
    expect(berlinDateTime(new Date('2026-03-29T00:30:00Z'))).toBe('29.03.2026 01:30');
    expect(berlinDateTime(new Date('2026-03-29T01:30:00Z'))).toBe('29.03.2026 03:30');
    expect(berlinDateTime(new Date('2026-12-31T23:05:00Z'))).toBe('01.01.2027 00:05');
  });
});
