import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Result } from '#shared/result';

/**
 * Files that are either the old or the new version, also after a crash or a power cut. The new
 * content goes to a temporary file `<file>.<pid>.<n>.tmp` in the same folder (a rename is only
 * atomic within one file system) and is synced to disk before the rename replaces the old file;
 * syncing the folder makes the rename itself durable.
 */

let tempCounter = 0;

/**
 * Replaces `path` with `content` (UTF-8) atomically and durably; creates the folder when missing.
 * Error details: "not written: <code>" (the old file is untouched) or "folder not synced: <code>"
 * (the new file is in place, but its rename may not survive a power cut).
 */
export async function writeFileAtomically(path: string, content: string): Promise<Result<void>> {
  const dir = dirname(path);
  const temp = join(dir, `${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    return fail('internal', `not written: ${errorCode(error) ?? 'unknown error'}`);
  }
  // Windows cannot open a folder for syncing; there NTFS's journal has to do.
  if (process.platform === 'win32') return ok(undefined);
  try {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch (error) {
    return fail('internal', `folder not synced: ${errorCode(error) ?? 'unknown error'}`);
  }
  return ok(undefined);
}

/** True when `name` is a temporary file of an atomic write of `path` (`<file>.<pid>.<n>.tmp`). */
export function isAtomicTempFileOf(path: string, name: string): boolean {
  const prefix = `${basename(path)}.`;
  return name.startsWith(prefix) && /^\d+\.\d+\.tmp$/.test(name.slice(prefix.length));
}

/**
 * Removes temporary files of `path` left by writes that were cut off (a crash between open and
 * rename). Only for a folder that one process owns: another process's write in progress would be
 * removed too. Never fails: leftovers only take space.
 */
export async function removeAtomicTempFiles(path: string): Promise<void> {
  const dir = dirname(path);
  try {
    const names = await readdir(dir);
    await Promise.all(names.filter((name) => isAtomicTempFileOf(path, name)).map((name) => unlink(join(dir, name)).catch(() => undefined)));
  } catch {
    // No folder yet, or unreadable: reading the file itself decides what happens.
  }
}

/** The `code` of a Node file system error ("ENOENT", "ENOSPC"), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
