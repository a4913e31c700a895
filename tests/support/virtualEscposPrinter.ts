/**
 * A virtual ESC/POS printer for tests and benches: a socat pseudo-terminal pair whose one end the
 * driver opens like a real serial printer, while this side decodes everything it receives and
 * answers real-time status requests (DLE EOT) with a status the test sets.
 *
 * Imports carry `.ts` extensions so Node can load this file with plain type stripping (bench).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortStream } from '@serialport/stream';
import { serialBinding } from '../../electron/core/devices/transport/eofAwareLinuxBinding';

type SerialPort = SerialPortStream;
import type { PrinterCodePage } from '../../shared/config/deviceConfig';
import { EscPosDecoder, type DecodeResult, type DecodedItem, type DecodedLine } from '../../electron/core/devices/printer/escposDecoder';

export interface VirtualPrinterStatus {
  readonly paperEnd: boolean;
  readonly paperNearEnd: boolean;
  readonly coverOpen: boolean;
  readonly offline: boolean;
}

/** answer: status bytes as set; silent: no answers at all; garbage: random invalid bytes. */
export type VirtualPrinterMode = 'answer' | 'silent' | 'garbage';

export interface VirtualReceipt {
  readonly lines: readonly DecodedLine[];
  readonly qrCodes: readonly string[];
}

export interface VirtualPrinterOptions {
  /** Which code page each ESC t n selects (default: Epson numbering). */
  readonly codePages?: Readonly<Record<number, PrinterCodePage>>;
}

const okStatus: VirtualPrinterStatus = { paperEnd: false, paperNearEnd: false, coverOpen: false, offline: false };
const startTimeoutMs = 5_000;

/**
 * The answer byte an Epson-compatible printer sends to DLE EOT `kind`, written from the ESC/POS
 * manual independently of the driver's decoding. Paper end and an open cover also make the
 * printer offline, as on real printers.
 */
export function statusAnswerByte(kind: number, status: VirtualPrinterStatus): number {
  const base = 0x12;
  switch (kind) {
    case 1:
      return base | (status.offline || status.paperEnd || status.coverOpen ? 0x08 : 0);
    case 2:
      return base | (status.coverOpen ? 0x04 : 0) | (status.paperEnd ? 0x20 : 0);
    case 4:
      return base | (status.paperNearEnd ? 0x0c : 0) | (status.paperEnd ? 0x60 : 0);
    default:
      return base;
  }
}

/** A byte that fails the `(b & 0x93) == 0x12` check of a status answer. */
function garbageByte(): number {
  for (;;) {
    const byte = Math.floor(Math.random() * 256);
    if ((byte & 0x93) !== 0x12) return byte;
  }
}

const running = new Set<VirtualEscPosPrinter>();

/** Waits until `predicate` holds, checking every few ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export class VirtualEscPosPrinter {
  /** The path the driver under test opens (like /dev/ttyUSB0). */
  readonly devicePath: string;
  /** This printer's own end of the pty pair. */
  readonly printerPath: string;

  readonly #dir: string;
  readonly #ownsDir: boolean;
  readonly #options: VirtualPrinterOptions;
  #socat: ChildProcess | null = null;
  #port: SerialPort | null = null;
  /** One decoder per plug-in, so a job cut off by an unplug does not swallow the next one. */
  readonly #decoders: EscPosDecoder[] = [];
  readonly #received: number[] = [];
  #status: VirtualPrinterStatus = okStatus;
  #pendingStatus: { afterPrintBytes: number; status: VirtualPrinterStatus } | null = null;
  #pendingUnplug: { afterPrintBytes: number; done: (unplugged: Promise<void>) => void } | null = null;
  #mode: VirtualPrinterMode = 'answer';
  #pauseAfter: number | null = null;
  readonly #printByteWaiters = new Set<() => void>();

  private constructor(dir: string, ownsDir: boolean, options: VirtualPrinterOptions) {
    this.#dir = dir;
    this.#ownsDir = ownsDir;
    this.#options = options;
    this.devicePath = join(dir, 'ttyVirtualPrinter');
    this.printerPath = join(dir, 'printer-end');
  }

  /** Starts socat and opens the printer's end; without `dir` a temporary folder is used and removed on stop(). */
  static async start(dir?: string, options: VirtualPrinterOptions = {}): Promise<VirtualEscPosPrinter> {
    const folder = dir ?? (await mkdtemp(join(tmpdir(), 'virtual-printer-')));
    const printer = new VirtualEscPosPrinter(folder, dir === undefined, options);
    running.add(printer);
    try {
      await printer.#plug();
    } catch (error) {
      await printer.stop();
      throw error;
    }
    return printer;
  }

  /** Stops every virtual printer still running (for afterEach/afterAll, also after failures). */
  static async stopAll(): Promise<void> {
    await Promise.all([...running].map((printer) => printer.stop()));
  }

  /** Sets the status answered from now on (or once `afterPrintBytes` job bytes have arrived). */
  setStatus(status: Partial<VirtualPrinterStatus>, options: { afterPrintBytes?: number } = {}): void {
    const next = { ...this.#status, ...status };
    if (options.afterPrintBytes === undefined) this.#status = next;
    else this.#pendingStatus = { afterPrintBytes: options.afterPrintBytes, status: next };
  }

  setMode(mode: VirtualPrinterMode): void {
    this.#mode = mode;
  }

  /** Pulls the cable: socat exits, both pty ends close and the device path disappears. */
  async unplug(): Promise<void> {
    const socat = this.#socat;
    this.#socat = null;
    this.#pauseAfter = null;
    if (socat) await stopProcess(socat);
    await this.#closePort();
  }

  /** Unplugs as soon as `afterPrintBytes` job bytes have arrived (mid-job); resolves once unplugged. */
  unplugAfter(afterPrintBytes: number): Promise<void> {
    return new Promise((resolve) => {
      this.#pendingUnplug = {
        afterPrintBytes,
        done: (unplugged) => {
          void unplugged.then(resolve);
        },
      };
    });
  }

  /** Plugs the cable back in: same paths, fresh pty pair. */
  async replug(): Promise<void> {
    if (this.#socat) return;
    await this.#plug();
  }

  /**
   * Stops reading once `afterPrintBytes` job bytes have arrived, like a printer whose buffer is
   * full: the driver's writes then pile up in the pty buffers, and status requests go unanswered.
   */
  pauseAfter(afterPrintBytes: number): void {
    this.#pauseAfter = afterPrintBytes;
    this.#afterData();
  }

  /** Reads again after pauseAfter(). */
  resume(): void {
    this.#pauseAfter = null;
    this.#port?.resume();
  }

  get plugged(): boolean {
    return this.#socat !== null;
  }

  /** Everything decoded since start, across unplugs. */
  decoded(): DecodeResult {
    const parts = this.#decoders.map((decoder) => decoder.result());
    const items = parts.flatMap((p) => p.items);
    return {
      lines: parts.flatMap((p) => p.lines),
      qrCodes: parts.flatMap((p) => p.qrCodes),
      cuts: parts.reduce((sum, p) => sum + p.cuts, 0),
      codePageSelections: parts.flatMap((p) => p.codePageSelections),
      items,
      statusRequests: parts.flatMap((p) => p.statusRequests),
      unknownBytes: parts.reduce((sum, p) => sum + p.unknownBytes, 0),
      printBytes: this.printBytes(),
    };
  }

  /** Receipts completed by a cut, in order. */
  receipts(): VirtualReceipt[] {
    const receipts: VirtualReceipt[] = [];
    let current: DecodedItem[] = [];
    for (const item of this.decoded().items) {
      if (item.type !== 'cut') {
        current.push(item);
        continue;
      }
      receipts.push({
        lines: current.flatMap((i) => (i.type === 'line' ? [i.line] : [])),
        qrCodes: current.flatMap((i) => (i.type === 'qr' ? [i.payload] : [])),
      });
      current = [];
    }
    return receipts;
  }

  /** Every byte received, status requests included. */
  received(): Uint8Array {
    return Uint8Array.from(this.#received);
  }

  /** Bytes received apart from status requests. */
  printBytes(): number {
    return this.#decoders.reduce((sum, decoder) => sum + decoder.printBytes, 0);
  }

  /** Resolves with performance.now() when at least `count` job bytes have arrived in total. */
  async whenPrintBytes(count: number, timeoutMs = 5_000): Promise<number> {
    if (this.printBytes() >= count) return performance.now();
    return new Promise<number>((resolve, reject) => {
      const check = (): void => {
        if (this.printBytes() < count) return;
        cleanup();
        resolve(performance.now());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${String(count)} print bytes within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#printByteWaiters.delete(check);
      };
      this.#printByteWaiters.add(check);
    });
  }

  /** Synchronous last resort (process exit): kills socat and removes its links. */
  killNow(): void {
    this.#socat?.kill('SIGKILL');
    this.#socat = null;
    rmSync(this.devicePath, { force: true });
    rmSync(this.printerPath, { force: true });
    if (this.#ownsDir) rmSync(this.#dir, { recursive: true, force: true });
  }

  /** Kills socat, closes the port and removes what this printer created. */
  async stop(): Promise<void> {
    running.delete(this);
    await this.unplug();
    await rm(this.devicePath, { force: true });
    await rm(this.printerPath, { force: true });
    if (this.#ownsDir) await rm(this.#dir, { recursive: true, force: true });
  }

  async #plug(): Promise<void> {
    const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.printerPath}`, `pty,raw,echo=0,link=${this.devicePath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.#socat = socat;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        fail(new Error(`socat did not start: ${output}`));
      }, startTimeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      socat.once('error', fail);
      socat.once('exit', (code) => {
        fail(new Error(`socat exited with ${String(code)}: ${output}`));
      });
      socat.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('starting data transfer loop') && existsSync(this.printerPath) && existsSync(this.devicePath)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // Keep draining socat's log so it never blocks on a full pipe.
    socat.stderr.resume();
    socat.once('exit', () => {
      if (this.#socat === socat) this.#socat = null;
    });
    const port = new SerialPortStream({ binding: serialBinding(), path: this.printerPath, baudRate: 19_200, autoOpen: false, lock: false });
    await new Promise<void>((resolve, reject) => {
      port.open((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
    const decoder = new EscPosDecoder({
      codePages: this.#options.codePages,
      onStatusRequest: (kind) => {
        this.#answer(port, kind);
      },
    });
    this.#decoders.push(decoder);
    port.on('data', (chunk: Buffer) => {
      for (const byte of chunk) this.#received.push(byte);
      decoder.push(new Uint8Array(chunk));
      this.#afterData();
    });
    port.on('error', () => {
      // The pty goes away on unplug; the 'close' that follows is expected.
    });
    this.#port = port;
  }

  #answer(port: SerialPort, kind: number): void {
    this.#applyPendingStatus();
    if (this.#mode === 'silent' || !port.isOpen) return;
    const answer = this.#mode === 'garbage' ? [garbageByte(), garbageByte()] : [statusAnswerByte(kind, this.#status)];
    port.write(Buffer.from(answer));
  }

  #applyPendingStatus(): void {
    const pending = this.#pendingStatus;
    if (pending && this.printBytes() >= pending.afterPrintBytes) {
      this.#status = pending.status;
      this.#pendingStatus = null;
    }
  }

  #afterData(): void {
    this.#applyPendingStatus();
    for (const waiter of [...this.#printByteWaiters]) waiter();
    if (this.#pauseAfter !== null && this.printBytes() >= this.#pauseAfter) this.#port?.pause();
    const unplug = this.#pendingUnplug;
    if (unplug && this.printBytes() >= unplug.afterPrintBytes) {
      this.#pendingUnplug = null;
      unplug.done(this.unplug());
    }
  }

  async #closePort(): Promise<void> {
    const port = this.#port;
    this.#port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => {
      port.close(() => {
        resolve();
      });
    });
  }
}

/** SIGTERM (socat then removes its links), SIGKILL if it lingers. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}

// Last resort when a test run dies without stop(): no socat outlives it.
process.once('exit', () => {
  for (const printer of running) printer.killNow();
});
