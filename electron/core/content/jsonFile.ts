import { readFile } from 'node:fs/promises';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from '#shared/zodConfig';
import { schemaProblems, type SchemaProblem } from '../validation/schemaProblems';

/** A problem in one file of a content pack. */
export interface FileProblem extends SchemaProblem {
  readonly file: string;
}

export type JsonFileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FileProblem[] };

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The line of the deepest existing node on `segments` (a missing key points at its parent). */
function lineOf(text: string, root: Node | undefined, segments: readonly PropertyKey[]): number | undefined {
  if (!root) return undefined;
  const path = segments.map((s) => (typeof s === 'number' ? s : String(s)));
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) return lineAt(text, node.offset);
  }
  return undefined;
}

/** Where and why the text is not JSON: the parser's first error with its line, else JSON.parse's message. */
function syntaxProblem(text: string, label: string, parseError: unknown): FileProblem {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) return { file: label, path: '(file)', line: lineAt(text, first.offset), message: `not valid JSON: ${printParseErrorCode(first.error)}` };
  if (root === undefined) return { file: label, path: '(file)', line: 1, message: 'not valid JSON: empty' };
  return { file: label, path: '(file)', message: `not valid JSON: ${(parseError as Error).message}` };
}

/** Reads a JSON file and validates it; problems carry the file, the JSON path and the line. Never throws. */
export async function readJsonFile<S extends z.ZodType>(file: string, label: string, schema: S, maxBytes: number): Promise<JsonFileResult<z.output<S>>> {
  let text: string;
  try {
    const buffer = await readFile(file);
    if (buffer.length > maxBytes)
      return { ok: false, problems: [{ file: label, path: '(file)', message: `larger than ${String(Math.round(maxBytes / 1e6))} MB` }] };
    text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    return { ok: false, problems: [{ file: label, path: '(file)', message: reason }] };
  }
  // JSON.parse is native and quick; the syntax tree (for line numbers) is built only for a file with problems.
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(text, label, error)] };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  return {
    ok: false,
    problems: schemaProblems(parsed.error).map(({ path, message, segments }) => {
      const line = lineOf(text, root, segments);
      return line === undefined ? { file: label, path, message } : { file: label, path, message, line };
    }),
  };
}
