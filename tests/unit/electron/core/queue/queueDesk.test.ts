import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import { createQueueDesk, type DrawRequest } from '#core/queue/queueDesk';
import type { KioskConfig } from '#shared/config/kioskConfig';
import type { ContentPack } from '#shared/content/contentPack';
import { contentRequestChannels, type TicketLabels } from '#shared/contract/contentContract';
import { fixedContent, loadJenaPack, receiptTexts, RecordingPrinter } from '#tests/unit/support/contentFakes';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';

const germanLabels: TicketLabels = {
  heading: 'Ihre Wartenummer',
  drawnAt: 'Gezogen am',
  waitingBefore: 'In der letzten Stunde vor Ihnen gezogen',
  notice: 'Bitte achten Sie auf den Aufruf am Bildschirm.',
};
const englishLabels: TicketLabels = {
  heading: 'Your queue number',
  drawnAt: 'Drawn on',
  waitingBefore: 'Drawn before you in the last hour',
  notice: 'Please watch the screen for your number.',
};
const turkishLabels: TicketLabels = {
  heading: 'Sıra numaranız',
  drawnAt: 'Alındığı zaman',
  waitingBefore: 'Son bir saatte sizden önce alınan',
  notice: 'Lütfen ekrandaki çağrıyı takip edin.',
};

// Monday 16 March 2026, 10:00 in Berlin: open. Saturday: closed.
const mondayMorning = new Date('2026-03-16T10:00:00+01:00');
const saturday = new Date('2026-03-21T10:00:00+01:00');

let pack: ContentPack;
let dataDir = '';
let now = mondayMorning;
let log: LogCapture;

beforeAll(async () => {
  pack = await loadJenaPack();
});
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'queue-desk-'));
  now = mondayMorning;
  log = captureLog();
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function setup(options: { printer?: RecordingPrinter | null; pack?: () => ContentPack | null } = {}) {
  const printer = options.printer ?? new RecordingPrinter();
  // null: a terminal without a printer.
  const desk = createQueueDesk({
    pack: options.pack ?? (() => pack),
    dir: join(dataDir, 'queue'),
    now: () => now,
    printer: options.printer === null ? null : printer,
    logger: log.logger,
  });
  return { desk, printer };
}

function request(categoryId: string, language: DrawRequest['language'] = 'de', labels = germanLabels): DrawRequest {
  return { language, categoryId, labels, germanLabels };
}

describe('queue desk', () => {
  it('draws a number, prints its ticket and answers with the ticket', async () => {
    const { desk, printer } = setup();
    const result = await desk.draw(request('ausweise'));
    expect(result).toEqual({
      ok: true,
      value: {
        ticket: { code: 'A 1', categoryId: 'ausweise', drawnAt: mondayMorning.toISOString(), waitingBefore: 0 },
        print: { status: 'printed' },
        printedIn: 'de',
      },
    });
    expect(result.ok && contentRequestChannels['queue.draw'].response.safeParse(result.value).success).toBe(true);
    expect(receiptTexts(printer.printed[0])).toEqual([
      'Ihre Wartenummer',
      'A 1',
      'Ausweise und Pässe',
      'Gezogen am 16.03.2026 10:00',
      'In der letzten Stunde vor Ihnen gezogen: 0',
      'Personalausweis, Reisepass, eID-Karte, PIN, verlorene Ausweise und Abholung.',
      'Bitte achten Sie auf den Aufruf am Bildschirm.',
    ]);
    // The number is on disk in <dataDir>/queue.
    expect(JSON.parse(readFileSync(join(dataDir, 'queue', 'tickets.json'), 'utf8'))).toMatchObject({
      date: '2026-03-16',
      categories: { ausweise: { last: 1 } },
    });
  });

  it('numbers draws one after another per category, also when they come at once', async () => {
    const { desk } = setup();
    const codes = await Promise.all(
      ['ausweise', 'ausweise', 'melden', 'ausweise'].map(async (id) => {
        const result = await desk.draw(request(id));
        return result.ok ? result.value.ticket.code : result.error.code;
      }),
    );
    expect(codes).toEqual(['A 1', 'A 2', 'B 1', 'A 3']);
    const fourth = await desk.draw(request('ausweise'));
    expect(fourth.ok && fourth.value.ticket).toMatchObject({ code: 'A 4', waitingBefore: 3 });
  });

  it('refuses with closed outside opening hours and draws no number', async () => {
    const { desk, printer } = setup();
    now = saturday;
    expect(await desk.draw(request('ausweise'))).toEqual({ ok: false, error: { code: 'closed', detail: 'outside opening hours' } });
    expect(existsSync(join(dataDir, 'queue', 'tickets.json'))).toBe(false);
    expect(printer.printed).toEqual([]);
    now = mondayMorning;
    const first = await desk.draw(request('ausweise'));
    expect(first.ok && first.value.ticket.code).toBe('A 1');
  });

  it('answers not-found for an unknown category and unavailable without a pack', async () => {
    const { desk } = setup();
    expect(await desk.draw(request('no-such-category'))).toEqual({ ok: false, error: { code: 'not-found', detail: 'no such queue category' } });
    const { desk: without } = setup({ pack: () => null });
    expect(await without.draw(request('ausweise'))).toEqual({ ok: false, error: { code: 'unavailable', detail: 'no content pack' } });
    expect(existsSync(join(dataDir, 'queue', 'tickets.json'))).toBe(false);
  });

  it('keeps the number when printing fails: the screen shows it', async () => {
    const printer = new RecordingPrinter();
    printer.result = { status: 'failed', reason: 'paper-end' };
    const { desk } = setup({ printer });
    const result = await desk.draw(request('melden'));
    expect(result.ok && result.value).toMatchObject({ ticket: { code: 'B 1' }, print: { status: 'failed', reason: 'paper-end' } });
    const next = await desk.draw(request('melden'));
    expect(next.ok && next.value.ticket.code).toBe('B 2');
  });

  it('keeps the number on a terminal without a printer (no-printer)', async () => {
    const { desk } = setup({ printer: null });
    const result = await desk.draw(request('melden'));
    expect(result.ok && result.value).toMatchObject({ ticket: { code: 'B 1' }, print: { status: 'failed', reason: 'no-printer' } });
  });

  it('prints in the citizen’s language where the code page can, in German otherwise', async () => {
    const { desk, printer } = setup();
    const english = await desk.draw(request('ausweise', 'en', englishLabels));
    expect(english.ok && english.value.printedIn).toBe('en');
    expect(receiptTexts(printer.printed[0])).toContain('ID cards and passports');
    expect(receiptTexts(printer.printed[0])).toContain('Your queue number');
    const turkish = await desk.draw(request('ausweise', 'tr', turkishLabels));
    expect(turkish.ok && turkish.value.printedIn).toBe('de');
    expect(receiptTexts(printer.printed[1])).toContain('Ihre Wartenummer');
    expect(receiptTexts(printer.printed[1])).toContain('Ausweise und Pässe');
    expect(receiptTexts(printer.printed[1]).join('\n')).not.toMatch(/[ıİşŞğĞ]/);
  });

  it('follows a pack reloaded with other categories; numbers of unchanged ones go on', async () => {
    let current = pack;
    const { desk } = setup({ pack: () => current });
    await desk.draw(request('ausweise'));
    current = { ...pack, queueCategories: [...pack.queueCategories, { id: 'wahlen', prefix: 'W', name: { de: 'Wahlen' } }] };
    const wahlen = await desk.draw(request('wahlen'));
    expect(wahlen.ok && wahlen.value.ticket.code).toBe('W 1');
    const ausweise = await desk.draw(request('ausweise'));
    expect(ausweise.ok && ausweise.value.ticket.code).toBe('A 2');
    current = pack;
    expect(await desk.draw(request('wahlen'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('logs the outcome, never which category was chosen', async () => {
    const { desk } = setup();
    await desk.draw(request('fahrzeuge'));
    expect(log.entries().some((e) => e.event === 'queue.ticket-drawn')).toBe(true);
    expect(log.raw()).not.toMatch(/fahrzeuge|"C 1"|Fahrzeuge/);
  });
});

describe('queue.draw through the core', () => {
  let core: KioskCore | undefined;
  afterEach(async () => {
    await core?.dispose();
    core = undefined;
  });

  it('prints the ticket on the configured (simulated) printer in its code page and answers over the contract', async () => {
    const config: KioskConfig = { ...testConfig(), devices: [{ id: 'printer', kind: 'printer', driver: 'simulator' }] };
    const clock = new FakeClock(mondayMorning.getTime());
    core = createKioskCore({
      config,
      logger: log.logger,
      clock,
      reloadUi: () => undefined,
      dataDir,
      content: fixedContent(pack),
      deviceAccess: {
        dataDir,
        openSerial: () => Promise.resolve({ ok: false, error: 'not-found' }),
        hid: { list: () => Promise.resolve([]), open: () => Promise.reject(new Error('no HID')) },
      },
    });
    await core.startDevices();
    expect(core.devices?.print?.codePage).toBe('cp858');
    core.session.start();
    const trusted = { trusted: true, description: 'test' };
    const result = await core.router.handle('queue.draw', request('ausweise', 'tr', turkishLabels), trusted);
    expect(result).toMatchObject({ ok: true, value: { ticket: { code: 'A 1' }, print: { status: 'printed' }, printedIn: 'de' } });
    const previews = readdirSync(join(dataDir, 'printer-preview')).filter((f) => f.endsWith('.txt'));
    expect(previews.map((f) => readFileSync(join(dataDir, 'printer-preview', f), 'utf8')).join('\n')).toContain('Ihre Wartenummer');
    const slip = await core.router.handle(
      'content.printSlip',
      {
        language: 'en',
        serviceId: 'personalausweis-ab-16',
        labels: {
          bring: 'What to bring',
          fees: 'Costs',
          place: 'Where',
          hours: 'Opening hours',
          weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
          closed: 'closed',
          online: 'Online:',
          appointment: 'Appointment:',
          sampleData: 'Sample data',
        },
        germanLabels: {
          bring: 'Das bringen Sie mit',
          fees: 'Kosten',
          place: 'Wo',
          hours: 'Öffnungszeiten',
          weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
          closed: 'geschlossen',
          online: 'Online:',
          appointment: 'Termin:',
          sampleData: 'Beispieldaten',
        },
      },
      trusted,
    );
    expect(slip).toEqual({ ok: true, value: { print: { status: 'printed' }, printedIn: 'en' } });
  });

  it('answers unavailable without a data folder', async () => {
    core = createKioskCore({
      config: testConfig(),
      logger: log.logger,
      clock: new FakeClock(mondayMorning.getTime()),
      reloadUi: () => undefined,
      content: fixedContent(pack),
    });
    const result = await core.router.handle('queue.draw', request('ausweise'), { trusted: true, description: 'test' });
    expect(!result.ok && result.error.code).toBe('unavailable');
  });
});
