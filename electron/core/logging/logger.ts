import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Keys that may hold citizen data. pino removes them wherever they appear at these paths, as a
 * second line of defence: code must not log payloads in the first place.
 */
export const redactedPaths = ['payload', '*.payload', 'value', '*.value', 'pin', '*.pin', 'mrz', '*.mrz', 'name', '*.name'];

export interface LoggerOptions {
  /** Folder for `kiosk.log` (JSON lines). */
  readonly logDir?: string;
  /** Write to this stream instead of a file (tests). */
  readonly destination?: NodeJS.WritableStream;
  readonly level?: string;
}

/** Creates the kiosk's structured logger (JSON lines, personal data redacted). */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level ?? 'info', redact: { paths: redactedPaths, remove: true } };
  if (options.destination) return pino(base, options.destination);
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true });
    return pino(base, pino.destination({ dest: join(options.logDir, 'kiosk.log'), sync: true }));
  }
  return pino({ ...base, enabled: false });
}
