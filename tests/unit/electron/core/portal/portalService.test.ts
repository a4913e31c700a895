import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PortalTile } from '#shared/config/portalConfig';
import type { PortalFrame, PortalView } from '#shared/contract/portalContract';
import { PortalService } from '#core/portal/portalService';
import type { PortalPage, PortalPageEvents, PortalSurface } from '#core/portal/portalSurface';
import type { DocumentJob, DocumentPrinter } from '#core/portal/printing/documentPrinter';
import { captureLog } from '#tests/unit/support/logCapture';

const tile: PortalTile = {
  id: 'portal',
  label: { de: 'Testportal', en: 'Test portal' },
  icon: 'document',
  startUrl: 'https://portal.example.de/start',
  origins: ['https://portal.example.de'],
  permissions: [],
  printPdfs: true,
  uploadFolder: null,
};
const scanTile: PortalTile = { ...tile, id: 'scan', uploadFolder: '/srv/scans' };
const pdf = new TextEncoder().encode('%PDF-1.4 page');

interface FakePage extends PortalPage {
  readonly calls: string[];
  readonly events: PortalPageEvents;
  closed: boolean;
}

function fakeSurface(options: { openDelay?: Promise<void>; failOpen?: boolean; failClose?: boolean } = {}) {
  const pages: FakePage[] = [];
  const surface: PortalSurface & { opens: number } = {
    kind: 'frames',
    opens: 0,
    async open(_tile, events) {
      surface.opens += 1;
      await options.openDelay;
      if (options.failOpen === true) throw new Error('browser gone');
      const calls: string[] = [];
      const record =
        (name: string) =>
        (arg?: unknown): Promise<void> => {
          calls.push(arg === undefined ? name : `${name} ${JSON.stringify(arg)}`);
          return Promise.resolve();
        };
      const page: FakePage = {
        calls,
        events,
        closed: false,
        navigate: record('navigate'),
        back: record('back'),
        reload: record('reload'),
        layout: record('layout'),
        type: record('type'),
        key: record('key'),
        pointer: record('pointer'),
        wheel: record('wheel'),
        printToPdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.7 the page')),
        close() {
          if (options.failClose === true) return Promise.reject(new Error('stuck'));
          page.closed = true;
          return Promise.resolve();
        },
      };
      pages.push(page);
      return page;
    },
  };
  return { surface, pages };
}

/** A document printer that prints with `print` and has nothing else to do. */
function printerThat(print: DocumentPrinter['print']): DocumentPrinter {
  return { print, endSession: () => Promise.resolve(), sweep: () => Promise.resolve(), health: () => null, onHealth: () => () => undefined };
}

function setup(options: Parameters<typeof fakeSurface>[0] & { printer?: DocumentPrinter | null; session?: string | null; files?: string[] } = {}) {
  const { surface, pages } = fakeSurface(options);
  const views: PortalView[] = [];
  const frames: PortalFrame[] = [];
  const log = captureLog();
  let session: string | null = options.session === undefined ? 'session-1' : options.session;
  const activity = vi.fn();
  const service = new PortalService({
    tiles: [tile, scanTile],
    surface,
    printer: options.printer === undefined ? null : options.printer,
    logger: log.logger,
    activeSession: () => session,
    emit: (view) => views.push(view),
    emitFrame: (frame) => frames.push(frame),
    listFolder: () => Promise.resolve((options.files ?? []).map((name) => ({ name, modifiedMs: Number.MAX_SAFE_INTEGER }))),
    removeFile: () => Promise.resolve(),
    onActivity: activity,
  });
  return {
    service,
    surface,
    pages,
    views,
    frames,
    log,
    activity,
    endSession: () => {
      session = null;
    },
    page: (index = 0): FakePage => {
      const page = pages[index];
      if (page === undefined) throw new Error(`no page ${String(index)}`);
      return page;
    },
  };
}

const reset = (service: PortalService) => service.resetParticipant().reset({ resetId: 'r1', reason: 'end' });

describe('PortalService', () => {
  it('lists the tiles in the asked language, German where the config has none', () => {
    const { service } = setup();
    expect(service.tiles('en')[0]).toEqual({ id: 'portal', label: { text: 'Test portal', lang: 'en' }, icon: 'document' });
    expect(service.tiles('uk')[0]?.label).toEqual({ text: 'Test portal', lang: 'en' });
    expect(service.tiles('de-x-ls')[0]?.label).toEqual({ text: 'Testportal', lang: 'de' });
  });

  it('opens a tile only inside a session and only a configured one', async () => {
    expect(await setup({ session: null }).service.open('portal')).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await setup().service.open('nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const { service, pages } = setup();
    const result = await service.open('portal');
    expect(result).toMatchObject({ ok: true, value: { status: 'open', tileId: 'portal', loading: true, surface: 'frames' } });
    expect(pages).toHaveLength(1);
  });

  it('a reset that comes before the page is asked for means no page is opened at all', async () => {
    const { service, surface } = setup();
    const opening = service.open('portal');
    await reset(service);
    await opening;
    expect(surface.opens).toBe(0);
    expect(service.view().status).toBe('closed');
  });

  it('opening another tile closes the first page with its context', async () => {
    const { service, page } = setup();
    await service.open('portal');
    await service.open('scan');
    expect(page(0).closed).toBe(true);
    expect(page(1).closed).toBe(false);
    expect(service.view().tileId).toBe('scan');
  });

  it('ignores every event of a page that was closed, so nothing reaches the next view', async () => {
    const { service, page, frames } = setup();
    await service.open('portal');
    const old = page(0).events;
    await reset(service);
    old.focus('text');
    old.blocked({ reason: 'foreign-origin', url: 'https://evil.test/' });
    old.frame({ data: 'AAAA', width: 10, height: 10 });
    old.failed({ kind: 'offline', url: 'https://portal.example.de/' });
    expect(service.view()).toMatchObject({ status: 'closed', focus: 'none', blocked: null, error: null });
    expect(frames).toHaveLength(0);
  });

  it('a reset during a slow open closes the page as soon as it exists', async () => {
    let release = (): void => undefined;
    const openDelay = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { service, page, surface } = setup({ openDelay });
    const opening = service.open('portal');
    await vi.waitFor(() => {
      expect(surface.opens).toBe(1);
    });
    await reset(service);
    release();
    await opening;
    expect(page(0).closed).toBe(true);
    expect(service.view().status).toBe('closed');
  });

  it('shows a failed open as the error page', async () => {
    const { service } = setup({ failOpen: true });
    const result = await service.open('portal');
    expect(result).toMatchObject({ ok: true, value: { status: 'open', loading: false, error: { kind: 'failed', url: 'https://portal.example.de/start' } } });
  });

  it('reports loading, navigation, focus and frames of the live page', async () => {
    const { service, page, frames } = setup();
    await service.open('portal');
    page().events.loading(false);
    page().events.navigated({ url: 'https://portal.example.de/form', canGoBack: true });
    page().events.focus('email');
    page().events.frame({ data: 'AAAA', width: 800, height: 600 });
    expect(service.view()).toMatchObject({ loading: false, canGoBack: true, focus: 'email' });
    expect(frames).toEqual([{ data: 'AAAA', width: 800, height: 600 }]);
  });

  it('shows a refused navigation with its origin and path for the QR code (no credentials, query or fragment), and back returns to the portal page', async () => {
    const { service, page } = setup();
    await service.open('portal');
    page().events.blocked({ reason: 'foreign-origin', url: 'https://user:pw@evil.test/x?name=Erika#step' });
    expect(service.view().blocked).toEqual({ reason: 'foreign-origin', url: 'https://evil.test/x' });
    await service.command('back');
    expect(service.view().blocked).toBeNull();
    // The page never left: the kiosk's page only covered it.
    expect(page().calls).not.toContain('back');
  });

  it('shows no address for refusals other than a foreign origin', async () => {
    const { service, page } = setup();
    await service.open('portal');
    page().events.blocked({ reason: 'eid', url: 'http://127.0.0.1:24727/eID-Client?tcTokenURL=x' });
    expect(service.view().blocked).toEqual({ reason: 'eid', url: null });
  });

  it('retries the failed address on reload, and goes home to the start URL', async () => {
    const { service, page } = setup();
    await service.open('portal');
    page().events.failed({ kind: 'offline', url: 'https://portal.example.de/form?step=2&name=Erika' });
    // The error page shows origin and path; "try again" still asks for the address in full.
    expect(service.view()).toMatchObject({ loading: false, error: { kind: 'offline', url: 'https://portal.example.de/form' } });
    await service.command('reload');
    expect(page().calls).toContain('navigate "https://portal.example.de/form?step=2&name=Erika"');
    expect(service.view().error).toBeNull();
    await service.command('home');
    expect(page().calls).toContain('navigate "https://portal.example.de/start"');
    await service.command('back');
    expect(page().calls).toContain('back');
  });

  it('forwards typing, keys, pointer and layout to the page', async () => {
    const { service, page } = setup();
    expect(await service.type('x')).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    await service.layout({ visible: true, x: 0, y: 100, width: 1200, height: 700 });
    await service.open('portal');
    await service.type('Jörg');
    await service.key('Backspace');
    await service.pointer({ type: 'down', pointer: 'touch', x: 5, y: 6 });
    await service.layout({ visible: true, x: 0, y: 100, width: 1200, height: 400 });
    expect(page().calls).toEqual([
      'type "Jörg"',
      'key "Backspace"',
      'pointer {"type":"down","pointer":"touch","x":5,"y":6}',
      'layout {"visible":true,"x":0,"y":100,"width":1200,"height":400}',
    ]);
  });

  it('answers a JavaScript dialog once, and dismisses an older one when a second comes', async () => {
    const { service, page } = setup();
    await service.open('portal');
    const first = vi.fn(() => Promise.resolve());
    const second = vi.fn(() => Promise.resolve());
    page().events.dialog({ kind: 'confirm', message: 'Sicher?', defaultValue: '' }, first);
    page().events.dialog({ kind: 'prompt', message: 'Name?', defaultValue: 'x' }, second);
    expect(first).toHaveBeenCalledWith(false);
    const dialog = service.view().dialog;
    expect(dialog).toMatchObject({ kind: 'prompt', message: 'Name?', defaultValue: 'x' });
    expect(await service.answerDialog('wrong-id', true, undefined)).toMatchObject({ ok: false });
    await service.answerDialog(dialog?.id ?? '', true, 'Jörg');
    expect(second).toHaveBeenCalledWith(true, 'Jörg');
    expect(service.view().dialog).toBeNull();
  });

  it('offers a downloaded PDF for printing, holds it in memory only, and prints it', async () => {
    const jobs: DocumentJob[] = [];
    const printer = printerThat((job) => {
      jobs.push(job);
      return Promise.resolve({ status: 'printed' });
    });
    const { service, page } = setup({ printer });
    await service.open('portal');
    page().events.download({ mimeType: 'application/pdf', filename: '../../Antrag\u0007.pdf', read: () => Promise.resolve(pdf) });
    await vi.waitFor(() => {
      expect(service.view().offer).not.toBeNull();
    });
    expect(service.view().offer?.name).toBe('Antrag.pdf');
    await service.print('offer');
    expect(jobs[0]?.pdf).toBe(pdf);
    expect(service.view()).toMatchObject({ offer: null, print: { status: 'printed' } });
  });

  it('refuses other downloads with a notice and never reads them', async () => {
    const { service, page } = setup();
    await service.open('portal');
    const read = vi.fn(() => Promise.resolve(pdf));
    page().events.download({ mimeType: 'application/zip', filename: 'a.pdf', read });
    await vi.waitFor(() => {
      expect(service.view().notice).toBe('download-refused');
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('prints the current page and shows the printer outcome; without a printer it says so', async () => {
    const failing = printerThat(() => Promise.resolve({ status: 'failed', reason: 'printer-unavailable' }));
    const withPrinter = setup({ printer: failing });
    await withPrinter.service.open('portal');
    withPrinter.page().events.loading(false);
    await withPrinter.service.print('page');
    expect(withPrinter.service.view().print).toEqual({ status: 'failed', reason: 'printer-unavailable' });
    withPrinter.service.dismiss('print');
    expect(withPrinter.service.view().print).toEqual({ status: 'idle' });

    const without = setup({ printer: null });
    await without.service.open('portal');
    without.page().events.loading(false);
    await without.service.print('page');
    expect(without.service.view().print).toEqual({ status: 'failed', reason: 'no-printer' });
  });

  it('prints a page that is still loading once it has loaded, and tries once more when the PDF fails in the middle of a navigation', async () => {
    const jobs: Uint8Array[] = [];
    const printer = printerThat((job) => {
      jobs.push(job.pdf);
      return Promise.resolve({ status: 'printed' });
    });
    const { service, page } = setup({ printer });
    await service.open('portal');
    let attempts = 0;
    const portalPage = page();
    const loadingWhilePrinting: boolean[] = [];
    (portalPage as { printToPdf: () => Promise<Uint8Array> }).printToPdf = () => {
      attempts += 1;
      loadingWhilePrinting.push(service.view().loading);
      // The first attempt meets a navigation that starts just then (a form sent a moment ago).
      if (attempts === 1) {
        portalPage.events.loading(true);
        return Promise.reject(new Error('Printing failed'));
      }
      return Promise.resolve(pdf);
    };
    portalPage.events.loading(false);
    const printing = service.print('page');
    await vi.waitFor(() => {
      expect(attempts).toBe(1);
    });
    expect(service.view().print).toEqual({ status: 'printing' });
    portalPage.events.loading(false);
    await printing;
    expect(attempts).toBe(2);
    expect(loadingWhilePrinting).toEqual([false, false]);
    expect(jobs).toEqual([pdf]);
    expect(service.view().print).toEqual({ status: 'printed' });
  });

  it('aborts a print job at reset and does not show its outcome to the next citizen', async () => {
    let seen: AbortSignal | null = null;
    let finish = (): void => undefined;
    const printer = printerThat((job) => {
      seen = job.signal;
      return new Promise((resolve) => {
        finish = () => {
          resolve({ status: 'failed', reason: 'aborted' });
        };
      });
    });
    const { service, page } = setup({ printer });
    await service.open('portal');
    page().events.loading(false);
    const printing = service.print('page');
    await vi.waitFor(() => {
      expect(seen).not.toBeNull();
    });
    await reset(service);
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
    finish();
    await printing;
    expect(service.view()).toMatchObject({ status: 'closed', print: { status: 'idle' } });
  });

  it('refuses a file chooser without a scan folder and cancels it', async () => {
    const { service, page } = setup();
    await service.open('portal');
    const choose = vi.fn(() => Promise.resolve());
    page().events.fileChooser({ multiple: false, choose });
    await vi.waitFor(() => {
      expect(service.view().notice).toBe('file-refused');
    });
    expect(choose).toHaveBeenCalledWith([]);
  });

  it('limits a file chooser to the scan folder: only listed names, joined to the folder', async () => {
    const { service, page } = setup({ files: ['scan-1.pdf', 'scan-2.jpg'] });
    await service.open('scan');
    const choose = vi.fn(() => Promise.resolve());
    page().events.fileChooser({ multiple: false, choose });
    await vi.waitFor(() => {
      expect(service.view().fileChooser).not.toBeNull();
    });
    const id = service.view().fileChooser?.id ?? '';
    expect(service.view().fileChooser?.files).toEqual([{ name: 'scan-1.pdf' }, { name: 'scan-2.jpg' }]);
    expect(await service.chooseFiles(id, ['../../etc/passwd'])).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await service.chooseFiles(id, ['scan-1.pdf', 'scan-2.jpg'])).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    await service.chooseFiles(id, ['scan-2.jpg']);
    expect(choose).toHaveBeenCalledWith(['/srv/scans/scan-2.jpg']);
    expect(service.view().fileChooser).toBeNull();
  });

  it('reset closes the page, drops offers and dialogs', async () => {
    const { service, page } = setup();
    await service.open('portal');
    page().events.dialog({ kind: 'alert', message: 'Hallo', defaultValue: '' }, () => Promise.resolve());
    page().events.download({ mimeType: 'application/pdf', filename: 'a.pdf', read: () => Promise.resolve(pdf) });
    await vi.waitFor(() => {
      expect(service.view().offer).not.toBeNull();
    });
    await reset(service);
    expect(page().closed).toBe(true);
    expect(service.view()).toEqual(expect.objectContaining({ status: 'closed', tileId: null, dialog: null, offer: null, notice: null }));
    expect(await service.print('offer')).toMatchObject({ ok: false });
  });

  it('reports a page that cannot be closed as a failed reset', async () => {
    const { service } = setup({ failClose: true });
    await service.open('portal');
    await expect(reset(service)).rejects.toThrow(/could not be closed/);
    expect(service.view().status).toBe('closed');
  });

  it('passes the citizen’s input in a natively drawn view on as activity, only while the page is open', async () => {
    const { service, page, activity } = setup();
    await service.open('portal');
    page().events.activity();
    expect(activity).toHaveBeenCalledTimes(1);
    await reset(service);
    page().events.activity();
    expect(activity).toHaveBeenCalledTimes(1);
  });

  it('logs tiles and reasons, never addresses or typed text', async () => {
    const { service, page, log } = setup();
    await service.open('portal');
    await service.type('CANARY-typed');
    page().events.blocked({ reason: 'foreign-origin', url: 'https://evil.test/?q=CANARY-url' });
    page().events.failed({ kind: 'server', url: 'https://portal.example.de/?q=CANARY-url' });
    expect(log.raw()).not.toContain('CANARY');
    expect(log.entries().map((entry) => entry.event)).toEqual(expect.arrayContaining(['portal-open', 'portal-blocked', 'portal-failed']));
  });
});

describe('PortalService: scans are the citizen’s', () => {
  function scanSetup(now: { ms: number }) {
    const folder = mkdtempSync(join(tmpdir(), 'kiosk-scans-'));
    const { surface, pages } = fakeSurface({});
    const ended = vi.fn(() => Promise.resolve());
    const swept = vi.fn(() => Promise.resolve());
    const service = new PortalService({
      tiles: [{ ...scanTile, uploadFolder: folder }],
      surface,
      printer: { print: () => Promise.resolve({ status: 'printed' }), endSession: ended, sweep: swept, health: () => null, onHealth: () => () => undefined },
      logger: captureLog().logger,
      activeSession: () => 'session-1',
      emit: () => undefined,
      emitFrame: () => undefined,
      now: () => now.ms,
    });
    return { folder, service, pages, ended, swept };
  }

  it('the session end deletes every scan in the scan folder and what the session printed', async () => {
    const now = { ms: Date.now() };
    const { folder, service, ended } = scanSetup(now);
    writeFileSync(join(folder, 'ausweis-scan.pdf'), 'Erika Mustermann');
    writeFileSync(join(folder, 'antrag.jpg'), 'Erika Mustermann');
    await reset(service);
    expect(readdirSync(folder)).toEqual([]);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('at start deletes what an earlier run left in the scan folder and the printer', async () => {
    const { folder, service, swept } = scanSetup({ ms: Date.now() });
    writeFileSync(join(folder, 'left-by-a-crash.pdf'), 'Erika Mustermann');
    await service.sweep();
    expect(readdirSync(folder)).toEqual([]);
    expect(swept).toHaveBeenCalledTimes(1);
  });

  it('a file chooser offers only scans made in this session', async () => {
    const now = { ms: Date.now() + 60_000 };
    const { folder, service, pages } = scanSetup(now);
    await reset(service);
    // Written before the session's scans began (e.g. by the scanner between two sessions).
    writeFileSync(join(folder, 'older.pdf'), 'someone else');
    utimesSync(join(folder, 'older.pdf'), new Date(now.ms - 30_000), new Date(now.ms - 30_000));
    writeFileSync(join(folder, 'mine.pdf'), 'this citizen');
    utimesSync(join(folder, 'mine.pdf'), new Date(now.ms + 1000), new Date(now.ms + 1000));
    await service.open('scan');
    const page = pages.at(-1);
    if (page === undefined) throw new Error('no page');
    page.events.fileChooser({ multiple: false, choose: () => Promise.resolve() });
    await vi.waitFor(() => {
      expect(service.view().fileChooser?.files).toEqual([{ name: 'mine.pdf' }]);
    });
  });
});
