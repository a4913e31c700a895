import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The city IT's install guides (docs/install/*.de.md) name repository files in backticks; these
 * tests keep the guides from drifting away from the files they tell IT to copy and edit.
 */

const root = findAppRoot(import.meta.dirname);
const topLevel = new Set(readdirSync(root));
const guides = ['docs/install/linux.de.md', 'docs/install/windows.de.md'] as const;

function read(relative: string): string {
  return readFileSync(join(root, relative), 'utf8');
}

/** The words of every code span and fenced code block: where the guides name files and commands. */
function codeWords(markdown: string): string[] {
  const words: string[] = [];
  const fenced = /^\s*```[^\n]*\n([\s\S]*?)^\s*```/gm;
  for (const block of markdown.matchAll(fenced)) words.push(...(block[1] ?? '').split(/\s+/));
  for (const span of markdown.replace(fenced, '').matchAll(/`([^`\n]+)`/g)) words.push(...(span[1] ?? '').split(/\s+/));
  return words.map((word) => word.replace(/^["'(]+|["'),.;:]+$/g, '')).filter((word) => word !== '');
}

/**
 * Relative paths with forward slashes: how the guides write repository paths (installed paths are
 * absolute, or Windows paths with backslashes). A word whose first folder is not in the repository
 * counts only when it names a file with an extension, so `Microsoft-Windows-AssignedAccess/Admin`
 * (an event log) is no path but a misspelt `bulid/deploy/x.service` is. Build output (dist/) is
 * made by `npm run dist`, not kept in the repository.
 */
function repositoryPaths(markdown: string): string[] {
  const paths = codeWords(markdown).filter((word) => /^[\w-][\w.-]*(?:\/[\w.*-]+)+\/?$/.test(word) && !word.startsWith('dist/'));
  return [...new Set(paths)].filter((path) => topLevel.has(path.split('/')[0] ?? '') || /\.\w+$/.test(path));
}

describe.each(guides)('%s', (guide) => {
  const text = read(guide);

  it('names only repository paths that exist', () => {
    const paths = repositoryPaths(text);
    expect(paths.length).toBeGreaterThan(3);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});

/** Files the guides have IT install: each by its path in the repository and on the terminal. */
const installed: Record<(typeof guides)[number], [string, string][]> = {
  'docs/install/linux.de.md': [
    ['build/deploy/buergerservice-kiosk.service', '/etc/systemd/system/buergerservice-kiosk.service'],
    ['build/deploy/99-buergerservice-kiosk.rules', '/etc/udev/rules.d/99-buergerservice-kiosk.rules'],
    ['kiosk-config/default.json', '/etc/buergerservice-kiosk/kiosk-config.json'],
    ['kiosk-config/workstation.json', '/etc/buergerservice-kiosk/workstation.json'],
  ],
  'docs/install/windows.de.md': [
    ['build/deploy/windows/shell-launcher.xml', '%ProgramData%\\buergerservice-kiosk\\shell-launcher.xml'],
    ['kiosk-config/default.json', '%ProgramData%\\buergerservice-kiosk\\kiosk-config.json'],
    ['kiosk-config/workstation.json', '%ProgramData%\\buergerservice-kiosk\\workstation.json'],
  ],
};

describe('the files the guides install', () => {
  it.each(guides)('%s names each by its repository path and its installed path', (guide) => {
    const text = read(guide);
    for (const [repository, onTerminal] of installed[guide]) {
      expect(text, repository).toContain(`\`${repository}\``);
      expect(text, onTerminal).toContain(`\`${onTerminal}\``);
    }
  });

  it('the Linux guide installs the unit that uses its config and data folder', () => {
    const unit = read('build/deploy/buergerservice-kiosk.service');
    const guide = read('docs/install/linux.de.md');
    expect(unit).toContain('KIOSK_CONFIG=/etc/buergerservice-kiosk/kiosk-config.json');
    expect(unit).toContain('KIOSK_DATA_DIR=/var/lib/buergerservice-kiosk');
    expect(guide).toContain('`/var/lib/buergerservice-kiosk/logs/kiosk.log`');
  });

  it('the Shell Launcher file starts the installed kiosk for the user kiosk and restarts it as the Windows guide says', () => {
    const xml = read('build/deploy/windows/shell-launcher.xml');
    expect(xml).toContain('Shell="%ProgramFiles%\\buergerservice-kiosk\\buergerservice-kiosk.exe"');
    expect(read('docs/install/windows.de.md')).toContain('`C:\\Program Files\\buergerservice-kiosk\\buergerservice-kiosk.exe`');
    expect(xml).toContain('<Account Name="kiosk"/>');
    const actions = Object.fromEntries(
      [...xml.matchAll(/ReturnCode="(-?\d+)" Action="(\w+)"/g)].map((match): [string, string] => [match[1] ?? '', match[2] ?? '']),
    );
    // 0 staff quit, 2 invalid config: stay stopped; 75 restart: start again (shared/exitCodes.ts).
    expect(actions).toEqual({ '0': 'DoNothing', '2': 'DoNothing', '75': 'RestartShell' });
    expect(xml).toMatch(/<DefaultAction Action="RestartShell"\/>\s*<\/Shell>\s*<\/Profile>/);
  });
});
