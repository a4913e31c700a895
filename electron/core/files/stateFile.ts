import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { z } from '#shared/zodConfig';
import { errorCode } from './atomicFile';

/**
 * Reading the small JSON state files the kiosk keeps in its data folder (ticket numbers, PIN
 * lockout, out of order, counters). Each caller decides what a missing, unreadable or corrupt file
 * means for it; reading and validating is the same everywhere. Never throws.
 */
export type StateFileRead<T> =
  | { readonly kind: 'found'; readonly value: T }
  /** No file yet. */
  | { readonly kind: 'missing' }
  /** The file exists but cannot be read; `code` is the file system's ("EACCES"). */
  | { readonly kind: 'unreadable'; readonly code: string }
  /** Not JSON, or not what the schema says: "is not valid JSON" or "is invalid: <first issue>". */
  | { readonly kind: 'corrupt'; readonly reason: string };

function parseState<S extends z.ZodType>(text: string, schema: S): StateFileRead<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'is not valid JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { kind: 'found', value: parsed.data }
    : { kind: 'corrupt', reason: `is invalid: ${parsed.error.issues[0]?.message ?? 'unknown issue'}` };
}

function readFailure(error: unknown): StateFileRead<never> {
  const code = errorCode(error);
  return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', code: code ?? 'unknown error' };
}

/** Reads and validates a state file, for services that load once at start. */
export function readStateFileSync<S extends z.ZodType>(path: string, schema: S): StateFileRead<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return readFailure(error);
  }
  return parseState(text, schema);
}

/** Reads and validates a state file. */
export async function readStateFile<S extends z.ZodType>(path: string, schema: S): Promise<StateFileRead<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return readFailure(error);
  }
  return parseState(text, schema);
}
