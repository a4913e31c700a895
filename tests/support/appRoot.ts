import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project folder: the nearest folder above `start` with a package.json (works bundled too, e.g. in the bench). */
export function findAppRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
