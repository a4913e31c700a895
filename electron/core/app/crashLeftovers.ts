import { spawnSync } from 'node:child_process';
import { lstat, readdir, readlink, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logging/logger';

/**
 * What a crash could leave of a citizen on disk (README.md, "Self-healing"): a core dump holds the
 * process's memory, and a browser profile left by a killed run holds its cookies, cache and form
 * data. Core dumps are switched off for the host and everything it starts; stale profiles are
 * deleted at start.
 */

/** Switches core dumps off for this process and its children (Linux: prlimit from util-linux). */
export function disableCoreDumps(logger: Logger, pid = process.pid): void {
  if (process.platform !== 'linux') return;
  const result = spawnSync('prlimit', ['--pid', String(pid), '--core=0:0'], { stdio: 'ignore', timeout: 5000 });
  if (result.status !== 0) logger.warn({ event: 'core-dumps-not-disabled' }, 'core dumps could not be switched off (prlimit); set LimitCORE=0 in the service');
}

/** Browser profiles the kiosk's hosts make in the temp folder: the kiosk window's, and Playwright's. */
const profilePattern = /^(?:kiosk-window-|playwright_chromiumdev_profile-)/;
/** A profile younger than this may belong to a kiosk that is starting right now (no lock yet). */
const youngMs = 120_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in Chromium's SingletonLock ("<host>-<pid>"), or null without a lock. */
async function lockOwner(profile: string): Promise<number | null> {
  try {
    const pid = Number((await readlink(join(profile, 'SingletonLock'))).split('-').at(-1));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Deletes browser profiles in `tmp` that no running Chromium holds; returns how many. */
export async function sweepStaleProfiles(tmp: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmp);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((entry) => profilePattern.test(entry))) {
    const path = join(tmp, name);
    try {
      const info = await lstat(path);
      if (!info.isDirectory() || now - info.mtimeMs < youngMs) continue;
      const owner = await lockOwner(path);
      if (owner !== null && alive(owner)) continue;
      await rm(path, { recursive: true, force: true });
      removed += 1;
    } catch {
      // Another kiosk's, or gone meanwhile: left alone.
    }
  }
  return removed;
}
