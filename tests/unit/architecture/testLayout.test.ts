import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The unit tests mirror the source tree: the test of `electron/core/help/helpOutbox.ts` is
 * `tests/unit/electron/core/help/helpOutbox.test.ts`, so a reader finds one from the other. Only
 * `architecture/` (rules about the whole tree) and `support/` (fakes many tests share) have no
 * source folder of their own.
 */

const root = findAppRoot(import.meta.dirname);
const unitRoot = join(root, 'tests', 'unit');
const ownFolders = new Set(['architecture', 'support']);
const skipped = new Set(['node_modules', 'dist', '.cache']);

function filesBelow(dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (skipped.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesBelow(path, keep));
    else if (keep(name)) found.push(path);
  }
  return found;
}

const unitFiles = readdirSync(unitRoot)
  .filter((name) => !ownFolders.has(name))
  .flatMap((name) => {
    const path = join(unitRoot, name);
    return statSync(path).isDirectory() ? filesBelow(path, () => true) : [path];
  });

/** Source modules by file name without extension ("helpOutbox" → its folders). */
const sourceFolders = new Map<string, string[]>();
for (const layer of ['electron', 'renderer', 'shared']) {
  for (const file of filesBelow(join(root, layer), (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))) {
    const name = basename(file).replace(/\.tsx?$/, '');
    sourceFolders.set(name, [...(sourceFolders.get(name) ?? []), relative(root, dirname(file))]);
  }
}

describe('the unit tests mirror the source tree', () => {
  it('puts every file below tests/unit in the mirror of a folder that exists', () => {
    const orphans = unitFiles.map((file) => relative(unitRoot, dirname(file))).filter((folder) => !existsSync(join(root, folder)));
    expect([...new Set(orphans)]).toEqual([]);
  });

  it('puts the test of a module beside the mirror of that module', () => {
    const misplaced = unitFiles
      .filter((file) => /\.test\.tsx?$/.test(file))
      .flatMap((file) => {
        const folders = sourceFolders.get(basename(file).replace(/\.test\.tsx?$/, '')) ?? [];
        const here = relative(unitRoot, dirname(file));
        return folders.length > 0 && !folders.includes(here) ? [`${relative(root, file)} tests ${folders.join(', ')}`] : [];
      });
    expect(misplaced).toEqual([]);
  });

  it('has the tests this rule looks at', () => {
    expect(unitFiles.filter((file) => file.endsWith('.test.ts')).length).toBeGreaterThan(100);
  });
});
