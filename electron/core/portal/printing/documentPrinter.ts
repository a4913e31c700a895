import type { DocumentPrinterConfig } from '#shared/config/documentPrinterConfig';
import { readFile } from 'node:fs/promises';
import type { DocumentPrintFailure } from '#shared/contract/portalContract';
import type { DeviceHealth, HealthReason, HealthState } from '#shared/devices/deviceHealth';
import type { Logger } from '../../logging/logger';
import { systemClock, type Clock } from '../../session/clock';
import { spawnCommandRunner, type CommandRunner } from './commandRunner';
import { CupsPrinter } from './cupsPrinter';
import { PdfFolderPrinter } from './pdfFolderPrinter';

/**
 * The document printer port (README.md, "Online services (workstation)"): both hosts turn what the citizen prints
 * (the portal page or a PDF the portal offered) into PDF bytes and hand them to this port. Jobs
 * belong to the citizen session: the portal service aborts `signal` at session reset, and a job
 * that has not been printed by then never is; then `endSession` removes what the session left on
 * this machine (PDF files, CUPS jobs and their spool files). A job has no title: a document's name
 * is citizen data (e.g. "Bescheid_<Name>.pdf"), so the queue only ever sees a fixed one.
 */
export interface DocumentJob {
  /** The document, a complete PDF. */
  readonly pdf: Uint8Array;
  /** The citizen session's signal: aborting it drops the job wherever it is. */
  readonly signal: AbortSignal;
}

export type DocumentPrintOutcome = { readonly status: 'printed' } | { readonly status: 'failed'; readonly reason: DocumentPrintFailure };

export interface DocumentPrinter {
  /** Prints one job; never rejects, every failure is an outcome. */
  print(job: DocumentJob): Promise<DocumentPrintOutcome>;
  /** The session ended (its jobs are aborted): removes what it printed that is still on this machine. */
  endSession(): Promise<void>;
  /** At start: removes what an earlier run left (a crash, a power cut) before anyone prints. */
  sweep(): Promise<void>;
  /** The printer's health as staff see it in the device list; null when no printer is configured. */
  health(): DeviceHealth | null;
  /** Calls `listener` with each change of health; returns an unsubscribe function. */
  onHealth(listener: (health: DeviceHealth) => void): () => void;
}

/** The document printer's entry in the staff's device list. */
export const documentPrinterId = 'document-printer';

/** A driver's state and reason; the port adds the id and kind. */
export interface DriverHealth {
  readonly state: HealthState;
  readonly reason: HealthReason;
}

export const readyHealth: DriverHealth = { state: 'ready', reason: 'ok' };

export interface DocumentPrinterDeps {
  /** The kiosk's data folder; a relative pdf-folder is resolved against it. */
  readonly dataDir: string;
  readonly logger: Logger;
  /** Runs lp and cancel (default: spawn without a shell). */
  readonly run?: CommandRunner;
  /** Reads cupsd.conf (default: the file system). */
  readonly readText?: (path: string) => Promise<string>;
  readonly clock?: Clock;
}

/** Largest document accepted: 50 MB (portal confirmations are a few hundred kB). */
export const maxDocumentBytes = 50 * 1024 * 1024;

const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export const printed: DocumentPrintOutcome = { status: 'printed' };

/**
 * Reads `signal.aborted` afresh: TypeScript keeps a checked `signal.aborted` narrowed to false
 * across awaits, although an abort can happen at any of them.
 */
export function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** A failed outcome with the reason the UI shows. */
export function failed(reason: DocumentPrintFailure): DocumentPrintOutcome {
  return { status: 'failed', reason };
}

/** Why these bytes cannot be printed, or null when they look like a PDF of an acceptable size. */
export function checkDocumentBytes(pdf: Uint8Array): DocumentPrintFailure | null {
  if (pdf.byteLength === 0) return 'nothing-to-print';
  if (pdf.byteLength > maxDocumentBytes) return 'too-large';
  // Anything but a PDF is refused: printers would print HTML or PostScript source as text, or worse, run it.
  if (pdf.byteLength < pdfMagic.length || pdfMagic.some((byte, index) => pdf[index] !== byte)) return 'rejected';
  return null;
}

/** What a configured printer does after the common checks: only jobs with valid PDF bytes reach it. */
export interface DocumentPrinterDriver {
  readonly kind: DocumentPrinterConfig['kind'];
  /** True when nothing comes out on paper (staff see "simulated"). */
  readonly simulated: boolean;
  print(job: DocumentJob): Promise<DocumentPrintOutcome>;
  endSession(): Promise<void>;
  sweep(): Promise<void>;
  health(): DriverHealth;
  onHealth(listener: () => void): () => void;
}

/** Creates the workstation's document printer; without a config every job answers 'no-printer'. */
export function createDocumentPrinter(config: DocumentPrinterConfig | null, deps: DocumentPrinterDeps): DocumentPrinter {
  const clock = deps.clock ?? systemClock;
  let driver: DocumentPrinterDriver | null = null;
  if (config?.kind === 'pdf-folder') driver = new PdfFolderPrinter(config, { dataDir: deps.dataDir, logger: deps.logger, clock });
  if (config?.kind === 'cups') {
    driver = new CupsPrinter(config, {
      logger: deps.logger,
      clock,
      run: deps.run ?? spawnCommandRunner,
      readText: deps.readText ?? ((path) => readFile(path, 'utf8')),
    });
  }
  const health = (): DeviceHealth | null =>
    driver === null ? null : { id: documentPrinterId, kind: 'documentPrinter', simulated: driver.simulated, ...driver.health() };
  return {
    health,
    onHealth(listener) {
      return (
        driver?.onHealth(() => {
          const now = health();
          if (now !== null) listener(now);
        }) ?? (() => undefined)
      );
    },
    endSession: () => driver?.endSession() ?? Promise.resolve(),
    sweep: () => driver?.sweep() ?? Promise.resolve(),
    async print(job) {
      const size = job.pdf.byteLength;
      if (job.signal.aborted) return failed('aborted');
      if (driver === null) {
        deps.logger.info({ event: 'document-print', outcome: 'failed', reason: 'no-printer', bytes: size }, 'document not printed: no printer configured');
        return failed('no-printer');
      }
      const problem = checkDocumentBytes(job.pdf);
      if (problem !== null) {
        deps.logger.info(
          { event: 'document-print', printer: driver.kind, outcome: 'failed', reason: problem, bytes: size },
          'document refused before printing',
        );
        return failed(problem);
      }
      try {
        return await driver.print(job);
      } catch (error) {
        // Drivers return outcomes; this is the last guard so nothing is thrown across the port.
        deps.logger.error(
          { event: 'document-print', printer: driver.kind, outcome: 'failed', reason: 'printer-unavailable', error: (error as Error).name },
          'document printer failed unexpectedly',
        );
        return failed('printer-unavailable');
      }
    },
  };
}
