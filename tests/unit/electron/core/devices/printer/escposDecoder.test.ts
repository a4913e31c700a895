import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import { codePageChar } from '#core/devices/printer/escposCodePages';
import { EscPosDecoder, type DecodeResult } from '#core/devices/printer/escposDecoder';
import { encodeReceipt } from '#core/devices/printer/escposReceiptEncoder';
import { printerCodePages } from '#shared/config/deviceConfig';
import type { Receipt } from '#shared/devices/receipt';

const cp858 = { codePage: { name: 'cp858', escT: 19 }, columns: 42 } as const;

function decode(bytes: Uint8Array | readonly number[], options: ConstructorParameters<typeof EscPosDecoder>[0] = {}): DecodeResult {
  const decoder = new EscPosDecoder(options);
  decoder.push(Uint8Array.from(bytes));
  return decoder.result();
}

const receipt: Receipt = {
  blocks: [
    { type: 'text', text: 'Bürgerservice Jena', bold: true, size: 'large', align: 'center' },
    { type: 'text', text: 'Äpfel, Öl, Übergröße, Straße, 12,50 €' },
    { type: 'qr', payload: 'https://www.jena.de/termin?id=A042&x=ü', size: 4 },
    { type: 'rule' },
    { type: 'feed', lines: 2 },
    { type: 'text', text: 'rechts', align: 'right', size: 'huge' },
  ],
};

describe('EscPosDecoder', () => {
  it('decodes an encoded receipt back to its text, attributes, QR code and cut', () => {
    const result = decode(encodeReceipt(receipt, cp858), { codePages: { 19: 'cp858' } });
    const printed = result.lines.filter((line) => line.text !== '');
    expect(printed).toEqual([
      { text: 'Bürgerservice Jena', bold: true, align: 'center', size: { width: 2, height: 2 } },
      { text: 'Äpfel, Öl, Übergröße, Straße, 12,50 €', bold: false, align: 'left', size: { width: 1, height: 1 } },
      { text: '-'.repeat(42), bold: false, align: 'left', size: { width: 1, height: 1 } },
      { text: 'rechts', bold: false, align: 'right', size: { width: 3, height: 3 } },
    ]);
    expect(result.qrCodes).toEqual(['https://www.jena.de/termin?id=A042&x=ü']);
    expect(result.cuts).toBe(1);
    expect(result.codePageSelections.length).toBeGreaterThan(0);
    expect(new Set(result.codePageSelections)).toEqual(new Set([19]));
    expect(result.unknownBytes).toBe(0);
    expect(result.statusRequests).toEqual([]);
  });

  it('keeps paper order: text, QR (centred), rule, feed lines, text, cut', () => {
    const { items } = decode(encodeReceipt(receipt, cp858));
    const kinds = items.map((item) => (item.type === 'line' ? (item.line.text === '' ? 'blank' : 'text') : item.type));
    expect(kinds.slice(0, 3)).toEqual(['text', 'text', 'qr']);
    expect(items.find((item) => item.type === 'qr')).toMatchObject({ align: 'center', moduleSize: 4 });
    // The cut comes last; the library feeds one more line after it.
    expect(kinds.slice(kinds.lastIndexOf('cut') + 1).every((kind) => kind === 'blank')).toBe(true);
    const last = kinds.lastIndexOf('text');
    expect(kinds.slice(last - 3, last)).toEqual(['text', 'blank', 'blank']);
    expect(kinds.slice(last + 1, kinds.lastIndexOf('cut'))).toEqual(['blank', 'blank', 'blank']);
  });

  it('gives the same result for any chunking of the stream', () => {
    const bytes = encodeReceipt(receipt, cp858);
    const whole = decode(bytes);
    const single = new EscPosDecoder();
    for (const byte of bytes) single.push(Uint8Array.of(byte));
    expect(single.result()).toEqual(whole);
    for (let seed = 1; seed <= 20; seed += 1) {
      const decoder = new EscPosDecoder();
      let offset = 0;
      let state = seed;
      while (offset < bytes.length) {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        const size = 1 + (state % 17);
        decoder.push(bytes.subarray(offset, offset + size));
        offset += size;
      }
      expect(decoder.result()).toEqual(whole);
    }
  });

  it('decodes through the code page selected by ESC t, with the configured numbering', () => {
    const bytes = [0x1b, 0x74, 19, 0x84, 0xd5, 0x0a, 0x1b, 0x74, 0, 0x84, 0xd5, 0x0a, 0x1b, 0x74, 16, 0xe4, 0x80, 0x0a];
    expect(decode(bytes).lines.map((l) => l.text)).toEqual(['ä€', 'ä╒', 'ä€']);
    // A vendor numbering cp858 as 5: the configured mapping wins.
    expect(decode([0x1b, 0x74, 5, 0xd5, 0x0a], { codePages: { 5: 'cp858' } }).lines[0]?.text).toBe('€');
    // An unknown selection still decodes ASCII; high bytes become U+FFFD.
    expect(decode([0x1b, 0x74, 99, 0x41, 0xd5, 0x0a]).lines[0]?.text).toBe('A\ufffd');
  });

  it('resets styles, alignment and code page at ESC @', () => {
    const bytes = [0x1b, 0x45, 1, 0x1d, 0x21, 0x11, 0x1b, 0x61, 2, 0x1b, 0x74, 19, 0x1b, 0x40, 0xd5, 0x0a];
    expect(decode(bytes).lines).toEqual([{ text: '╒', bold: false, align: 'left', size: { width: 1, height: 1 } }]);
  });

  it('understands ESC ! print modes and ESC a with ASCII digits', () => {
    const { lines } = decode([0x1b, 0x21, 0x38, 0x1b, 0x61, 0x31, 0x41, 0x0a]);
    expect(lines).toEqual([{ text: 'A', bold: true, align: 'center', size: { width: 2, height: 2 } }]);
  });

  it('counts partial cuts and function B cuts with their feed parameter', () => {
    const result = decode([0x1d, 0x56, 0x01, 0x1d, 0x56, 0x42, 0x05, 0x41, 0x0a]);
    expect(result.cuts).toBe(2);
    expect(result.items.slice(0, 2)).toEqual([
      { type: 'cut', partial: true },
      { type: 'cut', partial: true },
    ]);
    expect(result.lines.map((l) => l.text)).toEqual(['A']);
  });

  it('reports DLE EOT requests through the callback, in order, without printing them', () => {
    const requests: number[] = [];
    const decoder = new EscPosDecoder({ onStatusRequest: (n) => requests.push(n) });
    decoder.push(Uint8Array.of(0x10, 0x04, 0x01, 0x41, 0x10));
    decoder.push(Uint8Array.of(0x04));
    decoder.push(Uint8Array.of(0x02, 0x10, 0x04, 0x04, 0x0a));
    expect(requests).toEqual([1, 2, 4]);
    const result = decoder.result();
    expect(result.statusRequests).toEqual([1, 2, 4]);
    expect(result.lines.map((l) => l.text)).toEqual(['A']);
    expect(result.printBytes).toBe(2);
  });

  it('keeps decoding when the status callback throws', () => {
    const decoder = new EscPosDecoder({
      onStatusRequest: () => {
        throw new Error('listener failed');
      },
    });
    decoder.push(Uint8Array.of(0x10, 0x04, 0x01, 0x42, 0x0a));
    expect(decoder.result().lines.map((l) => l.text)).toEqual(['B']);
  });

  it('skips commands it does not print, with their parameters and data', () => {
    const raster = [0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00, ...Array<number>(6).fill(0x41)];
    const bitImage = [0x1b, 0x2a, 33, 0x02, 0x00, ...Array<number>(6).fill(0x42)];
    const graphics = [0x1d, 0x28, 0x4c, 0x04, 0x00, 0x30, 0x45, 0x43, 0x44];
    const bigGraphics = [0x1d, 0x38, 0x4c, 0x03, 0x00, 0x00, 0x00, 0x45, 0x46, 0x47];
    const barcode = [0x1d, 0x6b, 0x04, 0x41, 0x42, 0x43, 0x00, 0x1d, 0x6b, 0x49, 0x03, 0x44, 0x45, 0x46];
    const pulse = [0x1b, 0x70, 0x00, 0x19, 0xfa];
    const pdf417 = [0x1d, 0x28, 0x6b, 0x05, 0x00, 0x30, 0x50, 0x30, 0x47, 0x48];
    const fonts = [0x1c, 0x2e, 0x1b, 0x4d, 0x01, 0x1b, 0x2d, 0x01, 0x1d, 0x42, 0x01, 0x1c, 0x70, 0x01, 0x00];
    const result = decode([...raster, ...bitImage, ...graphics, ...bigGraphics, ...barcode, ...pulse, ...pdf417, ...fonts, 0x4f, 0x4b, 0x0a]);
    expect(result.lines.map((l) => l.text)).toEqual(['OK']);
    expect(result.unknownBytes).toBe(0);
    expect(result.qrCodes).toEqual([]);
  });

  it('skips DLE DC4 commands whole: clear buffers (fn 8) with its seven bytes, pulse with two', () => {
    const clearBuffers = [0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08];
    const pulse = [0x10, 0x14, 0x01, 0x00, 0x01];
    for (const chunk of [1, 3, 100]) {
      const decoder = new EscPosDecoder();
      const bytes = [...clearBuffers, 0x41, ...pulse, 0x42, 0x0a];
      for (let i = 0; i < bytes.length; i += chunk) decoder.push(Uint8Array.from(bytes.slice(i, i + chunk)));
      expect(decoder.result().lines.map((l) => l.text)).toEqual(['AB']);
      expect(decoder.result().unknownBytes).toBe(0);
    }
  });

  it('counts unknown commands and stray control bytes instead of failing', () => {
    const result = decode([0x1b, 0x01, 0x41, 0x1d, 0xfe, 0x42, 0x02, 0x03, 0x7f, 0x10, 0x43, 0x0a]);
    // ESC 01 and GS FE are skipped as two-byte commands; STX, ETX, DEL and the lone DLE are single unknown bytes.
    expect(result.lines.map((l) => l.text)).toEqual(['ABC']);
    expect(result.unknownBytes).toBe(8);
  });

  it('never throws on random garbage, whatever the chunking', () => {
    let state = 42;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state;
    };
    for (let run = 0; run < 50; run += 1) {
      const decoder = new EscPosDecoder({ onStatusRequest: () => undefined });
      for (let chunk = 0; chunk < 40; chunk += 1) {
        const bytes = Uint8Array.from({ length: random() % 64 }, () => random() % 256);
        expect(() => {
          decoder.push(bytes);
        }).not.toThrow();
      }
      const result = decoder.result();
      expect(result.printBytes).toBeGreaterThanOrEqual(0);
      expect(result.unknownBytes).toBeGreaterThanOrEqual(0);
    }
  });

  it('includes a last line that has no line feed yet', () => {
    expect(decode([0x41, 0x0a, 0x42]).lines.map((l) => l.text)).toEqual(['A', 'B']);
  });
});

describe('code page tables', () => {
  it('match the characters the receipt encoder library writes for every code page', () => {
    for (const name of printerCodePages) {
      for (let byte = 0x80; byte <= 0xff; byte += 1) {
        const char = codePageChar(name, byte);
        // ¶ and § the library sends as CP437 glyph bytes 0x14/0x15 (encodeReceipt does not, see its tests).
        if (char === null || char === '\ufffd' || char === '¶' || char === '§') continue;
        const bytes = new ReceiptPrinterEncoder({ language: 'esc-pos', codepageMapping: { [name]: 0x42 } }).initialize().codepage(name).text(char).encode();
        const select = Buffer.from(bytes).indexOf(Buffer.from([0x1b, 0x74, 0x42]));
        expect({ name, byte, got: bytes[select + 3] }).toEqual({ name, byte, got: byte });
      }
    }
  });

  it('let every printable character of every code page survive encodeReceipt and decoding', () => {
    for (const [escT, name] of printerCodePages.entries()) {
      const chars = Array.from({ length: 128 }, (_, i) => codePageChar(name, 0x80 + i) ?? '').filter(
        (c) => c !== '\ufffd' && c.trim() !== '' && c !== '\u00ad',
      );
      const all = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i))
        .join('')
        .trim()}${chars.join('')}`;
      const bytes = encodeReceipt({ blocks: [{ type: 'text', text: all }] }, { codePage: { name, escT: 40 + escT }, columns: 48 });
      const decoded = decode(bytes, { codePages: { [40 + escT]: name } });
      expect({ name, text: decoded.lines.map((l) => l.text).join('') }).toEqual({ name, text: all });
    }
  });

  it('has the CP858 letters of docs/architecture.md, "Devices"', () => {
    const chars = [0x84, 0x94, 0x81, 0x8e, 0x99, 0x9a, 0xe1, 0xd5].map((b) => codePageChar('cp858', b));
    expect(chars.join('')).toBe('äöüÄÖÜß€');
    expect(codePageChar('cp850', 0xd5)).toBe('ı');
    expect(codePageChar('windows1252', 0x80)).toBe('€');
    expect(codePageChar('cp437', 0xe1)).toBe('ß');
    expect(codePageChar('cp437', 0x41)).toBe('A');
    expect(codePageChar('cp437', 0x0a)).toBeNull();
  });
});
