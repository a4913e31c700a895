import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../session/clock';

/**
 * The log's retention by age, kept by the kiosk itself (README.md, "Operations"): a rotated log
 * (kiosk.log.1, kiosk.log.2.gz, …) older than the configured days is deleted at start and once a
 * day, so the trail of sessions never outlives its purpose, whoever rotates the file.
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

/** Prunes now and every 24 hours; `stop` ends it. */
export function keepLogRetention(input: { dir: string; days: number; clock: Clock; logger: Logger }): { stop(): void } {
  let timer: unknown = null;
  let stopped = false;
  const run = async (): Promise<void> => {
    const removed = await pruneRotatedLogs(input.dir, input.days, input.clock.now());
    if (removed > 0) input.logger.info({ event: 'logs-pruned', files: removed, days: input.days }, 'rotated logs past their retention deleted');
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
