import type { HealthReport } from '../device';

/** The real-time status kinds the driver asks for: printer (1), offline cause (2), paper sensors (4). */
export type StatusRequestKind = 1 | 2 | 4;
export const statusRequestKinds: readonly StatusRequestKind[] = [1, 2, 4];

/** What the status answers say about the printer. */
export interface PrinterCondition {
  readonly offline: boolean;
  readonly coverOpen: boolean;
  readonly paperEnd: boolean;
  readonly paperNearEnd: boolean;
}

export const normalCondition: PrinterCondition = { offline: false, coverOpen: false, paperEnd: false, paperNearEnd: false };

export type StatusAnswer = { readonly ok: true; readonly condition: Partial<PrinterCondition> } | { readonly ok: false; readonly error: 'garbage' };

export const noAnswerHealth: HealthReport = { state: 'fault', reason: 'no-answer' };
export const garbageHealth: HealthReport = { state: 'fault', reason: 'garbage' };

/** `DLE EOT n`: asks for one status byte, answered even while the printer is busy or offline. */
export function statusRequestBytes(kind: StatusRequestKind): Uint8Array {
  return Uint8Array.of(0x10, 0x04, kind);
}

/** A status byte always has bits 1 and 4 set and bits 0 and 7 clear. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/**
 * The byte of a received chunk that answers the status request waiting for it: the last valid status
 * byte (a late answer to an earlier request may come first), else the last byte, which then reads
 * as garbage. Undefined for an empty chunk.
 */
export function statusAnswerInChunk(chunk: Uint8Array): number | undefined {
  for (let i = chunk.length - 1; i >= 0; i -= 1) {
    const byte = chunk[i];
    if (byte !== undefined && isStatusByte(byte)) return byte;
  }
  return chunk.at(-1);
}

/**
 * Epson's real-time "clear buffer(s)", DLE DC4 fn=8 d1…d7 = 1 3 20 1 6 2 8: empties the printer's
 * receive and print buffers, so a job cut off by an error does not print later
 * (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_dc4_fn8.html).
 */
export const epsonClearBuffersCommand: readonly number[] = [0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08];

/** The printer's "Clear response" to DLE DC4 fn=8: header 37h, identifier 25h, NUL (same reference). */
export const epsonClearResponse: readonly number[] = [0x37, 0x25, 0x00];

/** Whether `bytes` contain `sequence` somewhere. */
export function containsSequence(bytes: readonly number[], sequence: readonly number[]): boolean {
  outer: for (let i = 0; i + sequence.length <= bytes.length; i += 1) {
    for (let j = 0; j < sequence.length; j += 1) if (bytes[i + j] !== sequence[j]) continue outer;
    return true;
  }
  return false;
}

/** Reads one answer byte to `DLE EOT kind` (docs/architecture.md, "Devices"). */
export function decodeStatusByte(kind: StatusRequestKind, byte: number): StatusAnswer {
  if (!isStatusByte(byte)) return { ok: false, error: 'garbage' };
  switch (kind) {
    case 1:
      return { ok: true, condition: { offline: (byte & 0x08) !== 0 } };
    case 2:
      return { ok: true, condition: { coverOpen: (byte & 0x04) !== 0, paperEnd: (byte & 0x20) !== 0 } };
    case 4:
      // Each condition has two sensor bits that printers set together; either one counts, to err
      // on the side of not printing.
      return { ok: true, condition: { paperNearEnd: (byte & 0x0c) !== 0, paperEnd: (byte & 0x60) !== 0 } };
  }
}

/** Merges the answers of several requests; a condition reported by any of them holds. */
export function combineConditions(parts: readonly Partial<PrinterCondition>[]): PrinterCondition {
  return {
    offline: parts.some((p) => p.offline === true),
    coverOpen: parts.some((p) => p.coverOpen === true),
    paperEnd: parts.some((p) => p.paperEnd === true),
    paperNearEnd: parts.some((p) => p.paperNearEnd === true),
  };
}

/**
 * Health for a printer condition. Printers also report offline when the cover is open or the paper
 * is out, so the specific causes come first.
 */
export function conditionHealth(condition: PrinterCondition): HealthReport {
  if (condition.coverOpen) return { state: 'fault', reason: 'cover-open' };
  if (condition.paperEnd) return { state: 'fault', reason: 'paper-end' };
  if (condition.offline) return { state: 'fault', reason: 'offline' };
  if (condition.paperNearEnd) return { state: 'warning', reason: 'paper-near-end' };
  return { state: 'ready', reason: 'ok' };
}

/** Health for the answers to a round of requests; `null` means no answer came within the timeout. */
export function healthFromAnswers(answers: readonly { readonly kind: StatusRequestKind; readonly byte: number | null }[]): HealthReport {
  const parts: Partial<PrinterCondition>[] = [];
  for (const { kind, byte } of answers) {
    if (byte === null) return noAnswerHealth;
    const answer = decodeStatusByte(kind, byte);
    if (!answer.ok) return garbageHealth;
    parts.push(answer.condition);
  }
  return conditionHealth(combineConditions(parts));
}
