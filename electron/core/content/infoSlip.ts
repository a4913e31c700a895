import { defaultCodePage, type PrinterCodePage } from '#shared/config/deviceConfig';
import type { ContentPack, LocalizedText, OpeningHours, Service } from '#shared/content/contentPack';
import type { SlipLabels } from '#shared/contract/contentContract';
import { receiptSchema, type PrintResult, type Receipt, type ReceiptBlock } from '#shared/devices/receipt';
import type { UiLanguage } from '#shared/i18n/languages';
import { fail, ok, type Result } from '#shared/result';
import { plainTypography, printOn, receiptInPrintableLanguage, type ReceiptPrinter } from '../devices/printer/receiptPrintable';
import { localize } from './localize';

/**
 * The take-away slip of a service: what it is, what to bring, what it costs, where it is, when the
 * office is open and where to apply online. Fixed texts come translated from the UI; pack texts are
 * picked with localize(). Printed in German when the citizen's script is not in the code page.
 */

/** A slip request as the contract has it (`content.printSlip`). */
export interface SlipRequest {
  readonly language: UiLanguage;
  readonly serviceId: string;
  readonly labels: SlipLabels;
  readonly germanLabels: SlipLabels;
}

export interface InfoSlipDesk {
  /** Prints the slip of a service of the pack in use. */
  printSlip(request: SlipRequest): Promise<Result<{ print: PrintResult; printedIn: UiLanguage }>>;
}

/** The receipt's limits (shared/devices/receipt.ts). */
const maxBlocks = 60;
const maxChars = 6000;
/** Caps per text, so one long pack text cannot crowd out the rest. */
const caps = { label: 60, weekday: 12, name: 200, summary: 600, item: 160, fees: 400, place: 160 } as const;
const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Creates the desk that prints information slips from the content pack in use. */
export function createInfoSlipDesk(options: { readonly pack: () => ContentPack | null; readonly printer: ReceiptPrinter | null }): InfoSlipDesk {
  return {
    printSlip: async (request) => {
      const pack = options.pack();
      if (!pack) return fail('unavailable', 'no content pack');
      const service = pack.services.find((s) => s.id === request.serviceId);
      if (!service) return fail('not-found', 'no such service');
      const codePage = options.printer?.codePage ?? defaultCodePage.name;
      const built = receiptInPrintableLanguage(request.language, codePage, (language) =>
        infoSlipReceipt(pack, service, { language, labels: language === request.language ? request.labels : request.germanLabels, codePage }),
      );
      if (!built.ok) return built;
      return ok({ print: await printOn(options.printer, built.value.receipt), printedIn: built.value.printedIn });
    },
  };
}

/** The slip's receipt in one language; texts are clipped and cut so that it always fits receiptSchema. */
export function infoSlipReceipt(
  pack: ContentPack,
  service: Service,
  options: { readonly language: UiLanguage; readonly labels: SlipLabels; readonly codePage: PrinterCodePage },
): Result<Receipt> {
  const { language, labels, codePage } = options;
  const text = (value: string, max: number): string => plainTypography(clip(oneLine(value), max), codePage);
  const pick = (value: LocalizedText, max: number): string => text(localize(value, language).text, max);
  const heading = (label: string): ReceiptBlock => ({ type: 'text', text: text(label, caps.label), bold: true });

  const top: ReceiptBlock[] = [];
  if (pack.manifest.sampleData) top.push({ type: 'text', text: text(labels.sampleData, caps.label), align: 'center' }, { type: 'feed', lines: 1 });
  top.push({ type: 'text', text: pick(service.name, caps.name), size: 'large', bold: true });
  if (service.summary) top.push({ type: 'text', text: pick(service.summary, caps.summary) });

  const rest: ReceiptBlock[] = [];
  if (service.fees) rest.push({ type: 'feed', lines: 1 }, heading(labels.fees), { type: 'text', text: pick(service.fees, caps.fees) });
  const place = placeLines(pack, service, (value) => pick(value, caps.place));
  if (place.length > 0)
    rest.push({ type: 'feed', lines: 1 }, heading(labels.place), ...place.map((line): ReceiptBlock => ({ type: 'text', text: text(line, caps.place) })));
  rest.push(
    { type: 'feed', lines: 1 },
    heading(labels.hours),
    ...weeklyLines(pack.openingHours, labels).map((line): ReceiptBlock => ({ type: 'text', text: text(line, caps.place) })),
  );
  const url = service.onlineUrl ?? service.appointmentUrl;
  if (url !== undefined) {
    rest.push(
      { type: 'rule' },
      heading(service.onlineUrl !== undefined ? labels.online : labels.appointment),
      { type: 'qr', payload: url },
      // The address as text too, for those who cannot scan; the encoder wraps it.
      { type: 'text', text: text(url, 500), align: 'center' },
    );
  }

  // What to bring comes as many items as still fit: the list can be long, the rest is short.
  const bring = bringBlocks(service, labels, { pick: (value) => `[ ] ${pick(value, caps.item)}`, heading, budget: remaining([...top, ...rest]) });
  const blocks = [...top, ...bring, ...rest];
  const parsed = receiptSchema.safeParse({ blocks });
  if (!parsed.success) return fail('internal', `information slip does not fit: ${parsed.error.issues[0]?.message ?? 'unknown issue'}`);
  return ok(parsed.data);
}

/** The "what to bring" section within what the receipt has left of blocks and characters. */
function bringBlocks(
  service: Service,
  labels: SlipLabels,
  tools: { pick: (value: LocalizedText) => string; heading: (label: string) => ReceiptBlock; budget: { blocks: number; chars: number } },
): ReceiptBlock[] {
  const items = service.bring ?? [];
  if (items.length === 0) return [];
  const head: ReceiptBlock[] = [{ type: 'feed', lines: 1 }, tools.heading(labels.bring)];
  let { blocks, chars } = tools.budget;
  blocks -= head.length;
  chars -= charsOf(head);
  const lines: ReceiptBlock[] = [];
  for (const item of items) {
    const line = tools.pick(item);
    if (blocks < 1 || chars < line.length) break;
    lines.push({ type: 'text', text: line });
    blocks -= 1;
    chars -= line.length;
  }
  return lines.length > 0 ? [...head, ...lines] : [];
}

/** Room number and name, floor, building and address; empty when the service has no room here. */
function placeLines(pack: ContentPack, service: Service, pick: (value: LocalizedText) => string): string[] {
  const { location } = pack;
  const room = service.room === undefined ? undefined : location.rooms.find((r) => r.id === service.room);
  if (!room) return [];
  const floor = location.floors.find((f) => f.id === room.floor);
  return [`${room.number} ${pick(room.name)}`, ...(floor ? [pick(floor.name)] : []), `${pick(location.building.name)}, ${location.building.address}`];
}

/** One line per weekday, Monday first: "Mo 08:00–12:00, 13:00–18:00" or the day and "closed". */
function weeklyLines(hours: OpeningHours, labels: SlipLabels): string[] {
  return weekdayKeys.map((key, index) => {
    // The same reading as openingHours.ts: ranges that do not end after they start never open.
    const ranges = hours.weekly[key].filter((range) => range.to > range.from).sort((a, b) => a.from.localeCompare(b.from));
    const day = clip(oneLine(labels.weekdays[index] ?? key), caps.weekday);
    return `${day} ${ranges.length === 0 ? labels.closed : ranges.map((range) => `${range.from}–${range.to}`).join(', ')}`;
  });
}

function remaining(blocks: readonly ReceiptBlock[]): { blocks: number; chars: number } {
  return { blocks: maxBlocks - blocks.length, chars: maxChars - charsOf(blocks) };
}

/** Characters as receiptSchema counts them (text and QR payloads). */
function charsOf(blocks: readonly ReceiptBlock[]): number {
  return blocks.reduce((sum, block) => sum + (block.type === 'text' ? block.text.length : block.type === 'qr' ? block.payload.length : 0), 0);
}

/** Pack texts may hold line breaks; a receipt text is one paragraph, and control characters could carry printer commands. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  return value.replace(/[\u0000-\u001F\u007F\s]+/g, ' ').trim();
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}
