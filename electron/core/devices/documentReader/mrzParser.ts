import { parse as parseMrzLines, type Details, type FieldName, type ParseResult } from 'mrz';
import type { DocumentRead, DocumentReadError, MrzCheck, MrzDocument, MrzFormat } from '#shared/devices/documentRead';

/*
 * Error semantics (decided here, relied on by the service and the UI):
 * - 'unreadable': characters outside the MRZ alphabet, or a field that cannot be what it claims
 *   (a letter in a date, a digit in a name, an impossible month, an unknown document code).
 * - 'truncated': the lines are the beginning of a TD1/TD2/TD3 MRZ but lines or characters are missing.
 * - 'unsupported-document': a well-formed machine-readable zone we do not read (visas, the French
 *   national ID card, Swiss driving licences, other line layouts).
 * - 'check-digit-wrong': every field is well-formed but at least one check digit does not match;
 *   `failedChecks` names each failing one. Such a read is NOT returned as a document: a wrong
 *   check digit means some character was misread, so none of the data can be trusted (and an
 *   untrustworthy copy of personal data is not kept either). An `ok` read therefore always has
 *   `valid: true`; its `checks` still list every check digit the format has.
 */

/** The ICAO 9303 line layouts we read: number of lines and characters per line. */
const shapes: readonly { readonly format: MrzFormat; readonly lines: number; readonly width: number }[] = [
  { format: 'TD1', lines: 3, width: 30 },
  { format: 'TD2', lines: 2, width: 36 },
  { format: 'TD3', lines: 2, width: 44 },
];

/** Longest text worth looking at; an MRZ has at most 90 characters plus separators. */
const maxInputChars = 4096;

/** Whitespace readers put inside or around lines (including a byte order mark from text files). */
const strayWhitespace = /[ \t\f\v\u00a0\ufeff]/g;
/** STX/ETX framing bytes and NUL padding, in case framed text reaches the parser directly. */
const framingBytes = /[\x00\x02\x03]/g; // eslint-disable-line no-control-regex

const checkDigitFields: Partial<Record<FieldName, MrzCheck['field']>> = {
  documentNumberCheckDigit: 'documentNumber',
  birthDateCheckDigit: 'birthDate',
  expirationDateCheckDigit: 'expirationDate',
  personalNumberCheckDigit: 'optional',
  compositeCheckDigit: 'composite',
};
const checkOrder: readonly MrzCheck['field'][] = ['documentNumber', 'birthDate', 'expirationDate', 'optional', 'composite'];

/**
 * Fields whose mrz-package validation we rely on. States and sex are checked here instead: the
 * package rejects the ICAO specimen state "UTO" and the sex "X" that ICAO 9303 allows.
 */
const requiredFields: ReadonlySet<FieldName> = new Set<FieldName>([
  'documentCode',
  'documentNumber',
  'birthDate',
  'expirationDate',
  'lastName',
  'firstName',
  'optional',
  'optional1',
  'optional2',
  'personalNumber',
]);

/** Where the states and the sex are, per format: [line, start]. */
const positions: Record<MrzFormat, { issuingState: [number, number]; nationality: [number, number]; sex: [number, number] }> = {
  TD1: { issuingState: [0, 2], nationality: [1, 15], sex: [1, 7] },
  TD2: { issuingState: [0, 2], nationality: [1, 10], sex: [1, 20] },
  TD3: { issuingState: [0, 2], nationality: [1, 10], sex: [1, 20] },
};

/** Options of {@link parseMrz}. */
export interface ParseMrzOptions {
  /** The current time (epoch ms), used to decide the century of two-digit years; default now. */
  readonly now?: number;
}

/**
 * Cleans one line as readers deliver it: strips stray whitespace, upper-cases; null when it holds
 * characters outside the MRZ alphabet. Upper-casing only after the check keeps e.g. "ß" from
 * turning into the valid letters "SS".
 */
export function cleanMrzLine(raw: string): string | null {
  const line = raw.replace(strayWhitespace, '');
  if (!/^[A-Za-z0-9<]*$/.test(line)) return null;
  return line.toUpperCase();
}

/** The TD format of lines already cleaned by {@link cleanMrzLine}, or null when they have no TD shape. */
export function mrzShape(lines: readonly string[]): MrzFormat | null {
  const shape = shapes.find((s) => lines.length === s.lines && lines.every((line) => line.length === s.width));
  return shape?.format ?? null;
}

/** Parses MRZ text into a document or an error value; never throws. */
export function parseMrz(text: string, options: ParseMrzOptions = {}): DocumentRead {
  try {
    return parseChecked(text, options.now ?? Date.now());
  } catch {
    // The mrz package throws on shapes it does not know; anything unexpected is unreadable input.
    return failure('unreadable');
  }
}

function parseChecked(text: string, now: number): DocumentRead {
  if (text.length > maxInputChars) return failure('unreadable');
  const rawLines = text
    .replace(framingBytes, '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.replace(strayWhitespace, '') !== '');
  const cleaned = rawLines.map(cleanMrzLine);
  if (cleaned.length === 0) return failure('unreadable');
  let lines: string[] = [];
  for (const line of cleaned) {
    if (line === null) return failure('unreadable');
    lines.push(line);
  }
  lines = splitUnbrokenMrz(lines);

  const format = mrzShape(lines);
  if (format === null) return failure(classifyShape(lines));
  if (lines[0]?.startsWith('V')) return failure('unsupported-document');

  const result = parseMrzLines(lines);
  if (result.format !== format) return failure('unsupported-document');
  return toRead(format, lines, result, now);
}

/** Some readers send the whole zone without line breaks; 90, 72 and 88 characters split one way only. */
function splitUnbrokenMrz(lines: string[]): string[] {
  const only = lines.length === 1 ? lines[0] : undefined;
  if (only === undefined) return lines;
  const shape = shapes.find((s) => s.lines * s.width === only.length);
  if (!shape) return lines;
  return Array.from({ length: shape.lines }, (_, i) => only.slice(i * shape.width, (i + 1) * shape.width));
}

/** Why lines with no TD shape were refused. */
function classifyShape(lines: readonly string[]): Exclude<DocumentReadError, 'check-digit-wrong'> {
  const first = lines[0] ?? '';
  if (first.startsWith('V')) return 'unsupported-document';
  // A document code (passport P, ID card I/A/C) followed by fewer lines or characters than a TD layout has.
  const isPrefix = shapes.some(
    (s) => lines.length <= s.lines && lines.every((line, i) => (i < lines.length - 1 ? line.length === s.width : line.length <= s.width)),
  );
  if (isPrefix && /^[PIAC]/.test(first)) return 'truncated';
  // Other well-formed zones: equal lines of MRZ width, or the Swiss driving licence (9/30/30).
  const widths = lines.map((line) => line.length);
  const uniform = (lines.length === 2 || lines.length === 3) && widths.every((w) => w === widths[0] && w >= 30);
  const swissLicence = widths.join(',') === '9,30,30';
  if (uniform || swissLicence) return 'unsupported-document';
  return 'unreadable';
}

function toRead(format: MrzFormat, lines: readonly string[], result: ParseResult, now: number): DocumentRead {
  const byField = new Map<FieldName, Details>();
  for (const detail of result.details) if (detail.field !== null) byField.set(detail.field, detail);

  for (const field of requiredFields) {
    const detail = byField.get(field);
    if (detail && !detail.valid) return failure('unreadable');
  }
  const at = positions[format];
  const issuingState = stateAt(lines, at.issuingState);
  const nationality = stateAt(lines, at.nationality);
  const sex = sexAt(lines, at.sex);
  if (issuingState === null || nationality === null || sex === null) return failure('unreadable');

  const checks: MrzCheck[] = [];
  for (const field of checkOrder) {
    const detail = [...byField.values()].find((d) => d.field !== null && checkDigitFields[d.field] === field);
    if (detail) checks.push({ field, valid: detail.valid });
  }
  const failedChecks = checks.filter((c) => !c.valid).map((c) => c.field);
  if (failedChecks.length > 0) return { ok: false, error: 'check-digit-wrong', failedChecks };

  const fields = result.fields;
  const document: MrzDocument = {
    format,
    documentCode: fields.documentCode ?? '',
    issuingState,
    nationality,
    documentNumber: fields.documentNumber ?? '',
    lastName: fields.lastName ?? '',
    firstNames: fields.firstName ?? '',
    birthDate: isoDate(fields.birthDate, 'birth', now),
    expirationDate: isoDate(fields.expirationDate, 'expiry', now),
    sex,
    checks,
    valid: true,
  };
  return { ok: true, document };
}

function failure(error: Exclude<DocumentReadError, 'check-digit-wrong'>): DocumentRead {
  return { ok: false, error };
}

/** A three-letter state code ("D<<" for Germany); the fillers are dropped. */
function stateAt(lines: readonly string[], [line, start]: [number, number]): string | null {
  const raw = lines[line]?.slice(start, start + 3) ?? '';
  return /^[A-Z][A-Z<]{2}$/.test(raw) ? raw.replace(/</g, '') : null;
}

function sexAt(lines: readonly string[], [line, start]: [number, number]): MrzDocument['sex'] | null {
  switch (lines[line]?.charAt(start)) {
    case 'F':
      return 'female';
    case 'M':
      return 'male';
    case 'X':
    case '<':
      return 'unspecified';
    default:
      return null;
  }
}

/**
 * YYMMDD → YYYY-MM-DD. A birth date is the latest such date not in the future; an expiry date the
 * latest with a year at most 20 years ahead (passports and ID cards run for at most 10 years, so
 * this leaves margin and still reads a 1999 expiry as 1999). Unknown parts ("<<") give null.
 */
function isoDate(raw: string | null | undefined, kind: 'birth' | 'expiry', now: number): string | null {
  if (!raw || !/^\d{6}$/.test(raw)) return null;
  const yy = Number(raw.slice(0, 2));
  const mm = Number(raw.slice(2, 4));
  const dd = Number(raw.slice(4, 6));
  const today = new Date(now);
  const century = Math.floor(today.getUTCFullYear() / 100) * 100;
  const candidates = [century + 100, century, century - 100].map((c) => c + yy);
  const todayIso = today.toISOString().slice(0, 10);
  for (const year of candidates) {
    const iso = calendarDate(year, mm, dd);
    if (iso === null) continue; // 29 February exists only in some centuries
    if (kind === 'birth' ? iso <= todayIso : year <= today.getUTCFullYear() + 20) return iso;
  }
  return null;
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
