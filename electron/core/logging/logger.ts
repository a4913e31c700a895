import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Keys that may hold citizen data or secrets. The logger removes them at any depth, as a second
 * line of defence: code must not log payloads, names, PINs, MRZ, form contents, PIN hashes or keys
 * in the first place.
 */
export const redactedKeys: ReadonlySet<string> = new Set([
  'payload',
  'value',
  'values',
  'pin',
  'puk',
  'can',
  'mrz',
  'name',
  'names',
  'firstNames',
  'lastName',
  'documentNumber',
  'birthDate',
  'form',
  'fields',
  'text',
  'receipt',
  'url',
  'href',
  'query',
  'search',
  'title',
  'filename',
  'fileName',
  'message',
  // Secrets of the config and of requests: staff PIN hashes, webhook keys, signatures, tokens.
  'secret',
  'secrets',
  'pinHashes',
  'signature',
  'authorization',
  'Authorization',
  'password',
  'token',
]);

/** A web or file address in a string: what follows `?` or `#` may carry citizen data (search words, form values, tokens). */
const addressWithQuery = /\b((?:https?|wss?|file|kiosk|blob):\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi;

/** A string with every address cut to scheme, host and path. */
export function stripQueries(text: string): string {
  return text.replace(addressWithQuery, '$1');
}

/**
 * What an error is, for the log: its code (ENOENT, EACCES) or its class (TypeError, TimeoutError),
 * never its message, which may quote a path, an address or input.
 */
export function errorKind(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  return error instanceof Error ? error.name : typeof error;
}

const redacted = '[redacted]';

/** A copy of `value` with every denied key replaced and every address's query cut, at any depth (cycles and depth bounded). */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return stripQueries(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8 || seen.has(value)) return redacted;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactedKeys.has(key) ? redacted : redact(item, depth + 1, seen);
  return out;
}

/** The levels KIOSK_LOG_LEVEL may name. */
export const logLevels: readonly string[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export interface LoggerOptions {
  /** Folder for `kiosk.log` (JSON lines). */
  readonly logDir?: string;
  /** Write to this stream instead of a file (tests). */
  readonly destination?: NodeJS.WritableStream;
  readonly level?: string;
}

/** Creates the kiosk's structured logger (JSON lines, personal data redacted). */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level ?? 'info', formatters: { log: (object: Record<string, unknown>) => redact(object) as Record<string, unknown> } };
  if (options.destination) return pino(base, options.destination);
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true, mode: 0o700 });
    const file = join(options.logDir, 'kiosk.log');
    // Only the kiosk's own user reads its log (also a file an older version made readable for all).
    const destination = pino.destination({ dest: file, sync: true, mkdir: true, mode: 0o600 });
    chmodSync(file, 0o600);
    // SIGHUP makes the kiosk continue in a fresh file, should an operator move the log away.
    process.on('SIGHUP', () => {
      destination.reopen();
    });
    return pino(base, destination);
  }
  return pino({ ...base, enabled: false });
}
