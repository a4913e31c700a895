import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Keys that may hold citizen data. The logger removes them at any depth, as a second line of
 * defence: code must not log payloads, names, PINs, MRZ or form contents in the first place.
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
]);

const redacted = '[redacted]';

/** A copy of `value` with every denied key replaced, at any depth (cycles and depth bounded). */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
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
    mkdirSync(options.logDir, { recursive: true });
    const destination = pino.destination({ dest: join(options.logDir, 'kiosk.log'), sync: true, mkdir: true });
    // logrotate: `postrotate kill -HUP <pid>` makes the kiosk continue in a fresh file.
    process.on('SIGHUP', () => {
      destination.reopen();
    });
    return pino(base, destination);
  }
  return pino({ ...base, enabled: false });
}
