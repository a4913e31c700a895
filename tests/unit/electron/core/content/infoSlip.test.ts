import { beforeAll, describe, expect, it } from 'vitest';
import { createInfoSlipDesk, infoSlipReceipt, type SlipRequest } from '#core/content/infoSlip';
import { encodeReceipt } from '#core/devices/printer/escposReceiptEncoder';
import { receiptPrintable } from '#core/devices/printer/receiptPrintable';
import type { ContentPack, Service } from '#shared/content/contentPack';
import type { SlipLabels } from '#shared/contract/contentContract';
import { contentRequestChannels } from '#shared/contract/contentContract';
import { receiptSchema, type Receipt } from '#shared/devices/receipt';
import { uiLanguages } from '#shared/i18n/languages';
import { fixedContent, loadJenaPack, receiptTexts, RecordingPrinter } from '#tests/unit/support/contentFakes';

const germanLabels: SlipLabels = {
  bring: 'Das bringen Sie mit',
  fees: 'Kosten',
  place: 'Wo',
  hours: 'Öffnungszeiten',
  weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
  closed: 'geschlossen',
  online: 'Online weitermachen:',
  appointment: 'Termin buchen:',
  sampleData: 'Beispieldaten – bitte vor Ort prüfen',
};
const englishLabels: SlipLabels = {
  bring: 'What to bring',
  fees: 'Costs',
  place: 'Where',
  hours: 'Opening hours',
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  closed: 'closed',
  online: 'Continue online:',
  appointment: 'Book an appointment:',
  sampleData: 'Sample data',
};
const arabicLabels: SlipLabels = {
  bring: 'ما يجب إحضاره',
  fees: 'التكاليف',
  place: 'أين',
  hours: 'أوقات العمل',
  weekdays: ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'],
  closed: 'مغلق',
  online: 'تابع عبر الإنترنت:',
  appointment: 'احجز موعدًا:',
  sampleData: 'بيانات تجريبية',
};
const turkishLabels: SlipLabels = {
  bring: 'Yanınızda getirin',
  fees: 'Ücretler',
  place: 'Nerede',
  hours: 'Çalışma saatleri',
  weekdays: ['Pzt', 'Sal', 'Çar', 'Per', 'Cum', 'Cmt', 'Paz'],
  closed: 'kapalı',
  online: 'Çevrimiçi devam edin:',
  appointment: 'Randevu alın:',
  sampleData: 'Örnek veriler',
};
const labelsByLanguage = {
  de: germanLabels,
  'de-x-ls': germanLabels,
  en: englishLabels,
  ar: arabicLabels,
  uk: englishLabels,
  ru: englishLabels,
  tr: turkishLabels,
  fa: englishLabels,
} as const;

let pack: ContentPack;
beforeAll(async () => {
  pack = await loadJenaPack();
});

function request(language: SlipRequest['language'], serviceId = 'personalausweis-ab-16'): SlipRequest {
  return { language, serviceId, labels: labelsByLanguage[language], germanLabels };
}

async function printSlip(req: SlipRequest, printer = new RecordingPrinter()) {
  const desk = createInfoSlipDesk({ pack: () => pack, printer });
  const result = await desk.printSlip(req);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(contentRequestChannels['content.printSlip'].response.safeParse(result.value).success).toBe(true);
  return { ...result.value, receipt: printer.printed[0], printer };
}

function service(id: string): Service {
  const found = pack.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

describe('information slip', () => {
  it('in German: name large and bold, summary, checklist, fees, place, weekly hours, QR code with the online link', async () => {
    const { receipt, print, printedIn } = await printSlip(request('de'));
    expect(print).toEqual({ status: 'printed' });
    expect(printedIn).toBe('de');
    expect(receipt?.blocks).toContainEqual({ type: 'text', text: 'Personalausweis für Person ab 16 Jahren', size: 'large', bold: true });
    const texts = receiptTexts(receipt);
    // The sample-data line first; cp858 has no dash '–', so it is printed as '-'.
    expect(texts[0]).toBe('Beispieldaten - bitte vor Ort prüfen');
    expect(texts).toContain(
      'Ab 16 Jahren brauchen Sie einen gültigen Personalausweis oder Reisepass. Hier beantragen Sie einen neuen Ausweis, zum Beispiel wenn Ihr alter Ausweis abläuft oder Ihr Name sich ändert.',
    );
    expect(texts).toContain('Das bringen Sie mit');
    expect(texts).toContain('[ ] Ihren bisherigen Ausweis oder Pass, auch wenn er abgelaufen ist');
    expect(texts).toContain('[ ] Geld für die Gebühr (Bargeld oder Girokarte)');
    expect(texts.find((t) => t.startsWith('[ ] ein aktuelles biometrisches Passfoto'))).toContain('nur digital - vom Fotostudio');
    expect(texts).toContain('Kosten');
    expect(texts).toContain('37,00 € ab 24 Jahren (10 Jahre gültig); 22,80 € unter 24 Jahren (6 Jahre gültig). Foto vor Ort: 6,00 €.');
    expect(texts).toContain('Wo');
    expect(texts.some((t) => t.startsWith('E.02 '))).toBe(true);
    expect(texts).toContain('Erdgeschoss');
    expect(texts).toContain('Bürgerservice Jena, Am Anger 15, 07743 Jena');
    const hours = texts.slice(texts.indexOf('Öffnungszeiten') + 1, texts.indexOf('Öffnungszeiten') + 8);
    expect(hours).toEqual(['Mo 08:00-18:00', 'Di 08:00-18:00', 'Mi 08:00-12:00', 'Do 08:00-18:00', 'Fr 08:00-12:00', 'Sa geschlossen', 'So geschlossen']);
    const qr = receipt?.blocks.findIndex((b) => b.type === 'qr') ?? -1;
    expect(receipt?.blocks[qr]).toEqual({ type: 'qr', payload: 'https://www.personalausweisportal.de/' });
    expect(receipt?.blocks[qr - 1]).toMatchObject({ type: 'text', text: 'Online weitermachen:' });
    expect(receipt?.blocks[qr + 1]).toMatchObject({ type: 'text', text: 'https://www.personalausweisportal.de/' });
    expect(receiptPrintable(receipt ?? { blocks: [] }, 'cp858')).toBe(true);
  });

  it('in English: English labels and pack texts, weekday names from the labels', async () => {
    const { receipt, printedIn } = await printSlip(request('en'));
    expect(printedIn).toBe('en');
    const texts = receiptTexts(receipt);
    expect(texts[0]).toBe('Sample data');
    expect(texts).toContain('ID card (age 16 and over)');
    expect(texts).toContain('What to bring');
    expect(texts).toContain('[ ] your old ID card or passport, even if it has expired');
    expect(texts).toContain('Mon 08:00-18:00');
    expect(texts).toContain('Sun closed');
    expect(texts).toContain('Ground floor');
    expect(texts).not.toContain('Erdgeschoss');
  });

  it('keeps the typographic dash where the code page has it (windows1252)', async () => {
    const { receipt } = await printSlip(request('de'), new RecordingPrinter('windows1252'));
    expect(receiptTexts(receipt)).toContain('Mo 08:00–18:00');
  });

  it('prints an Arabic request in German and says so', async () => {
    const { receipt, printedIn } = await printSlip(request('ar'));
    expect(printedIn).toBe('de');
    const texts = receiptTexts(receipt);
    expect(texts).toContain('Personalausweis für Person ab 16 Jahren');
    expect(texts).toContain('Das bringen Sie mit');
    expect(texts).toContain('Mo 08:00-18:00');
    expect(texts.join('\n')).not.toMatch(/[\u0600-\u06FF]/);
  });

  it('prints Turkish in German on cp858, which has no ğ, ş or ı', async () => {
    const { receipt, printedIn } = await printSlip(request('tr'));
    expect(printedIn).toBe('de');
    expect(receiptTexts(receipt)).toContain('Das bringen Sie mit');
    expect(receiptTexts(receipt).join('\n')).not.toMatch(/[ğşıĞŞİ]/);
  });

  it('uses the appointment link when there is no online service', async () => {
    const { receipt } = await printSlip(request('de', 'reisepass-ab-18'));
    const qr = receipt?.blocks.findIndex((b) => b.type === 'qr') ?? -1;
    expect(receipt?.blocks[qr]).toEqual({ type: 'qr', payload: 'https://www.jena.de/' });
    expect(receipt?.blocks[qr - 1]).toMatchObject({ text: 'Termin buchen:' });
  });

  it('leaves out the sample-data line when the pack is checked', () => {
    const checked: ContentPack = { ...pack, manifest: { ...pack.manifest, sampleData: false } };
    const receipt = infoSlipReceipt(checked, service('personalausweis-ab-16'), { language: 'de', labels: germanLabels, codePage: 'cp858' });
    expect(receipt.ok && receiptTexts(receipt.value)[0]).toBe('Personalausweis für Person ab 16 Jahren');
  });

  it('answers not-found for an unknown service and unavailable without a pack, printing nothing', async () => {
    const printer = new RecordingPrinter();
    const desk = createInfoSlipDesk({ pack: () => pack, printer });
    expect(await desk.printSlip(request('de', 'no-such-service'))).toEqual({ ok: false, error: { code: 'not-found', detail: 'no such service' } });
    const empty = fixedContent(null);
    const without = createInfoSlipDesk({ pack: () => empty.current(), printer });
    expect(await without.printSlip(request('de'))).toEqual({ ok: false, error: { code: 'unavailable', detail: 'no content pack' } });
    expect(printer.printed).toEqual([]);
  });

  it('fails as no-printer on a terminal without a printer', async () => {
    const desk = createInfoSlipDesk({ pack: () => pack, printer: null });
    expect(await desk.printSlip(request('de'))).toEqual({ ok: true, value: { print: { status: 'failed', reason: 'no-printer' }, printedIn: 'de' } });
  });

  it('passes on a failed print', async () => {
    const printer = new RecordingPrinter();
    printer.result = { status: 'failed', reason: 'paper-end' };
    expect((await printSlip(request('de'), printer)).print).toEqual({ status: 'failed', reason: 'paper-end' });
  });

  it('fits the receipt schema and encodes for every service of the Jena pack in every language', () => {
    const problems: string[] = [];
    for (const s of pack.services) {
      for (const language of uiLanguages) {
        const built = infoSlipReceipt(pack, s, { language, labels: labelsByLanguage[language], codePage: 'cp858' });
        if (!built.ok) problems.push(`${s.id}/${language}: ${built.error.detail ?? built.error.code}`);
        else if (!receiptSchema.safeParse(built.value).success) problems.push(`${s.id}/${language}: schema`);
      }
      // The German slip is the fallback: it must print without '?'.
      const german = infoSlipReceipt(pack, s, { language: 'de', labels: germanLabels, codePage: 'cp858' });
      if (german.ok && !receiptPrintable(german.value, 'cp858')) problems.push(`${s.id}/de: not printable in cp858`);
    }
    expect(problems).toEqual([]);
    const sample = infoSlipReceipt(pack, service('personalausweis-ab-16'), { language: 'de', labels: germanLabels, codePage: 'cp858' });
    expect(sample.ok && encodeReceipt(sample.value, { codePage: { name: 'cp858', escT: 19 }, columns: 42 }).length).toBeGreaterThan(100);
  });

  it('clips long texts and cuts a long checklist so that the slip still fits', () => {
    const long = 'Sehr langer Text mit Zeilen\numbrüchen und\tTabs '.repeat(200).trim();
    const huge: Service = {
      ...service('personalausweis-ab-16'),
      name: { de: long },
      summary: { de: long },
      fees: { de: long },
      bring: Array.from({ length: 30 }, () => ({ de: long })),
      onlineUrl: `https://example.org/${'a'.repeat(470)}`,
    };
    const long200 = 'x'.repeat(200);
    const labels: SlipLabels = {
      ...germanLabels,
      bring: long200,
      fees: long200,
      place: long200,
      hours: long200,
      weekdays: Array.from({ length: 7 }, () => long200),
      closed: long200,
      online: long200,
      sampleData: long200,
    };
    const built = infoSlipReceipt(pack, huge, { language: 'de', labels, codePage: 'cp858' });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const receipt: Receipt = built.value;
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
    expect(receipt.blocks.length).toBeLessThanOrEqual(60);
    const texts = receiptTexts(receipt);
    expect(texts.every((t) => !/[\n\t]/.test(t))).toBe(true);
    expect(texts.filter((t) => t.startsWith('[ ] ')).length).toBeGreaterThan(3);
    // The sections after the checklist are still there.
    expect(receipt.blocks.some((b) => b.type === 'qr')).toBe(true);
    expect(texts.some((t) => t.endsWith('...'))).toBe(true);
  });
});
