import type { PrinterCodePage } from '#shared/config/deviceConfig';
import type { PrintResult, Receipt } from '#shared/devices/receipt';
import type { UiLanguage } from '#shared/i18n/languages';
import { ok, type Result } from '#shared/result';
import { codePageByte } from './escposCodePages';

/**
 * Whether a receipt's text fits the printer's code page. The encoder prints '?' for every character
 * the code page lacks, so a slip in Arabic or Turkish on a CP858 printer would come out as rows of
 * question marks; callers check first and print in German instead.
 */

/**
 * Typographic characters German and English texts use that several code pages lack (CP858 has no
 * dashes or curly quotes), with the plain characters every code page has.
 */
const plainEquivalents: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2039': "'",
  '\u203A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2026': '...',
  '\u2022': '*',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u2007': ' ',
};

/** The receipt printer as the desks printing slips and tickets need it (the device layer's print service). */
export interface ReceiptPrinter {
  readonly codePage: PrinterCodePage;
  print(receipt: Receipt): Promise<PrintResult>;
}

/** Prints on the printer, or fails as 'no-printer' when the terminal has none (as printer.print does). */
export async function printOn(printer: ReceiptPrinter | null, receipt: Receipt): Promise<PrintResult> {
  return printer ? printer.print(receipt) : { status: 'failed', reason: 'no-printer' };
}

/** Whether every character of `text` has a byte in `codePage`. */
export function textPrintable(text: string, codePage: PrinterCodePage): boolean {
  for (const char of text) {
    if (codePageByte(codePage, char) === null) return false;
  }
  return true;
}

/**
 * Whether every text block of the receipt can be printed in `codePage`. QR payloads do not count:
 * they go to the printer as bytes and the phone reading them decodes them.
 */
export function receiptPrintable(receipt: Receipt, codePage: PrinterCodePage): boolean {
  return receipt.blocks.every((block) => block.type !== 'text' || textPrintable(block.text, codePage));
}

/**
 * `text` with dashes, curly quotes and the like replaced by plain characters where `codePage` has
 * no byte for them (a German text with "08:00–18:00" must not fall back or print '?').
 */
export function plainTypography(text: string, codePage: PrinterCodePage): string {
  let result = '';
  for (const char of text) {
    const plain = plainEquivalents[char];
    result += plain !== undefined && codePageByte(codePage, char) === null ? plain : char;
  }
  return result;
}

/**
 * Builds a receipt in the citizen's language, or in German when that one does not fit the code
 * page. German is printed even when it does not fit either (a pack text with a rare character):
 * a few '?' are better than no slip.
 */
export function receiptInPrintableLanguage(
  language: UiLanguage,
  codePage: PrinterCodePage,
  build: (language: UiLanguage) => Result<Receipt>,
): Result<{ readonly receipt: Receipt; readonly printedIn: UiLanguage }> {
  const own = build(language);
  if (!own.ok) return own;
  if (language === 'de' || receiptPrintable(own.value, codePage)) return ok({ receipt: own.value, printedIn: language });
  const german = build('de');
  if (!german.ok) return german;
  return ok({ receipt: german.value, printedIn: 'de' });
}
