import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DocumentReaderConfig } from '#shared/config/deviceConfig';
import type { DocumentRead } from '#shared/devices/documentRead';
import { healthy, Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { DocumentReaderDriver } from './documentReaderDriver';
import { readLogFields } from './documentSummary';
import { parseMrz } from './mrzParser';

/** The config entry of the simulated reader. */
export type SimulatedDocumentReaderConfig = Extract<DocumentReaderConfig, { driver: 'simulator' }>;

/** Polling interval of the simulated reader. */
export interface SimulatedDocumentReaderOptions {
  /** How often the inbox is looked at (default 500 ms). */
  readonly pollMs?: number;
}

/** Anything larger is not an MRZ; such files are deleted unread and reported unreadable. */
const maxFileBytes = 16 * 1024;
/** Names of files that could not be deleted, remembered so that each is reported only once. */
const maxStuckNames = 1000;

/** Files the simulator takes: *.mrz or *.txt, not hidden (editors and copy tools write hidden temp files). */
function isInboxFile(name: string): boolean {
  return !name.startsWith('.') && /\.(mrz|txt)$/i.test(name);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The document reader of the embedded default config, for demos and tests: every `*.mrz` or
 * `*.txt` file dropped into the inbox folder is read, deleted at once, parsed and emitted as a
 * read. Drop files atomically (write under another name, then rename) so a half-written file is
 * not taken. Unreadable files become 'unreadable' reads, never crashes.
 */
export class SimulatedDocumentReader implements DocumentReaderDriver {
  readonly kind = 'documentReader' as const;
  readonly simulated = true;
  readonly id: string;
  /** The watched folder (relative config paths are taken from the data folder). */
  readonly inboxDir: string;
  readonly #reads = new Listeners<DocumentRead>();
  readonly #health = new Listeners<HealthReport>();
  readonly #pollMs: number;
  readonly #stuck = new Set<string>();
  #running = false;
  #connecting: Promise<HealthReport> | null = null;
  #timer: unknown = null;
  #lastHealth: HealthReport = healthy;
  /** Bumped by disconnect so that a poll in flight neither emits nor schedules another. */
  #generation = 0;

  constructor(
    config: SimulatedDocumentReaderConfig,
    private readonly deps: Pick<DeviceDeps, 'clock' | 'logger' | 'dataDir'>,
    options: SimulatedDocumentReaderOptions = {},
  ) {
    this.id = config.id;
    this.inboxDir = resolve(deps.dataDir, config.inboxDir ?? 'reader-inbox');
    this.#pollMs = options.pollMs ?? 500;
  }

  /** Creates the inbox if missing and starts polling it. */
  connect(): Promise<HealthReport> {
    if (this.#running) return Promise.resolve(this.#lastHealth);
    if (this.#connecting) return this.#connecting;
    const attempt = this.#start().finally(() => {
      if (this.#connecting === attempt) this.#connecting = null;
    });
    this.#connecting = attempt;
    return attempt;
  }

  /** Stops polling; files left in the inbox stay there. */
  disconnect(): Promise<void> {
    this.#generation += 1;
    this.#running = false;
    this.#connecting = null;
    if (this.#timer !== null) this.deps.clock.clearTimeout(this.#timer);
    this.#timer = null;
    return Promise.resolve();
  }

  /** Every file taken from the inbox, parsed; returns an unsubscribe function. */
  onRead(listener: (read: DocumentRead) => void): () => void {
    return this.#reads.add(listener);
  }

  /** Inbox problems (folder gone and not creatable) and recovery; returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#health.add(listener);
  }

  async #start(): Promise<HealthReport> {
    const generation = this.#generation;
    const created = await this.#ensureInbox();
    if (created !== true) return created;
    if (generation !== this.#generation) return { state: 'absent', reason: 'not-found' }; // disconnected meanwhile
    this.#running = true;
    this.#lastHealth = healthy;
    this.#schedule(generation);
    this.deps.logger.info({ event: 'document-reader-connected', device: this.id, simulated: true }, 'document reader connected');
    return healthy;
  }

  #schedule(generation: number): void {
    this.#timer = this.deps.clock.setTimeout(() => {
      this.#timer = null;
      void this.#poll(generation);
    }, this.#pollMs);
  }

  async #poll(generation: number): Promise<void> {
    try {
      await this.#drainInbox(generation);
    } catch {
      // Every step below handles its own errors; this only guards the polling loop itself.
    } finally {
      if (generation === this.#generation && this.#running) this.#schedule(generation);
    }
  }

  async #drainInbox(generation: number): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.inboxDir);
    } catch {
      const created = await this.#ensureInbox();
      this.#setHealth(created === true ? healthy : created);
      return;
    }
    this.#setHealth(healthy);
    for (const name of names.filter(isInboxFile).sort()) {
      if (generation !== this.#generation) return;
      if (this.#stuck.has(name)) continue;
      const read = await this.#take(name);
      if (read === null || generation !== this.#generation) continue;
      this.deps.logger.debug({ event: 'document-read', device: this.id, simulated: true, ...readLogFields(read) }, 'document read');
      this.#reads.emit(read);
    }
    // Forget names that are no longer there, so a new file with an old name is read again.
    const present = new Set(names);
    for (const name of this.#stuck) if (!present.has(name)) this.#stuck.delete(name);
  }

  /** Reads and deletes one file; null when it vanished before it could be read. */
  async #take(name: string): Promise<DocumentRead | null> {
    const file = join(this.inboxDir, name);
    let text: string | null = null;
    try {
      const info = await stat(file);
      if (info.isFile() && info.size <= maxFileBytes) text = await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
    }
    try {
      await unlink(file);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') {
        // Not deletable (a folder, no permission): report it once, then leave it alone.
        if (this.#stuck.size >= maxStuckNames) this.#stuck.clear();
        this.#stuck.add(name);
        this.deps.logger.warn({ event: 'document-reader-inbox-file-stuck', device: this.id, code: errorCode(error) }, 'inbox file not deletable');
      }
    }
    return text === null ? { ok: false, error: 'unreadable' } : parseMrz(text, { now: this.deps.clock.now() });
  }

  async #ensureInbox(): Promise<true | HealthReport> {
    try {
      await mkdir(this.inboxDir, { recursive: true });
      return true;
    } catch (error) {
      const code = errorCode(error);
      this.deps.logger.warn({ event: 'document-reader-inbox-failed', device: this.id, code }, 'reader inbox not available');
      return { state: 'fault', reason: code === 'EACCES' || code === 'EPERM' ? 'permission-denied' : 'error' };
    }
  }

  #setHealth(report: HealthReport): void {
    if (report.state === this.#lastHealth.state && report.reason === this.#lastHealth.reason) return;
    this.#lastHealth = report;
    this.#health.emit(report);
  }
}
