/**
 * A virtual ESC/POS printer for tests and benches: a socat pseudo-terminal pair whose one end the
 * driver opens like a real serial printer, while this side behaves like the printer. Real-time
 * commands are acted on as soon as they arrive, wherever they are in the stream: DLE EOT n is
 * answered with a status the test sets, DLE DC4 8 (clear buffers) discards what is not printed yet.
 * Job bytes are decoded as printed, except while the paper is out, the cover is open or the printer
 * is paused: then they are held and printed only when that ends, unless a clear came first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortStream } from '@serialport/stream';
import { serialBinding } from '#core/devices/transport/eofAwareLinuxBinding';

type SerialPort = SerialPortStream;
import type { PrinterCodePage } from '#shared/config/deviceConfig';
import { EscPosDecoder, type DecodeResult, type DecodedItem, type DecodedLine } from '#core/devices/printer/escposDecoder';

export interface VirtualPrinterStatus {
  readonly paperEnd: boolean;
  readonly paperNearEnd: boolean;
  readonly coverOpen: boolean;
  readonly offline: boolean;
}

/**
 * answer: status bytes as set; silent: no answers at all (no clear response either); garbage:
 * random invalid bytes for status requests (the clear response stays correct).
 */
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
/** After resume() the printer prints once nothing has arrived for this long: data already in the pipe (a clear) comes first. */
const quietBeforePrintingMs = 30;

/**
 * Epson's DLE DC4 fn=8 "clear buffer(s)" and its answer, written from the ESC/POS reference
 * (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_dc4_fn8.html) independently of
 * the driver's copy.
 */
export const clearBuffersBytes: readonly number[] = [0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08];
const clearResponseBytes: readonly number[] = [0x37, 0x25, 0x00];

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

type RealtimeMatch = 'none' | 'partial' | 'status' | 'clear';

/** Whether `bytes` start a real-time command, are one, or are none. */
function matchRealtime(bytes: readonly number[]): RealtimeMatch {
  if (bytes[0] !== 0x10) return 'none';
  if (bytes.length === 1) return 'partial';
  if (bytes[1] === 0x04) {
    if (bytes.length === 2) return 'partial';
    const n = bytes[2] ?? 0;
    return n >= 1 && n <= 4 ? 'status' : 'none';
  }
  if (bytes[1] === 0x14) {
    for (let i = 2; i < bytes.length; i += 1) if (bytes[i] !== clearBuffersBytes[i]) return 'none';
    return bytes.length === clearBuffersBytes.length ? 'clear' : 'partial';
  }
  return 'none';
}

/**
 * Splits the received stream like a printer's receive logic: real-time commands out, wherever they
 * are (a printer also acts on them inside other commands' data), the rest on to the job stream.
 * Bytes that may start a real-time command wait for the next ones.
 */
class RealtimeScanner {
  #partial: number[] = [];

  constructor(private readonly handlers: { status(n: number): void; clear(): void; job(byte: number): void }) {}

  push(byte: number): void {
    this.#partial.push(byte);
    while (this.#partial.length > 0) {
      const match = matchRealtime(this.#partial);
      if (match === 'partial') return;
      if (match === 'status') {
        const n = this.#partial[2] ?? 0;
        this.#partial = [];
        this.handlers.status(n);
        return;
      }
      if (match === 'clear') {
        this.#partial = [];
        this.handlers.clear();
        return;
      }
      const [first = 0, ...rest] = this.#partial;
      this.#partial = rest;
      this.handlers.job(first);
    }
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
  #scanner: RealtimeScanner | null = null;
  /** What was printed; a new decoder per plug-in and per clear, so a cut-off command does not swallow what follows. */
  readonly #decoders: EscPosDecoder[] = [];
  readonly #received: number[] = [];
  /** Where in #received the current plug-in began. */
  #plugStart = 0;
  readonly #statusRequests: number[] = [];
  #clears = 0;
  /** Job bytes received (printed, held or discarded). */
  #jobBytes = 0;
  /** Job bytes received but not printed yet. */
  #held: number[] = [];
  #status: VirtualPrinterStatus = okStatus;
  #pendingStatus: { afterPrintBytes: number; status: VirtualPrinterStatus } | null = null;
  #pendingUnplug: { afterPrintBytes: number; done: (unplugged: Promise<void>) => void } | null = null;
  #mode: VirtualPrinterMode = 'answer';
  #pauseAfter: number | null = null;
  /** Not printing since pauseAfter() took effect, until resume(); kept across unplugs. */
  #paused = false;
  /** Set after resume() until the line has been quiet for a moment. */
  #quietTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #printByteWaiters = new Set<() => void>();
  readonly #oneByte = new Uint8Array(1);

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

  /**
   * Sets the status answered from now on (or once `afterPrintBytes` job bytes have arrived). Clearing
   * paper end and an open cover (a refill) prints the bytes held meanwhile.
   */
  setStatus(status: Partial<VirtualPrinterStatus>, options: { afterPrintBytes?: number } = {}): void {
    const next = { ...this.#status, ...status };
    if (options.afterPrintBytes === undefined) {
      this.#status = next;
      this.#printHeldIfFree();
    } else {
      this.#pendingStatus = { afterPrintBytes: options.afterPrintBytes, status: next };
      this.#applyPendingStatus();
    }
  }

  setMode(mode: VirtualPrinterMode): void {
    this.#mode = mode;
  }

  /** Pulls the cable: socat exits, both pty ends close and the device path disappears. Held bytes stay held. */
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
   * Stops printing once `afterPrintBytes` job bytes have arrived and stops reading too, like a slow
   * printer whose buffer is full: the driver's writes then pile up in the pty buffers and status
   * requests go unanswered. After an unplug it reads again but prints only after resume().
   */
  pauseAfter(afterPrintBytes: number): void {
    this.#pauseAfter = afterPrintBytes;
    this.#checkPause();
    this.#afterData();
  }

  /**
   * Reads again after pauseAfter() and prints what it holds once the line is quiet, so what was
   * already on its way (such as a clear-buffers command) is acted on first, as on a real printer
   * whose interface is far faster than its print head.
   */
  resume(): void {
    this.#pauseAfter = null;
    if (this.#paused) {
      this.#paused = false;
      this.#restartQuietTimer();
    }
    this.#port?.resume();
  }

  get plugged(): boolean {
    return this.#socat !== null;
  }

  /** True while received job bytes are held instead of printed (paper end, cover open, paused). */
  get holding(): boolean {
    return this.#status.paperEnd || this.#status.coverOpen || this.#paused || this.#quietTimer !== null;
  }

  /** Job bytes received but not printed (yet). */
  heldBytes(): number {
    return this.#held.length;
  }

  /** How many clear-buffers commands (DLE DC4 8) arrived. */
  clearCommands(): number {
    return this.#clears;
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
      statusRequests: [...this.#statusRequests],
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

  /** Every byte received, real-time commands included. */
  received(): Uint8Array {
    return Uint8Array.from(this.#received);
  }

  /** Every byte received since the cable was last plugged in. */
  receivedSincePlug(): Uint8Array {
    return Uint8Array.from(this.#received.slice(this.#plugStart));
  }

  /** Job bytes received (apart from real-time commands), whether printed, held or discarded. */
  printBytes(): number {
    return this.#jobBytes;
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
    if (this.#quietTimer !== null) clearTimeout(this.#quietTimer);
    this.#quietTimer = null;
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
    this.#plugStart = this.#received.length;
    this.#decoders.push(this.#newDecoder());
    // A real-time command half received through the old cable is gone with it.
    this.#scanner = new RealtimeScanner({
      status: (n) => {
        this.#answer(port, n);
      },
      clear: () => {
        this.#clear(port);
      },
      job: (byte) => {
        this.#jobByte(byte);
      },
    });
    const scanner = this.#scanner;
    port.on('data', (chunk: Buffer) => {
      for (const byte of chunk) {
        this.#received.push(byte);
        scanner.push(byte);
      }
      this.#afterData();
    });
    port.on('error', () => {
      // The pty goes away on unplug; the 'close' that follows is expected.
    });
    this.#port = port;
  }

  #newDecoder(): EscPosDecoder {
    return new EscPosDecoder({ codePages: this.#options.codePages });
  }

  #answer(port: SerialPort, kind: number): void {
    this.#statusRequests.push(kind);
    this.#applyPendingStatus();
    if (this.#mode === 'silent' || !port.isOpen) return;
    const answer = this.#mode === 'garbage' ? [garbageByte(), garbageByte()] : [statusAnswerByte(kind, this.#status)];
    port.write(Buffer.from(answer));
  }

  /** DLE DC4 8: everything not printed yet is gone, a half-received command too; then the clear response. */
  #clear(port: SerialPort): void {
    this.#clears += 1;
    this.#held = [];
    this.#decoders.push(this.#newDecoder());
    if (this.#mode === 'silent' || !port.isOpen) return;
    port.write(Buffer.from(clearResponseBytes));
  }

  #jobByte(byte: number): void {
    this.#jobBytes += 1;
    // Once anything is held, later bytes queue behind it.
    if (this.holding || this.#held.length > 0) {
      this.#held.push(byte);
    } else {
      this.#oneByte[0] = byte;
      this.#decoders.at(-1)?.push(this.#oneByte);
    }
    this.#applyPendingStatus();
    this.#checkPause();
  }

  #checkPause(): void {
    if (this.#pauseAfter === null || this.#jobBytes < this.#pauseAfter) return;
    this.#pauseAfter = null;
    this.#paused = true;
    this.#port?.pause();
  }

  #applyPendingStatus(): void {
    const pending = this.#pendingStatus;
    if (pending && this.#jobBytes >= pending.afterPrintBytes) {
      this.#status = pending.status;
      this.#pendingStatus = null;
      this.#printHeldIfFree();
    }
  }

  #printHeldIfFree(): void {
    if (this.holding || this.#held.length === 0) return;
    const held = Uint8Array.from(this.#held);
    this.#held = [];
    this.#decoders.at(-1)?.push(held);
  }

  #restartQuietTimer(): void {
    if (this.#quietTimer !== null) clearTimeout(this.#quietTimer);
    this.#quietTimer = setTimeout(() => {
      this.#quietTimer = null;
      this.#printHeldIfFree();
    }, quietBeforePrintingMs);
  }

  #afterData(): void {
    for (const waiter of [...this.#printByteWaiters]) waiter();
    if (this.#quietTimer !== null) this.#restartQuietTimer();
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
