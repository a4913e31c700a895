import { randomUUID } from 'node:crypto';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { PortalTile } from '#shared/config/portalConfig';
import type { PortalFrame, PortalKey, PortalLayout, PortalPointer, PortalTileView, PortalView, PortalWheel } from '#shared/contract/portalContract';
import type { UiLanguage } from '#shared/i18n/languages';
import { fail, ok, type Result } from '#shared/result';
import { localize } from '../content/localize';
import type { Logger } from '../logging/logger';
import { errorKind } from '../logging/logger';
import type { ResetParticipant } from '../session/resetCoordinator';
import { decideDownload } from './downloadPolicy';
import { decideFileChooser } from './fileChooserPolicy';
import type { PortalFileChooser, PortalPage, PortalPageEvents, PortalSurface } from './portalSurface';
import { closedPortalView, openingPortalView, shownAddress, shownFileName } from './portalView';
import type { DocumentPrinter } from './printing/documentPrinter';

/** Offered PDFs larger than this are refused rather than held in memory. */
const maxOfferBytes = 50 * 1024 * 1024;
/** A scan folder lists at most this many files (newest first would need stat calls; names suffice). */
const maxChooserFiles = 100;
/** How long "print" waits for a page that is still loading (a form just sent) before printing what is there. */
const printLoadWaitMs = 10_000;

export interface PortalServiceDeps {
  readonly tiles: readonly PortalTile[];
  readonly surface: PortalSurface;
  readonly printer: DocumentPrinter | null;
  readonly logger: Logger;
  /** The current citizen session's id, or null outside a session (portals open only inside one). */
  readonly activeSession: () => string | null;
  readonly emit: (view: PortalView) => void;
  readonly emitFrame: (frame: PortalFrame) => void;
  /** The citizen used the page (input the kiosk page did not see): restarts the idle timer. */
  readonly onActivity?: () => void;
  /** Lists a scan folder with each file's modification time (injected for tests); default: its regular, visible files. */
  readonly listFolder?: (folder: string) => Promise<readonly ScanFile[]>;
  /** Deletes a file of a scan folder (injected for tests). */
  readonly removeFile?: (path: string) => Promise<void>;
  /** Now, for telling this session's scans from older ones (injected for tests). */
  readonly now?: () => number;
}

/** A file in a scan folder. */
export interface ScanFile {
  readonly name: string;
  readonly modifiedMs: number;
}

interface Offer {
  readonly id: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

interface Chooser {
  readonly id: string;
  readonly folder: string;
  readonly files: readonly string[];
  readonly chooser: PortalFileChooser;
}

/**
 * The self-service workstation's portal view of the current session (README.md, "Online services (workstation)"): opens tiles in the host's browser, keeps the view state the UI shows, holds what a
 * page offered (a PDF, a dialog, a file chooser) and throws all of it away at every reset. Each
 * opened page gets a generation number; events of a page that was already closed are ignored, so
 * nothing of one citizen's page can reach the next citizen's view.
 */
export class PortalService {
  #view: PortalView;
  #generation = 0;
  #page: PortalPage | null = null;
  #tile: PortalTile | null = null;
  #layout: PortalLayout | null = null;
  #dialogAnswer: ((accept: boolean, text?: string) => Promise<void>) | null = null;
  #offer: Offer | null = null;
  #chooser: Chooser | null = null;
  #printAbort = new AbortController();
  /** The failed address in full, for "try again" (the view shows it without query and fragment). */
  #retryUrl: string | null = null;
  /** When the current session's scans began: a chooser offers only files written since. */
  #scansSince: number;
  /** Waiting for the page to finish loading (a print pressed while it loads). */
  readonly #loadWaiters = new Set<() => void>();

  constructor(private readonly deps: PortalServiceDeps) {
    this.#view = closedPortalView(deps.surface.kind);
    this.#scansSince = this.#now();
  }

  /** At start: deletes what an earlier run left in the scan folders and the document printer (a crash, a power cut). */
  async sweep(): Promise<void> {
    await this.deps.printer?.sweep();
    await this.#emptyScanFolders();
  }

  /** The view as the UI shows it now. */
  view(): PortalView {
    return this.#view;
  }

  /** The start page's tiles with labels in `language` (German where the config has none). */
  tiles(language: UiLanguage): PortalTileView[] {
    return this.deps.tiles.map((tile) => ({ id: tile.id, label: localize(tile.label, language), icon: tile.icon }));
  }

  /** Opens a tile in a fresh page (closing any open one first); only inside a citizen session. */
  async open(tileId: string): Promise<Result<PortalView>> {
    if (this.deps.activeSession() === null) return fail('invalid-state', 'no citizen session');
    const tile = this.deps.tiles.find((candidate) => candidate.id === tileId);
    if (tile === undefined) return fail('not-found', `no tile ${tileId}`);
    // The generation is taken before any await: a reset that comes while this opens supersedes it.
    const closing = this.#closePage();
    const generation = this.#generation;
    await closing;
    if (generation !== this.#generation) return ok(this.#view);
    this.#tile = tile;
    this.#set(openingPortalView(this.deps.surface.kind, tile.id));
    this.deps.logger.info({ event: 'portal-open', tile: tile.id }, 'portal tile opened');
    try {
      const page = await this.deps.surface.open(tile, this.#eventsFor(generation), this.#layout);
      if (generation !== this.#generation) {
        // A reset (or another tile) came while the page was starting: it must not survive.
        await page.close().catch(() => undefined);
        return ok(this.#view);
      }
      this.#page = page;
    } catch (error) {
      this.deps.logger.error({ event: 'portal-open-failed', tile: tile.id, err: errorKind(error) }, 'portal view could not be opened');
      if (generation === this.#generation) this.#update({ loading: false, error: { kind: 'failed', url: shownAddress(tile.startUrl) ?? tile.startUrl } });
    }
    return ok(this.#view);
  }

  /** Toolbar commands: home, back, reload (or retry after an error), close. */
  async command(command: 'home' | 'back' | 'reload' | 'close'): Promise<Result<PortalView>> {
    if (command === 'close') {
      await this.#closePage();
      this.#tile = null;
      this.#set(closedPortalView(this.deps.surface.kind));
      return ok(this.#view);
    }
    const page = this.#page;
    const tile = this.#tile;
    if (page === null || tile === null) return fail('invalid-state', 'no portal open');
    const shown = this.#view;
    // The kiosk's own pages (blocked, error) cover the portal page, which stayed where it was.
    this.#update({ blocked: null, error: null });
    try {
      if (command === 'home') await page.navigate(tile.startUrl);
      else if (command === 'reload') await (shown.error === null ? page.reload() : page.navigate(this.#retryUrl ?? shown.error.url));
      else if (shown.blocked === null && shown.error === null) await page.back();
    } catch (error) {
      this.deps.logger.warn({ event: 'portal-command-failed', command, err: errorKind(error) }, 'portal command failed');
    }
    return ok(this.#view);
  }

  /** Where the UI draws the view; kept for pages opened later. */
  async layout(layout: PortalLayout): Promise<Result<Record<string, never>>> {
    this.#layout = layout;
    await this.#page?.layout(layout).catch((error: unknown) => {
      this.deps.logger.warn({ event: 'portal-layout-failed', err: errorKind(error) }, 'portal layout failed');
    });
    return ok({});
  }

  /** Types into the page's focused field. */
  type(text: string): Promise<Result<Record<string, never>>> {
    return this.#forward((page) => page.type(text));
  }

  key(key: PortalKey): Promise<Result<Record<string, never>>> {
    return this.#forward((page) => page.key(key));
  }

  pointer(event: PortalPointer): Promise<Result<Record<string, never>>> {
    return this.#forward((page) => page.pointer(event));
  }

  wheel(event: PortalWheel): Promise<Result<Record<string, never>>> {
    return this.#forward((page) => page.wheel(event));
  }

  /** Prints the current page or the offered PDF on the document printer; the outcome is in the view. */
  async print(what: 'page' | 'offer'): Promise<Result<PortalView>> {
    const page = this.#page;
    if (page === null) return fail('invalid-state', 'no portal open');
    if (this.#view.print.status === 'printing') return ok(this.#view);
    const printer = this.deps.printer;
    if (printer === null) {
      this.#update({ print: { status: 'failed', reason: 'no-printer' } });
      return ok(this.#view);
    }
    const offer = this.#offer;
    if (what === 'offer' && offer === null) return fail('invalid-state', 'nothing offered');
    const generation = this.#generation;
    const signal = this.#printAbort.signal;
    this.#update({ print: { status: 'printing' } });
    let pdf: Uint8Array;
    try {
      pdf = offer !== null && what === 'offer' ? offer.bytes : await this.#pagePdf(page, generation);
    } catch (error) {
      this.deps.logger.warn({ event: 'portal-pdf-failed', err: errorKind(error) }, 'the page could not be turned into a PDF');
      if (generation === this.#generation) this.#update({ print: { status: 'failed', reason: 'nothing-to-print' } });
      return ok(this.#view);
    }
    const outcome = await printer.print({ pdf, signal });
    // The session may have ended while the printer worked: that outcome belongs to nobody now.
    if (generation !== this.#generation) return ok(this.#view);
    this.#update({ print: outcome.status === 'printed' ? { status: 'printed' } : { status: 'failed', reason: outcome.reason } });
    if (outcome.status === 'printed' && what === 'offer') this.#dropOffer();
    return ok(this.#view);
  }

  /** Answers the page's JavaScript dialog. */
  async answerDialog(id: string, accept: boolean, text: string | undefined): Promise<Result<PortalView>> {
    const answer = this.#dialogAnswer;
    if (this.#view.dialog?.id !== id || answer === null) return fail('invalid-state', 'no such dialog');
    this.#dialogAnswer = null;
    this.#update({ dialog: null });
    await answer(accept, text).catch((error: unknown) => {
      this.deps.logger.warn({ event: 'portal-dialog-failed', err: errorKind(error) }, 'answering the dialog failed');
    });
    return ok(this.#view);
  }

  /** Picks files of the scan folder for the open chooser; names must be ones it listed. */
  async chooseFiles(id: string, names: readonly string[]): Promise<Result<PortalView>> {
    const chooser = this.#chooser;
    if (chooser?.id !== id) return fail('invalid-state', 'no such file chooser');
    if (names.some((name) => !chooser.files.includes(name))) return fail('invalid-payload', 'a file that was not offered');
    if (!chooser.chooser.multiple && names.length > 1) return fail('invalid-payload', 'one file only');
    this.#chooser = null;
    this.#update({ fileChooser: null });
    await chooser.chooser.choose(names.map((name) => join(chooser.folder, name))).catch((error: unknown) => {
      this.deps.logger.warn({ event: 'portal-file-choose-failed', err: errorKind(error) }, 'setting the chosen files failed');
    });
    return ok(this.#view);
  }

  /** Closes the offer, the notice or the print result. */
  dismiss(what: 'offer' | 'notice' | 'print'): Result<PortalView> {
    if (what === 'offer') this.#dropOffer();
    else if (what === 'notice') this.#update({ notice: null });
    else if (this.#view.print.status !== 'printing') this.#update({ print: { status: 'idle' } });
    return ok(this.#view);
  }

  /** The reset participant: closes the page with its context/partition, drops what it offered, aborts printing, deletes printed documents and scans. */
  resetParticipant(): ResetParticipant {
    return {
      name: 'portal',
      reset: async () => {
        this.#printAbort.abort();
        this.#printAbort = new AbortController();
        const closed = await this.#closePage();
        await this.deps.printer?.endSession();
        await this.#emptyScanFolders();
        this.#tile = null;
        this.#set(closedPortalView(this.deps.surface.kind));
        // Reported as a failed participant (logged, staff alerted) rather than pretending the wipe worked.
        if (!closed) throw new Error('the portal page could not be closed');
      },
    };
  }

  /** Closes the open page and forgets what it offered; false when the host could not close it. */
  async #closePage(): Promise<boolean> {
    this.#generation += 1;
    const page = this.#page;
    this.#page = null;
    this.#dialogAnswer = null;
    this.#chooser = null;
    this.#offer = null;
    this.#retryUrl = null;
    if (page === null) return true;
    try {
      await page.close();
      return true;
    } catch (error) {
      this.deps.logger.error({ event: 'portal-close-failed', err: errorKind(error) }, 'closing the portal view failed');
      return false;
    }
  }

  #now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Deletes every file in the tiles' scan folders: a scan is the citizen's, and the next one must not find it. */
  async #emptyScanFolders(): Promise<void> {
    this.#scansSince = this.#now();
    const folders = [...new Set(this.deps.tiles.flatMap((tile) => (tile.uploadFolder === null ? [] : [tile.uploadFolder])))];
    let removed = 0;
    for (const folder of folders) {
      let files: readonly ScanFile[];
      try {
        files = await (this.deps.listFolder ?? listVisibleFiles)(folder);
      } catch {
        continue;
      }
      for (const file of files) {
        try {
          await (this.deps.removeFile ?? unlink)(join(folder, file.name));
          removed += 1;
        } catch (error) {
          this.deps.logger.error({ event: 'scan-remove-failed', code: (error as NodeJS.ErrnoException).code ?? 'unknown' }, 'a scan could not be deleted');
        }
      }
    }
    if (removed > 0) this.deps.logger.info({ event: 'scans-removed', files: removed }, 'scans deleted');
  }

  async #forward(action: (page: PortalPage) => Promise<void>): Promise<Result<Record<string, never>>> {
    const page = this.#page;
    if (page === null) return fail('invalid-state', 'no portal open');
    try {
      await action(page);
    } catch (error) {
      this.deps.logger.warn({ event: 'portal-input-failed', err: errorKind(error) }, 'input to the portal failed');
    }
    return ok({});
  }

  #dropOffer(): void {
    this.#offer = null;
    this.#update({ offer: null });
  }

  #set(view: PortalView): void {
    this.#view = view;
    this.deps.emit(view);
    if (!view.loading) for (const loaded of [...this.#loadWaiters]) loaded();
  }

  /**
   * The page as a PDF, once it has loaded: a page caught by "print" in the middle of a navigation (a
   * form just sent) cannot be printed, so that is tried once more when the new page is there.
   */
  async #pagePdf(page: PortalPage, generation: number): Promise<Uint8Array> {
    await this.#loaded();
    try {
      return await page.printToPdf();
    } catch (error) {
      if (generation !== this.#generation) throw error;
      this.deps.logger.info({ event: 'portal-pdf-retry', err: errorKind(error) }, 'the page could not be printed yet; once more after it has loaded');
      await this.#loaded();
      if (generation !== this.#generation) throw error;
      return page.printToPdf();
    }
  }

  /** Resolves once the page is not loading, or after printLoadWaitMs. */
  #loaded(): Promise<void> {
    if (!this.#view.loading) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#loadWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, printLoadWaitMs);
      this.#loadWaiters.add(done);
    });
  }

  #update(change: Partial<PortalView>): void {
    this.#set({ ...this.#view, ...change });
  }

  #eventsFor(generation: number): PortalPageEvents {
    const live = (): boolean => generation === this.#generation;
    const tileId = (): string => this.#tile?.id ?? '';
    return {
      loading: (loading) => {
        if (live()) this.#update({ loading });
      },
      navigated: ({ canGoBack }) => {
        if (live()) this.#update({ canGoBack, blocked: null, error: null, focus: 'none' });
      },
      blocked: ({ reason, url }) => {
        if (!live()) return;
        this.deps.logger.info({ event: 'portal-blocked', tile: tileId(), reason }, 'navigation refused');
        this.#update({ loading: false, blocked: { reason, url: url === null || reason !== 'foreign-origin' ? null : shownAddress(url) } });
      },
      failed: ({ kind, url }) => {
        if (!live()) return;
        this.deps.logger.info({ event: 'portal-failed', tile: tileId(), kind }, 'portal page could not be loaded');
        this.#retryUrl = url;
        this.#update({ loading: false, error: { kind, url: shownAddress(url) ?? shownAddress(this.#tile?.startUrl ?? '') ?? '' } });
      },
      focus: (focus) => {
        if (live() && this.#view.focus !== focus) this.#update({ focus });
      },
      dialog: (request, answer) => {
        if (!live()) {
          void answer(false).catch(() => undefined);
          return;
        }
        // One dialog at a time: an older one still open is dismissed.
        void this.#dialogAnswer?.(false).catch(() => undefined);
        this.#dialogAnswer = answer;
        this.#update({
          dialog: { id: randomUUID(), kind: request.kind, message: request.message.slice(0, 2000), defaultValue: request.defaultValue.slice(0, 500) },
        });
      },
      download: (download) => {
        void this.#onDownload(generation, download.mimeType, download.filename, () => download.read());
      },
      fileChooser: (chooser) => {
        void this.#onFileChooser(generation, chooser);
      },
      refused: (what) => {
        if (live()) this.#update({ notice: what === 'popup' ? 'popup-refused' : 'permission-refused' });
      },
      frame: (frame) => {
        if (live()) this.deps.emitFrame(frame);
      },
      activity: () => {
        if (live()) this.deps.onActivity?.();
      },
    };
  }

  async #onDownload(generation: number, mimeType: string, filename: string, read: () => Promise<Uint8Array>): Promise<void> {
    const tile = this.#tile;
    if (generation !== this.#generation || tile === null) return;
    const decision = decideDownload({ mimeType, filename, tile });
    this.deps.logger.info({ event: 'portal-download', tile: tile.id, action: decision.action }, 'download stopped');
    if (decision.action === 'refuse') {
      this.#update({ notice: 'download-refused' });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await read();
    } catch (error) {
      this.deps.logger.warn({ event: 'portal-download-read-failed', err: errorKind(error) }, 'the offered PDF could not be read');
      if (generation === this.#generation) this.#update({ notice: 'download-refused' });
      return;
    }
    if (generation !== this.#generation) return;
    if (bytes.byteLength > maxOfferBytes) {
      this.#update({ notice: 'download-refused' });
      return;
    }
    this.#offer = { id: randomUUID(), name: shownFileName(filename), bytes };
    this.#update({ offer: { id: this.#offer.id, name: this.#offer.name }, print: { status: 'idle' } });
  }

  async #onFileChooser(generation: number, chooser: PortalFileChooser): Promise<void> {
    const tile = this.#tile;
    if (generation !== this.#generation || tile === null) return;
    const decision = decideFileChooser(tile);
    if (decision.action === 'refuse') {
      await chooser.choose([]).catch(() => undefined);
      this.#update({ notice: 'file-refused' });
      return;
    }
    let files: readonly string[];
    try {
      const listed = await (this.deps.listFolder ?? listVisibleFiles)(decision.folder);
      // Only this session's scans: anything older belongs to someone else.
      files = listed
        .filter((file) => file.modifiedMs >= this.#scansSince)
        .map((file) => file.name)
        .slice(0, maxChooserFiles);
    } catch (error) {
      this.deps.logger.warn({ event: 'portal-scan-folder-failed', err: errorKind(error) }, 'the scan folder could not be read');
      files = [];
    }
    if (generation !== this.#generation) return;
    this.#chooser = { id: randomUUID(), folder: decision.folder, files, chooser };
    this.#update({ fileChooser: { id: this.#chooser.id, multiple: chooser.multiple, files: files.map((name) => ({ name })) } });
  }
}

/** Regular files in `folder` that are not hidden, sorted by name, with their modification times. */
async function listVisibleFiles(folder: string): Promise<readonly ScanFile[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && entry.name.length <= 255)
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const files = await Promise.all(
    names.map(async (name) => {
      try {
        return [{ name, modifiedMs: (await stat(join(folder, name))).mtimeMs }];
      } catch {
        return [];
      }
    }),
  );
  return files.flat();
}
