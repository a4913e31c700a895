import { readFile } from 'node:fs/promises';

export type ReadOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** Reads a UTF-8 text file; a missing or unreadable file becomes a one-line reason, not an exception. */
export async function readTextFile(path: string): Promise<ReadOutcome> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return { ok: false, error: `no such file: ${path}` };
    if (code === 'EISDIR') return { ok: false, error: `${path} is a folder, not a file` };
    return { ok: false, error: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
