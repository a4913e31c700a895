import { Writable } from 'node:stream';
import { createLogger, type Logger } from '#core/logging/logger';

export interface LogCapture {
  readonly logger: Logger;
  /** Every raw line written so far. */
  readonly raw: () => string;
  /** Every line parsed as JSON. */
  readonly entries: () => Record<string, unknown>[];
}

/** A real kiosk logger writing JSON lines into memory. */
export function captureLog(level = 'debug'): LogCapture {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ destination, level });
  const raw = (): string => chunks.join('');
  const entries = (): Record<string, unknown>[] =>
    raw()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, entries };
}
