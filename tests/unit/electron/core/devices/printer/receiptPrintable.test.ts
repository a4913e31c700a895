import { describe, expect, it } from 'vitest';
import { plainTypography, printOn, receiptInPrintableLanguage, receiptPrintable, textPrintable } from '#core/devices/printer/receiptPrintable';
import type { Receipt } from '#shared/devices/receipt';
import { ok } from '#shared/result';

describe('receipt printable in a code page', () => {
  it('knows which characters a code page has', () => {
    expect(textPrintable('Äpfel, Öl, Übergröße, Straße, 12,50 €', 'cp858')).toBe(true);
    expect(textPrintable('12,50 €', 'cp850')).toBe(false);
    expect(textPrintable('Kimlik kartı', 'cp858')).toBe(false);
    expect(textPrintable('Müşteri', 'windows1252')).toBe(false);
    expect(textPrintable('بطاقة', 'cp858')).toBe(false);
    expect(textPrintable('08:00–18:00', 'cp858')).toBe(false);
    expect(textPrintable('08:00–18:00', 'windows1252')).toBe(true);
  });

  it('checks text blocks only: a QR payload is bytes', () => {
    const receipt: Receipt = { blocks: [{ type: 'text', text: 'Ausweis' }, { type: 'qr', payload: 'https://example.org/ş' }, { type: 'rule' }] };
    expect(receiptPrintable(receipt, 'cp858')).toBe(true);
    expect(receiptPrintable({ blocks: [...receipt.blocks, { type: 'text', text: 'şehir' }] }, 'cp858')).toBe(false);
  });

  it('replaces dashes and curly quotes only where the code page lacks them', () => {
    expect(plainTypography('„Ausweis“ – 08:00–18:00 …', 'cp858')).toBe('"Ausweis" - 08:00-18:00 ...');
    expect(plainTypography('„Ausweis“ – 08:00–18:00 …', 'windows1252')).toBe('„Ausweis“ – 08:00–18:00 …');
    expect(plainTypography('Kimlik kartı', 'cp858')).toBe('Kimlik kartı');
  });

  it('builds in German when the citizen’s language does not fit, and says so', () => {
    const build = (language: string) => ok<Receipt>({ blocks: [{ type: 'text', text: language === 'de' ? 'Wartenummer' : 'Sıra numarası' }] });
    expect(receiptInPrintableLanguage('tr', 'cp858', build)).toEqual(ok({ receipt: { blocks: [{ type: 'text', text: 'Wartenummer' }] }, printedIn: 'de' }));
    expect(receiptInPrintableLanguage('en', 'cp858', () => ok<Receipt>({ blocks: [{ type: 'text', text: 'Number' }] }))).toMatchObject({
      ok: true,
      value: { printedIn: 'en' },
    });
  });

  it('fails as no-printer without a printer', async () => {
    expect(await printOn(null, { blocks: [{ type: 'rule' }] })).toEqual({ status: 'failed', reason: 'no-printer' });
  });
});
