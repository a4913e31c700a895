import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The data protection documents for the city (docs/datenschutz/): the data inventory's table names,
 * for every personal datum, the tests that prove where it lives and when it dies. These tests keep
 * the table honest: every row names a test file, and every repository path it names exists.
 */

const root = findAppRoot(import.meta.dirname);
const folder = 'docs/datenschutz';
const documents = [
  'README.md',
  'dateninventar.md',
  'verzeichnis-verarbeitungstaetigkeiten.md',
  'dsfa-entwurf.md',
  'tom.md',
  'barrierefreiheitserklaerung.md',
] as const;

/** The top-level entries of the repository: a code span is a repository path when its first folder is one of them. */
const topLevel = new Set(readdirSync(root));

interface InventoryRow {
  /** The row's number (first cell), for messages. */
  readonly id: string;
  readonly cells: readonly string[];
}

/** The cells of a Markdown table row, without the outer pipes. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** The rows of the first table whose header has a "Nachweis" column (the inventory), below its separator line. */
function inventoryRows(markdown: string): { readonly header: readonly string[]; readonly rows: readonly InventoryRow[] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith('|') && cellsOf(line).some((cell) => cell.startsWith('Nachweis')));
  if (start < 0) return { header: [], rows: [] };
  const header = cellsOf(lines[start] ?? '');
  const rows: InventoryRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const cells = cellsOf(line);
    rows.push({ id: cells[0] ?? '?', cells });
  }
  return { header, rows };
}

/** Every code span (text in single backticks). */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
}

/** A test file of the repository: a Vitest test or a Playwright spec below tests/. */
function isTestFile(span: string): boolean {
  return /^tests\/[\w./-]+\.(test|spec)\.tsx?$/.test(span);
}

/**
 * A path into the repository: no spaces or placeholders, at least one slash, and a first folder
 * that exists at the top of the repository (so `<Datenordner>/logs/kiosk.log` or
 * `/var/lib/buergerservice-kiosk` are not).
 */
function isRepositoryPath(span: string): boolean {
  return /^[\w.-]+(\/[\w.-]+)+\/?$/.test(span) && topLevel.has(span.split('/')[0] ?? '');
}

const inventory = readFileSync(join(root, folder, 'dateninventar.md'), 'utf8');
const { header, rows } = inventoryRows(inventory);
const proofColumn = header.findIndex((cell) => cell.startsWith('Nachweis'));

describe('the data protection documents', () => {
  it.each(documents)('%s exists', (document) => {
    expect(existsSync(join(root, folder, document))).toBe(true);
  });
});

describe('the data inventory (docs/datenschutz/dateninventar.md)', () => {
  it('has a table with a "Nachweis" column and rows of the same width as its header', () => {
    expect(proofColumn).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((row) => row.cells.length !== header.length).map((row) => row.id)).toEqual([]);
  });

  it('names at least one test file in backticks in the "Nachweis" column of every row', () => {
    const withoutTest = rows.filter((row) => !codeSpans(row.cells[proofColumn] ?? '').some(isTestFile)).map((row) => row.id);
    expect(withoutTest, 'rows without a test').toEqual([]);
  });

  it('names only test files in the "Nachweis" column', () => {
    const other = rows.flatMap((row) =>
      codeSpans(row.cells[proofColumn] ?? '')
        .filter((span) => !isTestFile(span))
        .map((span) => `row ${row.id}: ${span}`),
    );
    expect(other).toEqual([]);
  });

  it('names only repository paths that exist, in every column', () => {
    const missing = rows.flatMap((row) =>
      row.cells
        .flatMap(codeSpans)
        .filter((span) => isTestFile(span) || isRepositoryPath(span))
        .filter((span) => !existsSync(join(root, span)))
        .map((span) => `row ${row.id}: ${span}`),
    );
    expect(missing).toEqual([]);
  });

  it('marks every row as done or as open with what is missing', () => {
    const unmarked = rows.filter((row) => !/^(umgesetzt|\*\*offen:\*\* \S)/.test(row.cells.at(-1) ?? '')).map((row) => row.id);
    expect(unmarked).toEqual([]);
  });
});
