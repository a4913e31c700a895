import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterCodePage } from '#shared/config/deviceConfig';
import type { Receipt, ReceiptBlock } from '#shared/devices/receipt';
import { codePageByte } from './escposCodePages';

export interface ReceiptEncodingOptions {
  /** Code page for text and the n of `ESC t n` that selects it on this printer. */
  readonly codePage: { readonly name: PrinterCodePage; readonly escT: number };
  /** Characters per line in the normal font. */
  readonly columns: number;
}

type Alignment = 'left' | 'center' | 'right';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;
const alignBytes: Readonly<Record<Alignment, number>> = { left: 0, center: 1, right: 2 };
const sizeCells = { normal: 1, large: 2, huge: 3 } as const;
/** Paper widths the library lays out; it refuses any other column count. */
const libraryColumns = [32, 35, 42, 44, 48] as const;
const defaultQrModuleSize = 6;
/** Lines fed before the cut so the last printed line clears the cutter. */
const feedBeforeCut = 3;

/**
 * The library encodes these with their CP437 glyph positions 0x14/0x15, which ESC/POS printers take
 * as control codes; they are sent as their byte in the code page's upper half instead.
 */
const controlGlyphs = /([¶§])/;

/**
 * Encodes a receipt as ESC/POS bytes for the configured code page and paper width.
 * Lines are wrapped here and aligned by the printer (`ESC a`), so what the printer decodes is exactly
 * the receipt's text. Characters the code page cannot print become '?', so no text can turn into
 * control bytes (the library maps some symbols, e.g. ►♦←, to DLE, EOT and ESC).
 */
export function encodeReceipt(receipt: Receipt, options: ReceiptEncodingOptions): Uint8Array {
  const layoutColumns = libraryColumns.filter((c) => c <= options.columns).at(-1) ?? libraryColumns[0];
  // Below 32 columns the library still lays out 32, so our own wrapping keeps lines within the paper.
  const width = Math.min(options.columns, layoutColumns);
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: layoutColumns,
    codepageMapping: { [options.codePage.name]: options.codePage.escT },
    feedBeforeCut,
    newline: '\n',
    errors: 'relaxed',
  });
  // The library sends ESC t only before the first non-ASCII character; selecting it up front keeps
  // the printer's code page predictable for every job.
  encoder.initialize().codepage(options.codePage.name).raw([ESC, 0x74, options.codePage.escT]);
  for (const block of receipt.blocks) encodeBlock(encoder, block, width, options.codePage.name);
  return withoutLineFeedAfterCut(encoder.cut().encode());
}

/**
 * The library ends every line it emits with a line feed, the cut too (`GS V 0 LF`); it has no option
 * to leave that out (4.0.1 drops the newline only after a drawer pulse), so it is cut off here: a
 * line feed after the cut would feed paper for the next receipt.
 */
function withoutLineFeedAfterCut(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const endsWithCutAndFeed = n >= 4 && bytes[n - 4] === GS && bytes[n - 3] === 0x56 && bytes[n - 1] === LF;
  return endsWithCutAndFeed ? bytes.subarray(0, n - 1) : bytes;
}

function encodeBlock(encoder: ReceiptPrinterEncoder, block: ReceiptBlock, width: number, codePage: PrinterCodePage): void {
  switch (block.type) {
    case 'text': {
      const cells = sizeCells[block.size ?? 'normal'];
      encoder.raw([ESC, 0x61, alignBytes[block.align ?? 'left']]);
      encoder.bold(block.bold ?? false).size(cells, cells);
      for (const line of wrapText(printable(block.text, codePage), Math.max(1, Math.floor(width / cells)))) textLine(encoder, line, codePage);
      encoder.bold(false).size(1, 1);
      return;
    }
    case 'qr': {
      const payload = withoutControlCharacters(block.payload);
      // Nothing left to encode: printing an empty symbol would only confuse.
      if (payload === '') return;
      encoder.raw([ESC, 0x61, alignBytes.center]);
      encoder.qrcode(payload, { model: 2, size: block.size ?? defaultQrModuleSize, errorlevel: 'm' });
      return;
    }
    case 'rule':
      encoder.raw([ESC, 0x61, alignBytes.left]);
      encoder.line('-'.repeat(width));
      return;
    case 'feed':
      for (let i = 0; i < block.lines; i += 1) encoder.line('');
      return;
  }
}

/**
 * QR data goes to the printer as raw bytes, and printers act on real-time commands (`DLE EOT n`,
 * `DLE DC4 …`) wherever they appear in the stream, even inside symbol data. Without the control
 * characters (below 0x20 and DEL) a payload cannot contain them; a URL or text has no use for them.
 */
export function withoutControlCharacters(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) result += char;
  }
  return result;
}

/** Keeps newlines (they split lines) and what the code page can print; tabs become spaces, the rest '?'. */
function printable(text: string, codePage: PrinterCodePage): string {
  let result = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    if (char === '\n') result += char;
    else if (char === '\t') result += ' ';
    else result += codePageByte(codePage, char) === null ? '?' : char;
  }
  return result;
}

function textLine(encoder: ReceiptPrinterEncoder, line: string, codePage: PrinterCodePage): void {
  if (!controlGlyphs.test(line)) {
    encoder.line(line);
    return;
  }
  for (const part of line.split(controlGlyphs)) {
    const byte = controlGlyphs.test(part) ? codePageByte(codePage, part) : null;
    if (byte !== null) encoder.raw([byte]);
    else if (part !== '') encoder.text(part);
  }
  encoder.newline();
}

/** Greedy word wrap at `width` characters; words longer than a line are split. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (candidate.length <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      let rest = word;
      while (rest.length > width) {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      current = rest;
    }
    lines.push(current);
  }
  return lines;
}
