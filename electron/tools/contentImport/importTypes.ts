import type { Service, Topic } from '#shared/content/contentPack';

/** A CSV row that was skipped or changed: the physical line it starts on (header = line 1). */
export interface CsvRowProblem {
  readonly line: number;
  readonly reason: string;
}

/** A JSON record that was skipped or changed: its file, its index in `data` and its id if it has one. */
export interface JsonRecordProblem {
  readonly file: string;
  readonly index: number;
  readonly id?: string;
  readonly reason: string;
}

export type ImportProblem = CsvRowProblem | JsonRecordProblem;

/** What an importer made of usable input. */
export interface ImportResult {
  readonly services: Service[];
  readonly topics: Topic[];
  /** Input records that are not in the output, each with why. */
  readonly skipped: ImportProblem[];
  /** Records that were imported but lost a field (e.g. a non-https link), each with why. */
  readonly notes: ImportProblem[];
  /** Remarks about the input as a whole, e.g. an optional file that was not there. */
  readonly remarks: string[];
}

/** Either a result or the one-line reason why the input cannot be used at all. */
export type ImportOutcome = { readonly ok: true; readonly result: ImportResult } | { readonly ok: false; readonly error: string };

/** One line of human-readable text for a problem, e.g. `line 12: no service name`. */
export function formatProblem(problem: ImportProblem): string {
  if ('line' in problem) return `line ${problem.line}: ${problem.reason}`;
  const id = problem.id === undefined ? '' : ` (id ${problem.id})`;
  return `${problem.file} record ${problem.index}${id}: ${problem.reason}`;
}
