import { readdir, readFile, rename, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Logger } from 'pino';
import type { Clock } from '../session/clock';
import { errorKind } from './logger';

/**
 * The log's rotation and retention by age, kept by the kiosk itself on every platform (README.md,
 * "Operations"): at start and once a day the log so far is compressed to
 * `kiosk.log.<time>.gz` and the live file emptied, and every rotated log older than the configured
 * days is deleted, so the trail of sessions never outlives its purpose.
 */

const dayMs = 86_400_000;

/** Deletes the rotated logs in `dir` last written more than `days` ago; returns how many. The live kiosk.log stays. */
export async function pruneRotatedLogs(dir: string, days: number, now: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (name === 'kiosk.log' || !name.startsWith('kiosk.log')) continue;
    try {
      const path = join(dir, name);
      if (now - (await stat(path)).mtimeMs > days * dayMs) {
        await unlink(path);
        removed += 1;
      }
    } catch {
      // Gone meanwhile, or not ours to delete: the next run tries again.
    }
  }
  return removed;
}

const gzipBytes = promisify(gzip);

/**
 * Moves what `dir/kiosk.log` holds into `kiosk.log.<time>.gz` and empties the live file (copy, then
 * truncate: the logger keeps appending to the same file). Returns false when there was nothing to rotate.
 */
export async function rotateLog(dir: string, now: number): Promise<boolean> {
  const live = join(dir, 'kiosk.log');
  let bytes: Buffer;
  try {
    bytes = await readFile(live);
  } catch {
    return false;
  }
  if (bytes.length === 0) return false;
  const rotated = join(dir, `kiosk.log.${new Date(now).toISOString().replace(/[:.]/g, '-')}.gz`);
  await writeFile(`${rotated}.tmp`, await gzipBytes(bytes), { mode: 0o600 });
  await rename(`${rotated}.tmp`, rotated);
  // Lines written between the read and the truncate are lost; that is a few milliseconds once a day.
  await truncate(live, 0);
  return true;
}

/** Rotates the log and prunes the rotated ones now and every 24 hours, then runs `alsoDaily` (the staff audit's retention); `stop` ends it. */
export function keepLogRetention(input: { dir: string; days: number; clock: Clock; logger: Logger; alsoDaily?: () => Promise<void> }): { stop(): void } {
  let timer: unknown = null;
  let stopped = false;
  const run = async (): Promise<void> => {
    try {
      await rotateLog(input.dir, input.clock.now());
    } catch (error) {
      input.logger.warn({ event: 'log-rotation-failed', err: errorKind(error) }, 'the log could not be rotated');
    }
    const removed = await pruneRotatedLogs(input.dir, input.days, input.clock.now());
    if (removed > 0) input.logger.info({ event: 'logs-pruned', files: removed, days: input.days }, 'rotated logs past their retention deleted');
    await input.alsoDaily?.();
    if (!stopped) timer = input.clock.setTimeout(() => void run(), dayMs);
  };
  void run();
  return {
    stop: () => {
      stopped = true;
      if (timer !== null) input.clock.clearTimeout(timer);
    },
  };
}
