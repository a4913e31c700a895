import { mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorCode } from '../files/atomicFile';
import type { Logger } from '../logging/logger';

/**
 * The audit log of staff actions (docs/architecture.md, "Help calls and staff"): one JSON line per PIN attempt, lock and action in
 * `<dataDir>/audit/staff-audit.jsonl`, with the time, the terminal, the action and its outcome.
 * Nothing else: who it was is not known (PINs are shared), a PIN is never written, and no citizen
 * data is involved. Lines are only appended; when the file passes its size it is renamed to `.1`
 * (`.1` to `.2` …, the oldest dropped), so the log never fills the disk, and once a day every line
 * older than the retention (`maintenance.auditRetentionDays`) is deleted, so it never outlives its
 * purpose either. Writing it never fails an action: problems go to the kiosk log.
 */

export interface AuditEntry {
  /** ISO time. */
  readonly at: string;
  readonly terminal: string;
  /** E.g. "unlock", "lock", "auto-lock", or a staff action ("reset-session"). */
  readonly action: string;
  /** E.g. "open", "wrong", "pad-locked", "done", "failed:not-written", "refused". */
  readonly outcome: string;
}

export interface AuditLog {
  /** Appends a line; resolves when it is written (or its failure logged). Never rejects. */
  record(action: string, outcome: string): Promise<void>;
  /** Deletes every line older than `days` days, in the live file and the rotated ones; resolves with how many. Never rejects. */
  prune(days: number): Promise<number>;
}

export interface AuditLogOptions {
  /** The log file; null keeps no audit log (unit tests of other parts without a data folder). */
  readonly file: string | null;
  readonly terminal: string;
  readonly now: () => number;
  readonly logger: Logger;
  /** Rotates when the file would pass this size (default 1 MiB). */
  readonly maxBytes?: number;
  /** Rotated files kept: `.1` (newest) … `.<keep>` (default 5). */
  readonly keep?: number;
}

const defaultMaxBytes = 1024 * 1024;
const defaultKeep = 5;
/** Actions and outcomes are short words of the code; this keeps anything else out of the file. */
const wordPattern = /^[a-z][a-z0-9:-]{0,60}$/;

/** Creates the audit log; the folder is made at the first line. */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const { file, logger } = options;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const keep = options.keep ?? defaultKeep;
  let size: number | null = null;
  let tail: Promise<void> = Promise.resolve();

  const append = async (entry: AuditEntry): Promise<void> => {
    if (file === null) return;
    const line = `${JSON.stringify(entry)}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      await mkdir(dirname(file), { recursive: true });
      size ??= await currentSize(file);
      if (size > 0 && size + bytes > maxBytes) {
        await rotate(file, keep);
        size = 0;
      }
      const handle = await open(file, 'a');
      try {
        await handle.write(line);
        // Staff actions are rare; each line is on disk before the action is answered.
        await handle.sync();
      } finally {
        await handle.close();
      }
      size += bytes;
    } catch (error) {
      size = null;
      logger.error({ event: 'staff-audit-failed', action: entry.action, code: errorCode(error) ?? String(error) }, 'staff audit line not written');
    }
  };

  const prune = async (days: number): Promise<number> => {
    if (file === null) return 0;
    const cutoff = options.now() - days * 86_400_000;
    let removed = 0;
    for (const path of [file, ...Array.from({ length: keep }, (_, index) => `${file}.${String(index + 1)}`)]) {
      try {
        removed += await dropLinesBefore(path, cutoff);
      } catch (error) {
        logger.error({ event: 'staff-audit-prune-failed', code: errorCode(error) ?? String(error) }, 'old staff audit lines not deleted');
      }
    }
    size = null;
    return removed;
  };

  return {
    prune(days) {
      const run = tail.then(() => prune(days));
      tail = run.then(() => undefined);
      return run;
    },
    record(action, outcome) {
      const entry: AuditEntry = {
        at: new Date(options.now()).toISOString(),
        terminal: options.terminal,
        action: wordPattern.test(action) ? action : 'unknown',
        outcome: wordPattern.test(outcome) ? outcome : 'unknown',
      };
      // One write at a time, in order: rotation and appends must not interleave.
      const run = tail.then(() => append(entry));
      tail = run;
      return run;
    },
  };
}

async function currentSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
}

/** Rewrites `path` without the lines dated before `cutoff` (or without a date); deletes it when none is left. Returns how many went. */
async function dropLinesBefore(path: string, cutoff: number): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
  const lines = text.split('\n').filter((line) => line !== '');
  const kept = lines.filter((line) => {
    try {
      const at = Date.parse((JSON.parse(line) as Partial<AuditEntry>).at ?? '');
      return at >= cutoff;
    } catch {
      return false;
    }
  });
  if (kept.length === lines.length) return 0;
  if (kept.length === 0) {
    await unlink(path);
  } else {
    await writeFile(`${path}.tmp`, kept.map((line) => `${line}\n`).join(''), { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }
  return lines.length - kept.length;
}

/** `<file>.<keep-1>` → `.<keep>` … `<file>` → `.1`; the oldest is dropped. */
async function rotate(file: string, keep: number): Promise<void> {
  await unlink(`${file}.${String(keep)}`).catch(ignoreMissing);
  for (let index = keep - 1; index >= 1; index--) {
    await rename(`${file}.${String(index)}`, `${file}.${String(index + 1)}`).catch(ignoreMissing);
  }
  await rename(file, `${file}.1`);
}

function ignoreMissing(error: unknown): void {
  if (errorCode(error) !== 'ENOENT') throw error;
}
