import { describe, expect, it } from 'vitest';
import { encodeReceipt, wrapText } from '#core/devices/printer/escposReceiptEncoder';
import type { Receipt } from '#shared/devices/receipt';

const cp858 = { codePage: { name: 'cp858', escT: 19 }, columns: 42 } as const;

/** Index of `needle` in `haystack`, -1 when absent. */
function indexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function text(value: string, extra: Partial<Extract<Receipt['blocks'][number], { type: 'text' }>> = {}): Receipt {
  return { blocks: [{ type: 'text', text: value, ...extra }] };
}

describe('encodeReceipt', () => {
  it('starts with ESC @ and selects the configured code page with ESC t 19', () => {
    const bytes = encodeReceipt(text('Hallo'), cp858);
    expect([...bytes.slice(0, 2)]).toEqual([0x1b, 0x40]);
    expect(indexOfBytes(bytes, [0x1b, 0x74, 19])).toBeGreaterThan(0);
    // Only the configured value is ever selected.
    for (let i = indexOfBytes(bytes, [0x1b, 0x74]); i >= 0;) {
      expect(bytes[i + 2]).toBe(19);
      const next = indexOfBytes(bytes.subarray(i + 3), [0x1b, 0x74]);
      i = next < 0 ? -1 : i + 3 + next;
    }
  });

  it('writes German umlauts, ß and € as CP858 bytes', () => {
    const bytes = encodeReceipt(text('äöüÄÖÜß€'), cp858);
    expect(indexOfBytes(bytes, [0x84, 0x94, 0x81, 0x8e, 0x99, 0x9a, 0xe1, 0xd5])).toBeGreaterThan(0);
  });

  it('encodes "Äpfel, Öl, Übergröße, Straße, 12,50 €" byte for byte', () => {
    const bytes = encodeReceipt(text('Äpfel, Öl, Übergröße, Straße, 12,50 €'), cp858);
    const expected = [
      0x8e,
      ...Buffer.from('pfel, '),
      0x99,
      ...Buffer.from('l, '),
      0x9a,
      ...Buffer.from('bergr'),
      0x94,
      0xe1,
      ...Buffer.from('e, Stra'),
      0xe1,
      ...Buffer.from('e, 12,50 '),
      0xd5,
      0x0a,
    ];
    expect(indexOfBytes(bytes, expected)).toBeGreaterThan(0);
  });

  it('uses the ESC t value and table of another configured code page', () => {
    const bytes = encodeReceipt(text('ä€'), { codePage: { name: 'windows1252', escT: 16 }, columns: 42 });
    expect(indexOfBytes(bytes, [0x1b, 0x74, 16])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [0xe4, 0x80])).toBeGreaterThan(0);
  });

  it('sends alignment, bold and size before the text and resets them after it', () => {
    const bytes = encodeReceipt(text('Titel', { bold: true, size: 'large', align: 'center' }), cp858);
    const start = indexOfBytes(bytes, [...Buffer.from('Titel')]);
    const before = bytes.subarray(0, start);
    expect(indexOfBytes(before, [0x1b, 0x61, 0x01])).toBeGreaterThanOrEqual(0);
    expect(indexOfBytes(before, [0x1b, 0x45, 0x01])).toBeGreaterThanOrEqual(0);
    expect(indexOfBytes(before, [0x1d, 0x21, 0x11])).toBeGreaterThanOrEqual(0);
    const after = bytes.subarray(start);
    expect(indexOfBytes(after, [0x1b, 0x45, 0x00])).toBeGreaterThan(0);
    expect(indexOfBytes(after, [0x1d, 0x21, 0x00])).toBeGreaterThan(0);
  });

  it('maps huge text to 3×3 cells and right alignment to ESC a 2', () => {
    const bytes = encodeReceipt(text('A', { size: 'huge', align: 'right' }), cp858);
    expect(indexOfBytes(bytes, [0x1d, 0x21, 0x22])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [0x1b, 0x61, 0x02])).toBeGreaterThan(0);
  });

  it('encodes a QR code as model 2, the block size, error level M, store and print', () => {
    const payload = 'https://www.jena.de/x?y=1';
    const bytes = encodeReceipt({ blocks: [{ type: 'qr', payload, size: 5 }] }, cp858);
    const length = payload.length + 3;
    const expected = [
      ...[0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x05],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
      ...[0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30, ...Buffer.from(payload)],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
    ];
    expect(indexOfBytes(bytes, expected)).toBeGreaterThan(0);
  });

  it('uses module size 6 for a QR code without size', () => {
    const bytes = encodeReceipt({ blocks: [{ type: 'qr', payload: 'x' }] }, cp858);
    expect(indexOfBytes(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06])).toBeGreaterThan(0);
  });

  it('prints a rule as a full line of dashes and a feed as empty lines', () => {
    const bytes = encodeReceipt({ blocks: [{ type: 'rule' }, { type: 'feed', lines: 3 }, { type: 'text', text: 'x' }] }, cp858);
    expect(indexOfBytes(bytes, [...Buffer.from(`${'-'.repeat(42)}\n\n\n\n`)])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [...Buffer.from('-'.repeat(43))])).toBe(-1);
  });

  it('ends with a feed and a full cut, with no line feed after the cut', () => {
    for (const receipt of [text('x'), { blocks: [{ type: 'qr' as const, payload: 'q' }] }]) {
      const bytes = encodeReceipt(receipt, cp858);
      const cut = indexOfBytes(bytes, [0x1d, 0x56, 0x00]);
      expect(cut).toBeGreaterThan(0);
      expect(cut + 3).toBe(bytes.length);
      expect([...bytes.subarray(cut - 3, cut)]).toEqual([0x0a, 0x0a, 0x0a]);
    }
  });

  it('takes control characters out of QR payloads and text, so no real-time command can be smuggled in', () => {
    const dleEot = '\u0010\u0004\u0001';
    const clearBuffers = '\u0010\u0014\u0008\u0001\u0003\u0014\u0001\u0006\u0002\u0008';
    const payload = `https://x.de/?a=${dleEot}${clearBuffers}\u007f\u001b@\u0000b`;
    const bytes = encodeReceipt(
      {
        blocks: [
          { type: 'qr', payload },
          { type: 'text', text: `t${dleEot}${clearBuffers}\u007fz` },
        ],
      },
      cp858,
    );
    expect(indexOfBytes(bytes, [0x10, 0x04])).toBe(-1);
    expect(indexOfBytes(bytes, [0x10, 0x14])).toBe(-1);
    expect(bytes.includes(0x7f)).toBe(false);
    // What is left of the payload is stored as it was, apart from the control characters.
    const kept = [...Buffer.from('https://x.de/?a=@b')];
    expect(indexOfBytes(bytes, [0x1d, 0x28, 0x6b, kept.length + 3, 0x00, 0x31, 0x50, 0x30, ...kept])).toBeGreaterThan(0);
  });

  it('leaves out a QR code whose payload is nothing but control characters', () => {
    const bytes = encodeReceipt(
      {
        blocks: [
          { type: 'qr', payload: '\u0010\u0004\u0002' },
          { type: 'text', text: 'x' },
        ],
      },
      cp858,
    );
    expect(indexOfBytes(bytes, [0x1d, 0x28, 0x6b])).toBe(-1);
    expect(indexOfBytes(bytes, [0x10])).toBe(-1);
  });

  it('prints characters the code page lacks, and control characters, as "?" so text cannot send commands', () => {
    const bytes = encodeReceipt(text('a\u001b@b\u001dV\u0000c\u0010\u0004\u0001\tz'), cp858);
    expect(indexOfBytes(bytes, [...Buffer.from('a?@b?V?c??? z\n')])).toBeGreaterThan(0);
    // The library would send these symbols as DLE, EOT and ESC (their CP437 glyph positions).
    const symbols = encodeReceipt(text('x►♦←✓😀y'), cp858);
    expect(indexOfBytes(symbols, [...Buffer.from('x?????y\n')])).toBeGreaterThan(0);
    expect(indexOfBytes(symbols, [0x10, 0x04])).toBe(-1);
  });

  it('sends § and ¶ as their CP858 bytes, not as the control codes 0x15/0x14', () => {
    const bytes = encodeReceipt(text('§ 5 Abs. 2 ¶', { bold: true }), cp858);
    expect(indexOfBytes(bytes, [...Buffer.from(' 5 Abs. 2 '), 0xf4])).toBeGreaterThan(indexOfBytes(bytes, [0xf5]));
    expect(indexOfBytes(bytes, [0x1b, 0x45, 0x01])).toBeLessThan(indexOfBytes(bytes, [0xf5]));
    expect(bytes.includes(0x14) || bytes.includes(0x15)).toBe(false);
  });

  it('wraps long text at the paper width, counting wide characters', () => {
    const long = 'wort '.repeat(30).trim();
    const normal = encodeReceipt(text(long), cp858);
    const large = encodeReceipt(text(long, { size: 'large' }), cp858);
    const longestLine = (bytes: Uint8Array): number =>
      Math.max(
        ...(
          Buffer.from(bytes)
            .toString('latin1')
            .match(/wort( wort)*/g) ?? []
        ).map((l) => l.length),
      );
    expect(longestLine(normal)).toBeLessThanOrEqual(42);
    expect(longestLine(normal)).toBeGreaterThan(30);
    expect(longestLine(large)).toBeLessThanOrEqual(21);
  });

  it('accepts column counts the library does not lay out (24, 64)', () => {
    const narrow = Buffer.from(encodeReceipt({ blocks: [{ type: 'rule' }] }, { ...cp858, columns: 24 })).toString('latin1');
    expect(narrow).toContain(`${'-'.repeat(24)}\n`);
    expect(narrow).not.toContain('-'.repeat(25));
    const wide = Buffer.from(encodeReceipt({ blocks: [{ type: 'rule' }] }, { ...cp858, columns: 64 })).toString('latin1');
    // 64 columns are laid out as 48, the widest the library supports.
    expect(wide).toContain(`${'-'.repeat(48)}\n`);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries, keeps empty lines and splits over-long words', () => {
    expect(wrapText('eins zwei drei', 9)).toEqual(['eins zwei', 'drei']);
    expect(wrapText('a\n\nb', 5)).toEqual(['a', '', 'b']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 4)).toEqual(['']);
  });
});
