import type { PrinterCodePage } from '#shared/config/deviceConfig';
import { codePageChar, epsonCodePageNumbers } from './escposCodePages';

export type DecodedAlignment = 'left' | 'center' | 'right';

/** One printed text line with the attributes of its first character. */
export interface DecodedLine {
  readonly text: string;
  readonly bold: boolean;
  readonly align: DecodedAlignment;
  /** Character magnification (GS ! / ESC !), 1–8 each. */
  readonly size: { readonly width: number; readonly height: number };
}

/** What a printer put on paper, in order. */
export type DecodedItem =
  | { readonly type: 'line'; readonly line: DecodedLine }
  | { readonly type: 'qr'; readonly payload: string; readonly align: DecodedAlignment; readonly moduleSize: number }
  | { readonly type: 'cut'; readonly partial: boolean };

export interface DecodeResult {
  readonly lines: readonly DecodedLine[];
  readonly qrCodes: readonly string[];
  readonly cuts: number;
  /** Every `ESC t n` value, in order. */
  readonly codePageSelections: readonly number[];
  /** Lines, QR codes and cuts in paper order. */
  readonly items: readonly DecodedItem[];
  /** Every `DLE EOT n` request, in order. */
  readonly statusRequests: readonly number[];
  /** Bytes that were no known command nor printable text. */
  readonly unknownBytes: number;
  /** Bytes received apart from real-time status requests. */
  readonly printBytes: number;
}

export interface EscPosDecoderOptions {
  /** Which code page each `ESC t n` selects (default: Epson's numbering). */
  readonly codePages?: Readonly<Record<number, PrinterCodePage>>;
  /** The `ESC t` value in effect at power-on and after `ESC @` (default 0). */
  readonly initialCodePage?: number;
  /** Called for each `DLE EOT n` as soon as it is decoded (a printer answers these in real time). */
  readonly onStatusRequest?: (n: number) => void;
}

const LF = 0x0a;
const CR = 0x0d;
const HT = 0x09;
const DLE = 0x10;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;
/** Largest QR data (version 40, byte mode) plus the store command's own bytes; larger is skipped. */
const maxQrCommand = 7100;

/** Parameter counts of the fixed-length ESC commands (ESC x p1 … pn). */
const escParams: ReadonlyMap<number, number> = new Map([
  [0x40, 0],
  [0x32, 0],
  [0x3c, 0],
  [0x4c, 0],
  [0x53, 0],
  [0x69, 0],
  [0x6d, 0],
  [0x20, 1],
  [0x21, 1],
  [0x25, 1],
  [0x2d, 1],
  [0x33, 1],
  [0x3f, 1],
  [0x45, 1],
  [0x47, 1],
  [0x4a, 1],
  [0x4b, 1],
  [0x4d, 1],
  [0x52, 1],
  [0x54, 1],
  [0x55, 1],
  [0x56, 1],
  [0x61, 1],
  [0x64, 1],
  [0x65, 1],
  [0x72, 1],
  [0x74, 1],
  [0x7b, 1],
  [0x24, 2],
  [0x5c, 2],
  [0x63, 2],
  [0x70, 3],
  [0x57, 8],
]);
/** Parameter counts of the fixed-length GS commands. */
const gsParams: ReadonlyMap<number, number> = new Map([
  [0x21, 1],
  [0x2f, 1],
  [0x42, 1],
  [0x48, 1],
  [0x49, 1],
  [0x61, 1],
  [0x62, 1],
  [0x66, 1],
  [0x68, 1],
  [0x72, 1],
  [0x77, 1],
  [0x24, 2],
  [0x4c, 2],
  [0x50, 2],
  [0x57, 2],
  [0x5c, 2],
]);
/** Parameter counts of the FS commands. */
const fsParams: ReadonlyMap<number, number> = new Map([
  [0x2e, 0],
  [0x26, 0],
  [0x21, 1],
  [0x2d, 1],
  [0x43, 1],
  [0x57, 1],
  [0x53, 2],
  [0x70, 2],
]);

interface LineDraft {
  text: string;
  readonly bold: boolean;
  readonly align: DecodedAlignment;
  readonly size: { readonly width: number; readonly height: number };
}

/** Outcome of looking at the bytes of a command so far. */
type CommandLength =
  | { readonly kind: 'more' }
  | { readonly kind: 'complete'; readonly length: number }
  /** Header complete; the data after it is long and not needed: skip it unbuffered. */
  | { readonly kind: 'skip'; readonly dataLength: number }
  | { readonly kind: 'unknown'; readonly length: number };

/**
 * Decodes an ESC/POS byte stream the way a printer would print it. Accepts any chunking, never
 * throws, and counts what it does not understand instead of failing; unknown ESC/GS/FS commands
 * are skipped with their parameters where their length is known.
 */
export class EscPosDecoder {
  readonly #codePages: Readonly<Record<number, PrinterCodePage>>;
  readonly #initialCodePage: number;
  readonly #onStatusRequest: ((n: number) => void) | undefined;

  readonly #items: DecodedItem[] = [];
  readonly #codePageSelections: number[] = [];
  readonly #statusRequests: number[] = [];
  #unknownBytes = 0;
  #processed = 0;

  #cmd: number[] = [];
  #skip = 0;
  #line: LineDraft | null = null;
  #bold = false;
  #size = { width: 1, height: 1 };
  #align: DecodedAlignment = 'left';
  #codePage: number;
  #qrData = '';
  #qrModuleSize = 3;

  constructor(options: EscPosDecoderOptions = {}) {
    this.#codePages = { ...epsonCodePageNumbers, ...options.codePages };
    this.#initialCodePage = options.initialCodePage ?? 0;
    this.#codePage = this.#initialCodePage;
    this.#onStatusRequest = options.onStatusRequest;
  }

  /** Feeds the next bytes of the stream. */
  push(bytes: Uint8Array): void {
    for (const byte of bytes) {
      this.#processed += 1;
      if (this.#skip > 0) this.#skip -= 1;
      else if (this.#cmd.length > 0) this.#continueCommand(byte);
      else this.#plain(byte);
    }
  }

  /** What has been decoded so far; a line still waiting for its line feed is included. */
  result(): DecodeResult {
    const items = [...this.#items];
    if (this.#line && this.#line.text !== '') items.push({ type: 'line', line: { ...this.#line } });
    const lines = items.flatMap((item) => (item.type === 'line' ? [item.line] : []));
    const qrCodes = items.flatMap((item) => (item.type === 'qr' ? [item.payload] : []));
    return {
      lines,
      qrCodes,
      cuts: items.filter((item) => item.type === 'cut').length,
      codePageSelections: [...this.#codePageSelections],
      items,
      statusRequests: [...this.#statusRequests],
      unknownBytes: this.#unknownBytes,
      printBytes: this.#processed - 3 * this.#statusRequests.length,
    };
  }

  /** Bytes received apart from real-time status requests, up to the byte being decoded now. */
  get printBytes(): number {
    return this.#processed - 3 * this.#statusRequests.length;
  }

  #plain(byte: number): void {
    if (byte === ESC || byte === GS || byte === FS || byte === DLE) {
      this.#cmd = [byte];
      return;
    }
    if (byte === LF) {
      this.#endLine(true);
      return;
    }
    if (byte === CR) return; // the encoder ends lines with LF; a CR alone moves nothing on paper
    if (byte === HT) {
      this.#print(' ');
      return;
    }
    const table = this.#codePages[this.#codePage];
    const char = table ? codePageChar(table, byte) : byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : byte >= 0x80 ? '\ufffd' : null;
    if (char === null) this.#unknownBytes += 1;
    else this.#print(char);
  }

  #continueCommand(byte: number): void {
    this.#cmd.push(byte);
    const length = commandLength(this.#cmd);
    switch (length.kind) {
      case 'more':
        return;
      case 'complete': {
        const cmd = this.#cmd;
        this.#cmd = [];
        this.#execute(cmd);
        return;
      }
      case 'skip':
        this.#cmd = [];
        this.#skip = length.dataLength;
        return;
      case 'unknown': {
        const cmd = this.#cmd;
        this.#cmd = [];
        this.#unknownBytes += length.length;
        // A lone DLE is not a command: the byte after it is read again as ordinary data.
        if (cmd[0] === DLE && cmd.length === 2) {
          this.#unknownBytes -= 1;
          this.#plain(byte);
        }
        return;
      }
    }
  }

  #execute(cmd: readonly number[]): void {
    const [prefix, code = 0] = cmd;
    const p1 = cmd[2] ?? 0;
    if (prefix === ESC) this.#executeEsc(code, p1);
    else if (prefix === GS) this.#executeGs(cmd, code, p1);
    else if (prefix === DLE && code === 0x04) {
      this.#statusRequests.push(p1);
      try {
        this.#onStatusRequest?.(p1);
      } catch {
        // The listener's failure is its own; decoding goes on.
      }
    }
    // FS commands and the other DLE commands change nothing on paper.
  }

  #executeEsc(code: number, p1: number): void {
    switch (code) {
      case 0x40: // ESC @: initialize; the printer discards its line buffer
        this.#bold = false;
        this.#size = { width: 1, height: 1 };
        this.#align = 'left';
        this.#codePage = this.#initialCodePage;
        this.#line = null;
        return;
      case 0x45: // ESC E n: bold
        this.#bold = (p1 & 1) === 1;
        return;
      case 0x21: // ESC ! n: print mode (bold bit 3, double height bit 4, double width bit 5)
        this.#bold = (p1 & 0x08) !== 0;
        this.#size = { width: p1 & 0x20 ? 2 : 1, height: p1 & 0x10 ? 2 : 1 };
        return;
      case 0x61: // ESC a n: alignment (0/48 left, 1/49 center, 2/50 right)
        this.#align = (p1 & 0x0f) === 1 ? 'center' : (p1 & 0x0f) === 2 ? 'right' : 'left';
        return;
      case 0x74: // ESC t n: code page
        this.#codePage = p1;
        this.#codePageSelections.push(p1);
        return;
      case 0x64: // ESC d n: print and feed n lines
        this.#endLine(p1 > 0);
        for (let i = 1; i < p1; i += 1) this.#endLine(true);
        return;
      case 0x4a: // ESC J n: print and feed n dots
        this.#endLine(false);
        return;
      case 0x69: // ESC i / ESC m: obsolete cuts
      case 0x6d:
        this.#cut(code === 0x6d);
        return;
      default:
        return;
    }
  }

  #executeGs(cmd: readonly number[], code: number, p1: number): void {
    if (code === 0x21) {
      this.#size = { width: ((p1 >> 4) & 0x07) + 1, height: (p1 & 0x07) + 1 };
    } else if (code === 0x56) {
      this.#cut(p1 === 1 || p1 === 0x31 || p1 === 66 || p1 === 98 || p1 === 104);
    } else if (code === 0x28 && p1 === 0x6b) {
      this.#symbol(cmd);
    }
  }

  /** GS ( k: 2D symbols; only QR (cn 49) is kept. */
  #symbol(cmd: readonly number[]): void {
    const cn = cmd[5];
    const fn = cmd[6];
    if (cn !== 0x31) return;
    if (fn === 0x43) this.#qrModuleSize = cmd[7] ?? this.#qrModuleSize;
    else if (fn === 0x50)
      this.#qrData = String.fromCharCode(...cmd.slice(8)); // stored as ISO-8859-1
    else if (fn === 0x51) {
      this.#endLine(false);
      this.#items.push({ type: 'qr', payload: this.#qrData, align: this.#align, moduleSize: this.#qrModuleSize });
    }
  }

  #print(char: string): void {
    this.#line ??= { text: '', bold: this.#bold, align: this.#align, size: this.#size };
    this.#line.text += char;
  }

  /** Prints the line buffer; `feed` also prints an empty line when there is no text. */
  #endLine(feed: boolean): void {
    const line = this.#line;
    this.#line = null;
    if (line) this.#items.push({ type: 'line', line: { ...line } });
    else if (feed) this.#items.push({ type: 'line', line: { text: '', bold: this.#bold, align: this.#align, size: this.#size } });
  }

  #cut(partial: boolean): void {
    this.#endLine(false);
    this.#items.push({ type: 'cut', partial });
  }
}

/** How long the command starting with `cmd` is, as far as its bytes so far tell. */
function commandLength(cmd: readonly number[]): CommandLength {
  const [prefix, code] = cmd;
  if (code === undefined) return { kind: 'more' };
  switch (prefix) {
    case DLE:
      if (code === 0x04 || code === 0x05) return fixed(cmd, 3);
      // DLE DC4 fn …: fn 8 (clear buffers) carries 7 bytes, the others (pulse, power off) 2.
      if (code === 0x14) return cmd.length < 3 ? { kind: 'more' } : fixed(cmd, cmd[2] === 0x08 ? 10 : 5);
      return { kind: 'unknown', length: 2 };
    case ESC:
      return escLength(cmd, code);
    case GS:
      return gsLength(cmd, code);
    default: {
      const params = fsParams.get(code);
      return params === undefined ? { kind: 'unknown', length: 2 } : fixed(cmd, 2 + params);
    }
  }
}

function escLength(cmd: readonly number[], code: number): CommandLength {
  const params = escParams.get(code);
  if (params !== undefined) return fixed(cmd, 2 + params);
  if (code === 0x2a) {
    // ESC * m nL nH d1…dk: bit image; 24-dot modes carry 3 bytes per column
    if (cmd.length < 5) return { kind: 'more' };
    const columns = (cmd[3] ?? 0) + 256 * (cmd[4] ?? 0);
    return { kind: 'skip', dataLength: columns * ((cmd[2] ?? 0) >= 32 ? 3 : 1) };
  }
  return { kind: 'unknown', length: 2 };
}

function gsLength(cmd: readonly number[], code: number): CommandLength {
  const params = gsParams.get(code);
  if (params !== undefined) return fixed(cmd, 2 + params);
  switch (code) {
    case 0x56: {
      // GS V m [n]: function B cuts (m 65/66/97/98/103/104) carry a feed amount
      const m = cmd[2];
      if (m === undefined) return { kind: 'more' };
      return fixed(cmd, [65, 66, 97, 98, 103, 104].includes(m) ? 4 : 3);
    }
    case 0x28: {
      // GS ( fn pL pH data: length-prefixed; QR commands are kept, everything else skipped
      if (cmd.length < 5) return { kind: 'more' };
      const dataLength = (cmd[3] ?? 0) + 256 * (cmd[4] ?? 0);
      if (cmd[2] === 0x6b && dataLength + 5 <= maxQrCommand) return fixed(cmd, 5 + dataLength);
      return { kind: 'skip', dataLength };
    }
    case 0x38: {
      // GS 8 L p1 p2 p3 p4 data: 32-bit length
      if (cmd.length < 7) return { kind: 'more' };
      return { kind: 'skip', dataLength: (cmd[3] ?? 0) + 256 * (cmd[4] ?? 0) + 65536 * (cmd[5] ?? 0) + 16777216 * (cmd[6] ?? 0) };
    }
    case 0x76: {
      // GS v 0 m xL xH yL yH data: raster image of x bytes × y dots
      if (cmd.length < 8) return { kind: 'more' };
      return { kind: 'skip', dataLength: ((cmd[4] ?? 0) + 256 * (cmd[5] ?? 0)) * ((cmd[6] ?? 0) + 256 * (cmd[7] ?? 0)) };
    }
    case 0x2a: {
      // GS * x y data: downloaded bit image of x × y × 8 bytes
      if (cmd.length < 4) return { kind: 'more' };
      return { kind: 'skip', dataLength: (cmd[2] ?? 0) * (cmd[3] ?? 0) * 8 };
    }
    case 0x6b: {
      // GS k m …: barcodes; m 0–6 end with NUL, m 65+ carry a length byte
      const m = cmd[2];
      if (m === undefined) return { kind: 'more' };
      if (m <= 6)
        return cmd.length > 3 && cmd.at(-1) === 0
          ? { kind: 'complete', length: cmd.length }
          : cmd.length > 300
            ? { kind: 'unknown', length: cmd.length }
            : { kind: 'more' };
      if (cmd.length < 4) return { kind: 'more' };
      return { kind: 'skip', dataLength: cmd[3] ?? 0 };
    }
    default:
      return { kind: 'unknown', length: 2 };
  }
}

function fixed(cmd: readonly number[], length: number): CommandLength {
  return cmd.length >= length ? { kind: 'complete', length } : { kind: 'more' };
}
