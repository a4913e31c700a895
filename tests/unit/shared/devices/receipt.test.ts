import { describe, expect, it } from 'vitest';
import { receiptSchema } from '#shared/devices/receipt';

describe('receipt schema', () => {
  it('accepts a normal slip with umlauts, € and a QR code', () => {
    expect(
      receiptSchema.safeParse({
        blocks: [
          { type: 'text', text: 'Äpfel, Öl, Übergröße, Straße, 12,50 €' },
          { type: 'qr', payload: 'https://www.jena.de/' },
        ],
      }).success,
    ).toBe(true);
  });

  it('refuses control characters that could smuggle printer commands', () => {
    expect(receiptSchema.safeParse({ blocks: [{ type: 'text', text: 'a\u0010\u0004\u0001b' }] }).success).toBe(false);
    expect(receiptSchema.safeParse({ blocks: [{ type: 'qr', payload: 'x\u0010\u0014\u0008' }] }).success).toBe(false);
    expect(receiptSchema.safeParse({ blocks: [{ type: 'text', text: 'tab\there' }] }).success).toBe(false);
  });

  it('refuses receipts that are far too long', () => {
    const block = { type: 'text', text: 'x'.repeat(1000) };
    expect(receiptSchema.safeParse({ blocks: Array.from({ length: 6 }, () => block) }).success).toBe(true);
    expect(receiptSchema.safeParse({ blocks: Array.from({ length: 7 }, () => block) }).success).toBe(false);
    expect(receiptSchema.safeParse({ blocks: Array.from({ length: 61 }, () => ({ type: 'rule' })) }).success).toBe(false);
  });
});
