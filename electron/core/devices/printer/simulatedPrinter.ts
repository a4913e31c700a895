import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { toString as qrCodeSvg } from 'qrcode';
import { defaultCodePage, type PrinterCodePage, type PrinterConfig } from '#shared/config/deviceConfig';
import { Listeners, type HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import { EscPosDecoder, type DecodedAlignment, type DecodedItem } from './escposDecoder';
import type { PrinterDriver, WriteResult } from './printerDriver';

export type PrinterSimulatorConfig = Extract<PrinterConfig, { driver: 'simulator' }>;

/** Conditions the simulator can be put in for demos and tests. */
export const simulatedStatuses = ['ok', 'paper-near-end', 'paper-end', 'offline', 'cover-open'] as const;
export type SimulatedStatus = (typeof simulatedStatuses)[number];

const defaultColumns = 42;
const statusFileName = 'status.json';
const notConnected: HealthReport = { state: 'absent', reason: 'connecting' };

function statusHealth(status: SimulatedStatus): HealthReport {
  switch (status) {
    case 'ok':
      return { state: 'ready', reason: 'ok' };
    case 'paper-near-end':
      return { state: 'warning', reason: 'paper-near-end' };
    default:
      return { state: 'fault', reason: status };
  }
}

/** The worse of two conditions; faults beat the warning, the warning beats ok. */
function worse(a: SimulatedStatus, b: SimulatedStatus): SimulatedStatus {
  const rank = (s: SimulatedStatus): number => (s === 'ok' ? 0 : s === 'paper-near-end' ? 1 : 2);
  return rank(b) > rank(a) ? b : a;
}

function parseStatusFile(text: string): SimulatedStatus {
  try {
    const parsed: unknown = JSON.parse(text);
    const status = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).status : undefined;
    return simulatedStatuses.find((s) => s === status) ?? 'ok';
  } catch {
    return 'ok';
  }
}

/** A file name part from a time: ISO 8601 with the colons Windows does not allow replaced. */
function fileTime(ms: number): string {
  return new Date(ms).toISOString().replace(/:/g, '-');
}

/**
 * Lays decoded items out as plain text: alignment with spaces over `columns` (wide characters
 * count as several cells), bold as **text**, QR codes as [QR: payload], cuts as `--- cut ---`.
 */
export function formatPreview(items: readonly DecodedItem[], columns: number): string {
  const place = (text: string, cells: number, align: DecodedAlignment): string => {
    const free = Math.max(0, columns - cells);
    const left = align === 'center' ? Math.floor(free / 2) : align === 'right' ? free : 0;
    return ' '.repeat(left) + text;
  };
  const lines = items.map((item) => {
    switch (item.type) {
      case 'line': {
        const { text, bold, align, size } = item.line;
        const shown = bold && text.trim() !== '' ? `**${text}**` : text;
        return text === '' ? '' : place(shown, text.length * size.width, align);
      }
      case 'qr': {
        const marker = `[QR: ${item.payload}]`;
        return place(marker, marker.length, item.align);
      }
      case 'cut':
        return '--- cut ---';
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The printer of the embedded default config: decodes the bytes the real driver would send and
 * writes a readable preview per job (text, plus an SVG per QR code) into its preview folder.
 * Its condition comes from setStatus() and from `status.json` in that folder.
 */
export class SimulatedPrinter implements PrinterDriver {
  readonly kind = 'printer' as const;
  readonly simulated = true;
  readonly id: string;
  /** Where previews go and where `status.json` is read. */
  readonly previewDir: string;

  readonly #deps: DeviceDeps;
  readonly #codePage: { readonly name: PrinterCodePage; readonly escT: number };
  readonly #columns: number;
  readonly #listeners = new Listeners<HealthReport>();
  #health: HealthReport = notConnected;
  #connected = false;
  #status: SimulatedStatus = 'ok';
  #fileStatus: SimulatedStatus = 'ok';
  #jobs = 0;
  /** Bumped by abort(): a job whose preview is still being prepared is then not written. */
  #aborts = 0;

  constructor(config: PrinterSimulatorConfig, deps: DeviceDeps) {
    this.id = config.id;
    this.#deps = deps;
    // Relative folders are taken from the data folder, like the reader's inbox.
    this.previewDir = resolve(deps.dataDir, config.previewDir ?? 'printer-preview');
    this.#codePage = config.codePage ?? defaultCodePage;
    this.#columns = config.columns ?? defaultColumns;
  }

  /** Creates the preview folder, deletes the receipts a killed run left there, and reads the status. */
  async connect(): Promise<HealthReport> {
    try {
      await mkdir(this.previewDir, { recursive: true });
    } catch {
      this.#connected = false;
      return this.#report({ state: 'fault', reason: 'write-failed' });
    }
    await this.endSession();
    this.#connected = true;
    return this.checkStatus();
  }

  /** Stops taking jobs; nothing to close. */
  disconnect(): Promise<void> {
    this.#connected = false;
    this.#health = notConnected;
    return Promise.resolve();
  }

  /** Health changes from setStatus(), status checks and failed previews; returns an unsubscribe function. */
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.#listeners.add(listener);
  }

  /** Puts the simulator into a condition (demos, tests); reported at once. */
  setStatus(status: SimulatedStatus): void {
    this.#status = status;
    if (this.#connected) this.#report(this.#currentHealth());
  }

  /** Reads `status.json` again and reports the resulting health. */
  async checkStatus(): Promise<HealthReport> {
    if (!this.#connected) return this.#health;
    this.#fileStatus = await this.#readStatusFile();
    return this.#report(this.#currentHealth());
  }

  /** Refuses like a real printer in a fault state; otherwise writes the job's preview files. */
  async write(bytes: Uint8Array): Promise<WriteResult> {
    if (!this.#connected) return { ok: false, reason: 'no-printer' };
    const health = this.#currentHealth();
    if (health.state === 'fault') return { ok: false, reason: health.reason === 'cover-open' || health.reason === 'paper-end' ? health.reason : 'offline' };
    try {
      if (!(await this.#writePreview(bytes))) return { ok: false, reason: 'dropped' };
      this.#report(health);
      return { ok: true };
    } catch {
      this.#report({ state: 'fault', reason: 'write-failed' });
      return { ok: false, reason: 'write-failed' };
    }
  }

  /** Deletes the session's receipt previews (a slip or a ticket names what the citizen looked for); the status file stays. */
  async endSession(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.previewDir);
    } catch {
      return;
    }
    await Promise.all(names.filter((name) => /^receipt-.*\.(?:txt|svg)$/.test(name)).map((name) => unlink(join(this.previewDir, name)).catch(() => undefined)));
  }

  /** Discards a job still pending (its preview not yet written); nothing else is buffered here. */
  abort(): Promise<void> {
    this.#aborts += 1;
    return Promise.resolve();
  }

  #currentHealth(): HealthReport {
    return statusHealth(worse(this.#status, this.#fileStatus));
  }

  async #readStatusFile(): Promise<SimulatedStatus> {
    try {
      return parseStatusFile(await readFile(join(this.previewDir, statusFileName), 'utf8'));
    } catch {
      return 'ok';
    }
  }

  /** Writes the preview files; false when abort() came while they were being prepared. */
  async #writePreview(bytes: Uint8Array): Promise<boolean> {
    const aborts = this.#aborts;
    const decoder = new EscPosDecoder({ codePages: { [this.#codePage.escT]: this.#codePage.name } });
    decoder.push(bytes);
    const { items, qrCodes } = decoder.result();
    const svgs: string[] = [];
    for (const payload of qrCodes) svgs.push(await qrCodeSvg(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    // Everything is prepared before the first file is written, so an aborted job leaves no file at
    // all; the await lets an abort() made right after write() count even without QR codes.
    await Promise.resolve();
    if (aborts !== this.#aborts) return false;
    this.#jobs += 1;
    const base = join(this.previewDir, `receipt-${fileTime(this.#deps.clock.now())}-${this.#jobs}`);
    await writeFile(`${base}.txt`, formatPreview(items, this.#columns), 'utf8');
    for (const [index, svg] of svgs.entries()) await writeFile(`${base}-qr-${index + 1}.svg`, svg, 'utf8');
    return true;
  }

  #report(report: HealthReport): HealthReport {
    if (report.state !== this.#health.state || report.reason !== this.#health.reason) {
      this.#health = report;
      this.#listeners.emit(report);
    }
    return report;
  }
}
