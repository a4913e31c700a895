import { parse } from 'csv-parse/sync';
import type { CsvRowProblem } from './importTypes';

/** One CSV record with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvReadOutcome =
  { readonly ok: true; readonly records: CsvRecord[]; readonly skipped: CsvRowProblem[] } | { readonly ok: false; readonly error: string };

/** How many physical lines a quoted field may span before an open quote counts as broken. */
const maxLinesPerRecord = 50;

type LineParse = { readonly fields: string[] } | { readonly error: string; readonly unclosedQuote: boolean };

function parseChunk(text: string): LineParse {
  try {
    const records = parse(text, { relax_column_count: true });
    const [first, ...rest] = records;
    if (first === undefined) return { fields: [] };
    // A chunk that parses into two records held a line break outside quotes: not one record.
    if (rest.length > 0) return { error: 'broken quoting (record runs into the next one)', unclosedQuote: false };
    return { fields: first };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') return { error: 'broken quoting (a quote is never closed)', unclosedQuote: true };
    if (code === 'CSV_INVALID_CLOSING_QUOTE') return { error: 'broken quoting (text after a closing quote)', unclosedQuote: false };
    return { error: `unreadable CSV (${error instanceof Error ? error.message : String(error)})`, unclosedQuote: false };
  }
}

/**
 * Reads a CSV text record by record, so that one broken row costs only that row: csv-parse over
 * the whole file would let a stray quote swallow every following line into one bad record.
 * A record may still span several lines when a quoted field holds line breaks.
 * Checks the header against `expectedHeader`; records with another column count are skipped.
 */
export function readCsvRecords(text: string, expectedHeader: readonly string[]): CsvReadOutcome {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''));
  const headerLine = lines[0] ?? '';
  if (headerLine.trim() === '') return { ok: false, error: 'the file is empty' };
  const header = parseChunk(headerLine);
  const expected = expectedHeader.join(',');
  if (!('fields' in header) || header.fields.map((name) => name.trim()).join(',') !== expected) {
    return { ok: false, error: `unexpected header "${headerLine.slice(0, 200)}" (expected "${expected}")` };
  }
  const records: CsvRecord[] = [];
  const skipped: CsvRowProblem[] = [];
  let index = 1;
  while (index < lines.length) {
    const start = index;
    const first = lines[start] ?? '';
    index++;
    // Blank lines hold no data (e.g. the file's final line break).
    if (first.trim() === '') continue;
    const own = parseChunk(first);
    let parsed = own;
    let end = start;
    let chunk = first;
    while ('error' in parsed && parsed.unclosedQuote && end + 1 < lines.length && end - start + 1 < maxLinesPerRecord) {
      end++;
      chunk = `${chunk}\n${lines[end] ?? ''}`;
      parsed = parseChunk(chunk);
    }
    // The joined lines must form one record of the right width; else the opening quote was a stray one.
    if (!('fields' in parsed) || (end > start && parsed.fields.length !== expectedHeader.length)) {
      // Give up on this line only; the lines after it are read as records of their own.
      skipped.push({ line: start + 1, reason: 'error' in own ? own.error : 'broken quoting' });
      continue;
    }
    index = end + 1;
    if (parsed.fields.length !== expectedHeader.length) {
      skipped.push({ line: start + 1, reason: `expected ${expectedHeader.length} columns, found ${parsed.fields.length}` });
      continue;
    }
    records.push({ line: start + 1, fields: parsed.fields });
  }
  return { ok: true, records, skipped };
}
