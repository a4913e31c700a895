import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PdfFolderPrinterConfig } from '#shared/config/documentPrinterConfig';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../session/clock';
import {
  failed,
  isAborted,
  printed,
  readyHealth,
  type DocumentJob,
  type DocumentPrintOutcome,
  type DocumentPrinterDriver,
  type DriverHealth,
} from './documentPrinter';

/** The file operations the printer uses; injected in tests to abort or fail at an exact step. */
export interface FolderFs {
  mkdir(path: string, options: { recursive: true; mode: number }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array, options: { mode: number; flag: 'wx'; signal: AbortSignal }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
}

const nodeFs: FolderFs = { mkdir, writeFile, rename, unlink, readdir: (path) => readdir(path) };

/** The names this printer gives its files (`<time>-<n>.pdf`) and their temp files: the only ones it ever deletes. */
const ownFile = /^(?:\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-\d+\.pdf|\.\d{4}-\d{2}-\d{2}T[\d.-]+Z-\d+\.pdf\.[0-9a-f]+\.tmp)$/;

export interface PdfFolderPrinterDeps {
  /** The kiosk's data folder: a relative folder is resolved against it. */
  readonly dataDir: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly fs?: FolderFs;
}

/** A file name part from a time: ISO 8601 with the colons Windows does not allow replaced. */
function fileTime(ms: number): string {
  return new Date(ms).toISOString().replace(/:/g, '-');
}

/**
 * The Chromium host's and the tests' document printer: each job becomes `<folder>/<time>-<n>.pdf`.
 * The file appears complete or not at all (temp file + rename), so anything watching the folder
 * never picks up half a document. What a citizen printed is theirs: the files of a session are
 * deleted when it ends, and whatever an earlier run left (a crash) at the next start.
 */
export class PdfFolderPrinter implements DocumentPrinterDriver {
  readonly kind = 'pdf-folder' as const;
  /** Nothing comes out on paper: staff see it as a simulated printer that is always ready. */
  readonly simulated = true;
  /** The absolute folder the files go to. */
  readonly folder: string;
  readonly #deps: PdfFolderPrinterDeps;
  readonly #fs: FolderFs;
  #jobs = 0;
  /** The files this session printed. */
  #sessionFiles = new Set<string>();

  constructor(config: PdfFolderPrinterConfig, deps: PdfFolderPrinterDeps) {
    this.folder = resolve(deps.dataDir, config.folder);
    this.#deps = deps;
    this.#fs = deps.fs ?? nodeFs;
  }
  /** Always ready: a folder has no paper to run out of. */
  health(): DriverHealth {
    return readyHealth;
  }

  onHealth(): () => void {
    return () => undefined;
  }

  /** Writes the job's bytes as one new PDF file; an abort before the file is complete leaves nothing. */
  async print(job: DocumentJob): Promise<DocumentPrintOutcome> {
    this.#jobs += 1;
    const fileName = `${fileTime(this.#deps.clock.now())}-${String(this.#jobs)}.pdf`;
    const target = join(this.folder, fileName);
    // Hidden and not ending in .pdf, so a watcher of the folder ignores it until the rename.
    const temp = join(this.folder, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
    const log = { event: 'document-print', printer: this.kind, file: fileName, bytes: job.pdf.byteLength };
    const aborted = async (path: string): Promise<DocumentPrintOutcome> => {
      await this.#remove(path);
      this.#deps.logger.info({ ...log, outcome: 'failed', reason: 'aborted' }, 'document job aborted, no file left');
      return failed('aborted');
    };

    try {
      // Mode only applies to folders created here; an existing folder keeps what its admin set.
      await this.#fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      return this.#unavailable(log, error, 'folder cannot be created');
    }
    if (isAborted(job.signal)) return aborted(temp);
    try {
      // 'wx': never follow or overwrite something already at the temp path.
      await this.#fs.writeFile(temp, job.pdf, { mode: 0o600, flag: 'wx', signal: job.signal });
    } catch (error) {
      if (isAborted(job.signal)) return aborted(temp);
      await this.#remove(temp);
      return this.#unavailable(log, error, 'file cannot be written');
    }
    if (isAborted(job.signal)) return aborted(temp);
    try {
      await this.#fs.rename(temp, target);
    } catch (error) {
      if (isAborted(job.signal)) return aborted(temp);
      await this.#remove(temp);
      return this.#unavailable(log, error, 'file cannot be renamed');
    }
    // An abort that came while the rename ran still wins: 'aborted' always means no file.
    if (isAborted(job.signal)) return aborted(target);
    this.#sessionFiles.add(target);
    this.#deps.logger.info({ ...log, outcome: 'printed' }, 'document written to the PDF folder');
    return printed;
  }

  /** Deletes the session's PDF files (and any temp file an aborted job left). */
  async endSession(): Promise<void> {
    const files = [...this.#sessionFiles];
    this.#sessionFiles = new Set();
    await Promise.all(files.map((file) => this.#remove(file)));
    await this.#removeOwn((name) => name.endsWith('.tmp'));
    if (files.length > 0)
      this.#deps.logger.info({ event: 'document-files-removed', printer: this.kind, files: files.length }, 'printed documents of the session deleted');
  }

  /** Deletes every file of this printer's naming left from an earlier run; other files in the folder stay. */
  async sweep(): Promise<void> {
    const removed = await this.#removeOwn(() => true);
    if (removed > 0)
      this.#deps.logger.warn({ event: 'document-files-swept', printer: this.kind, files: removed }, 'printed documents of an earlier run deleted');
  }

  async #removeOwn(also: (name: string) => boolean): Promise<number> {
    let names: string[];
    try {
      names = await this.#fs.readdir(this.folder);
    } catch {
      return 0;
    }
    const own = names.filter((name) => ownFile.test(name) && also(name));
    await Promise.all(own.map((name) => this.#remove(join(this.folder, name))));
    return own.length;
  }

  #unavailable(log: Record<string, unknown>, error: unknown, message: string): DocumentPrintOutcome {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
    this.#deps.logger.warn({ ...log, folder: this.folder, outcome: 'failed', reason: 'printer-unavailable', code }, `document not printed: ${message}`);
    return failed('printer-unavailable');
  }

  async #remove(path: string): Promise<void> {
    try {
      await this.#fs.unlink(path);
    } catch {
      // Already gone (or never written).
    }
  }
}
