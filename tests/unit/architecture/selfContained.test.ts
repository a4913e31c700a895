import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The repository stands on its own: a comment may point at the project's own documents (the README
 * and docs/), never at a brief or an issue tracker a person who clones it does not have, and every
 * document and section it names is there.
 */

const root = findAppRoot(import.meta.dirname);
const sourceFolders = ['electron', 'renderer', 'shared', 'tests', 'build', 'kiosk-config', '.ci'];
const sourceFile = /\.(?:ts|tsx|mts|mjs|js|cjs|css|html|json|sh|service|conf)$|^run$/;
const skipped = new Set(['node_modules', 'dist', '.cache', 'content']);

function filesBelow(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (skipped.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesBelow(path));
    else if (sourceFile.test(name)) found.push(path);
  }
  return found;
}

const sources = [
  ...sourceFolders.flatMap((folder) => filesBelow(join(root, folder))),
  ...readdirSync(root)
    .filter((name) => /\.(?:ts|js)$/.test(name))
    .map((name) => join(root, name)),
];
// This file names the patterns it looks for.
const self = join(root, 'tests', 'unit', 'architecture', 'selfContained.test.ts');

/** The headings of a Markdown file, as a comment cites them ("Layers"). */
function headings(file: string): Set<string> {
  return new Set(
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => line.replace(/^#+\s*/, '').trim()),
  );
}

describe('the repository stands on its own', () => {
  it('no source file cites the design brief or an issue', () => {
    const outside = /DESIGN\.md|\bissue "|\(issue \d|\bissue \d+\b|the [A-Za-z]+ issue\b/;
    const offenders = sources.filter((file) => file !== self && outside.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('every document and section a comment points at exists', () => {
    const cited = /(README\.md|docs\/[\w/-]+\.md),? "([^"]+)"/g;
    const problems: string[] = [];
    for (const file of sources) {
      if (file === self) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(cited)) {
        const [, document = '', section = ''] = match;
        if (!existsSync(join(root, document))) problems.push(`${relative(root, file)}: ${document} does not exist`);
        else if (!headings(document).has(section)) problems.push(`${relative(root, file)}: ${document} has no section "${section}"`);
      }
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/docs\/[\w/-]+\.md/g)) {
        // "owner/repo docs/…" cites another project's documentation, which is fine.
        const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, match.index - 60), match.index))?.[1] ?? '';
        if (before.includes('/')) continue;
        if (!existsSync(join(root, match[0]))) problems.push(`${relative(root, file)}: ${match[0]} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the architecture guide and its four recipes are there', () => {
    for (const doc of [
      'docs/architecture.md',
      'docs/recipes/add-a-screen.md',
      'docs/recipes/add-a-channel.md',
      'docs/recipes/add-a-config-field.md',
      'docs/recipes/add-a-device-driver.md',
    ]) {
      expect(existsSync(join(root, doc)), doc).toBe(true);
    }
  });

  it('every file a recipe tells people to copy or edit exists', () => {
    const problems: string[] = [];
    for (const recipe of readdirSync(join(root, 'docs', 'recipes'))) {
      const text = readFileSync(join(root, 'docs', 'recipes', recipe), 'utf8');
      for (const [, path = ''] of text.matchAll(/`((?:electron|renderer|shared|tests|kiosk-config)\/[\w./-]+\.(?:ts|tsx|json))`/g)) {
        if (path.includes('<') || !existsSync(join(root, path))) problems.push(`${recipe}: ${path}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
