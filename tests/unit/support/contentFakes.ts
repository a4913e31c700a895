import { join } from 'node:path';
import type { ContentService } from '#core/content/contentService';
import { loadContentPack } from '#core/content/loadContentPack';
import type { ReceiptPrinter } from '#core/devices/printer/receiptPrintable';
import type { PrinterCodePage } from '#shared/config/deviceConfig';
import type { ContentPack } from '#shared/content/contentPack';
import type { PrintResult, Receipt } from '#shared/devices/receipt';
import { findAppRoot } from '#tests/support/appRoot';

/** The repository's Jena content pack folder. */
export const jenaPackDir = join(findAppRoot(import.meta.dirname), 'kiosk-config', 'content', 'jena');

let jena: Promise<ContentPack> | null = null;

/** The Jena pack as the kiosk loads it (loaded once per test file). */
export function loadJenaPack(): Promise<ContentPack> {
  jena ??= loadContentPack(jenaPackDir).then((result) => {
    if (!result.ok) throw new Error(`Jena pack invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
    return result.pack;
  });
  return jena;
}

/** A content service that holds whatever pack the test sets (no files, no watching). */
export function fixedContent(initial: ContentPack | null): ContentService & { set(pack: ContentPack | null): void } {
  let pack = initial;
  const status = () => ({ state: pack ? ('ok' as const) : ('missing' as const), version: pack?.manifest.version ?? null, problems: [] });
  return {
    current: () => pack,
    status,
    reload: () => Promise.resolve(status()),
    onChange: () => () => undefined,
    close: () => undefined,
    set: (next) => {
      pack = next;
    },
  };
}

/** A receipt printer double: records every receipt and answers with `result`. */
export class RecordingPrinter implements ReceiptPrinter {
  readonly printed: Receipt[] = [];
  result: PrintResult = { status: 'printed' };

  constructor(readonly codePage: PrinterCodePage = 'cp858') {}

  print(receipt: Receipt): Promise<PrintResult> {
    this.printed.push(receipt);
    return Promise.resolve(this.result);
  }
}

/** The text blocks of a receipt, in order. */
export function receiptTexts(receipt: Receipt | undefined): string[] {
  return (receipt?.blocks ?? []).flatMap((block) => (block.type === 'text' ? [block.text] : []));
}
