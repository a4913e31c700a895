import type { Clock } from '../../session/clock';
import { cleanMrzLine, mrzShape } from './mrzParser';

/** Timing and memory limits of the {@link MrzFramer}. */
export interface MrzFramerOptions {
  /** After this many ms without new data, whatever arrived is handed on (default 300). */
  readonly quietMs?: number;
  /** Characters kept while waiting for a frame (default 1024); beyond twice this, older ones are dropped. */
  readonly maxChars?: number;
}

const STX = '\x02';
const ETX = '\x03';
const NUL = '\x00';

/** Line widths at which a line may complete a TD shape without its line break having arrived. */
const shapeWidths: ReadonlySet<number> = new Set([30, 36, 44]);

/**
 * Assembles MRZ text from the stream a reader delivers: lines separated by CR and/or LF, optional
 * STX/ETX framing, split anywhere across chunks or reports. Hands on a candidate (lines joined by
 * "\n") as soon as the last lines form a TD1/TD2/TD3 zone, at ETX, at a new STX, or after a quiet
 * gap with whatever came (the parser then says truncated/unreadable). Never throws; the buffer is
 * capped so that a flood of garbage cannot grow memory.
 */
export class MrzFramer {
  readonly #quietMs: number;
  readonly #maxChars: number;
  /** Completed non-empty lines, as received. */
  #lines: string[] = [];
  #current = '';
  #size = 0;
  #timer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly onCandidate: (text: string) => void,
    options: MrzFramerOptions = {},
  ) {
    this.#quietMs = options.quietMs ?? 300;
    this.#maxChars = Math.max(100, options.maxChars ?? 1024);
  }

  /** Feeds bytes (decoded as Latin-1, so any byte is a character) or text. */
  push(chunk: Uint8Array | string): void {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    for (const char of text) {
      switch (char) {
        case STX:
        case ETX:
          // A frame boundary: what came before is complete as far as the reader is concerned.
          this.#handOn(null);
          break;
        case '\r':
        case '\n':
          this.#endLine();
          break;
        case NUL:
          break; // padding of fixed-size reports
        default:
          this.#current += char;
          this.#size += 1;
          this.#trim();
          if (shapeWidths.has(this.#current.length)) this.#completeIfShaped([...this.#lines, this.#current]);
      }
    }
    if (this.#hasContent()) this.#armQuietTimer();
  }

  /** Hands on whatever is buffered now (no-op when nothing is). */
  flush(): void {
    this.#handOn(null);
  }

  /** Drops the buffer and stops the timer (disconnect, unplug). */
  reset(): void {
    this.#clearTimer();
    this.#lines = [];
    this.#current = '';
    this.#size = 0;
  }

  #endLine(): void {
    if (this.#current.trim() === '') {
      this.#size -= this.#current.length;
      this.#current = '';
      return;
    }
    this.#lines.push(this.#current);
    this.#current = '';
    this.#completeIfShaped(this.#lines);
  }

  /** Hands on the last lines when they form a TD zone; lines before them (reader noise) are dropped. */
  #completeIfShaped(lines: readonly string[]): void {
    for (const count of [3, 2]) {
      if (lines.length < count) continue;
      const tail = lines.slice(-count).map(cleanMrzLine);
      if (tail.some((line) => line === null)) continue;
      const clean = tail as string[];
      if (mrzShape(clean) !== null) {
        this.#handOn(clean);
        return;
      }
    }
  }

  #handOn(lines: readonly string[] | null): void {
    const text = lines ? lines.join('\n') : [...this.#lines, this.#current].filter((line) => line.trim() !== '').join('\n');
    this.reset();
    if (text.trim() === '') return;
    try {
      this.onCandidate(text);
    } catch {
      // A failing consumer must not break the stream for the next document.
    }
  }

  /**
   * Keeps the newest characters only, so memory stays bounded whatever a device sends. Trimming
   * starts at twice the cap and cuts back to the cap, so a flood costs linear time, not quadratic.
   */
  #trim(): void {
    if (this.#size <= 2 * this.#maxChars) return;
    while (this.#size > this.#maxChars && this.#lines.length > 0) {
      const dropped = this.#lines.shift() ?? '';
      this.#size -= dropped.length;
    }
    if (this.#size > this.#maxChars) {
      this.#current = this.#current.slice(this.#current.length - this.#maxChars);
      this.#size = this.#current.length;
    }
  }

  #hasContent(): boolean {
    return this.#lines.length > 0 || this.#current.trim() !== '';
  }

  #armQuietTimer(): void {
    this.#clearTimer();
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = null;
      this.#handOn(null);
    }, this.#quietMs);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
