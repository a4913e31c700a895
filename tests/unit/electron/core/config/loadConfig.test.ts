import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatConfigProblems, loadConfig, validateConfig, type ConfigLoadResult } from '#core/config/loadConfig';
import { kioskConfigSchema, resolveConfig, sessionDefaults } from '#shared/config/kioskConfig';
import { findAppRoot } from '#tests/support/appRoot';

const repoRoot = findAppRoot(import.meta.dirname);
const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-test-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function writeTemp(content: string): string {
  counter += 1;
  const file = join(dir, `config-${String(counter)}.json`);
  writeFileSync(file, content, 'utf8');
  return file;
}

function validData(): Record<string, unknown> & { terminal: Record<string, unknown>; session: Record<string, unknown>; languages: Record<string, unknown> } {
  return {
    formatVersion: 1,
    terminal: { id: 'info-lobby', name: 'Informationsterminal Foyer', role: 'info', site: 'Bürgerservice Jena' },
    session: { idleTimeoutSeconds: 90, warningSeconds: 30 },
    languages: { default: 'de', offered: ['de', 'en'] },
  };
}

async function loadData(data: unknown): Promise<ConfigLoadResult> {
  return loadConfig(writeTemp(JSON.stringify(data)));
}

function problemsOf(result: ConfigLoadResult) {
  if (result.ok) throw new Error('expected the config to be refused');
  return result.problems;
}

function paths(result: ConfigLoadResult): string[] {
  return problemsOf(result).map((p) => p.path);
}

describe('loadConfig: valid files', () => {
  it('loads kiosk-config/default.json', async () => {
    const file = join(repoRoot, 'kiosk-config', 'default.json');
    const result = await loadConfig(file);
    expect(result.ok).toBe(true);
    expect(result.file).toBe(file);
    expect(result.ok && result.config.terminal.role).toBe('info');
    expect(result.ok && result.config.session).toEqual({ idleTimeoutSeconds: 90, warningSeconds: 30 });
  });

  it('loads kiosk-config/workstation.json', async () => {
    const result = await loadConfig(join(repoRoot, 'kiosk-config', 'workstation.json'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.config.terminal.role).toBe('workstation');
    expect(result.ok && result.config.session.idleTimeoutSeconds).toBe(180);
  });

  it('loads a minimal valid temp file and accepts $schema', async () => {
    const result = await loadData({ $schema: './x.json', ...validData() });
    expect(result).toMatchObject({ ok: true, config: { terminal: { id: 'info-lobby' }, languages: { default: 'de', offered: ['de', 'en'] } } });
    expect(result.ok && 'session' in result.config && !('$schema' in result.config)).toBe(true);
  });
});

describe('loadConfig: problems', () => {
  it('reports a wrong type with its path', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    const result = await loadData(data);
    expect(paths(result)).toEqual(['session.idleTimeoutSeconds']);
  });

  it('reports a missing field with its path', async () => {
    const data = validData();
    delete data.terminal.name;
    expect(paths(await loadData(data))).toEqual(['terminal.name']);
  });

  it('reports each unknown key with its path and "unknown key"', async () => {
    const data = validData();
    data.sesion = { idleTimeoutSeconds: 90 };
    data.terminal.nmae = 'typo';
    data.terminal.colour = 'blue';
    const problems = problemsOf(await loadData(data));
    expect(problems.map((p) => p.path).sort()).toEqual(['sesion', 'terminal.colour', 'terminal.nmae']);
    for (const problem of problems) expect(problem.message).toMatch(/unknown key/);
  });

  it('lists several problems at once', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    data.session.warningSeconds = 5;
    delete data.terminal.name;
    data.terminal.id = 'Has Spaces';
    data.terminal.role = 'printer';
    data.sesion = {};
    const result = await loadData(data);
    expect(paths(result).sort()).toEqual(
      ['sesion', 'session.idleTimeoutSeconds', 'session.warningSeconds', 'terminal.id', 'terminal.name', 'terminal.role'].sort(),
    );
  });

  it('lists language problems together with other problems', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    data.languages = { default: 'en', offered: ['de', 'de'] };
    const result = await loadData(data);
    expect(paths(result).sort()).toEqual(['languages.default', 'languages.offered', 'session.idleTimeoutSeconds']);
  });

  it('reports a default language that is not offered', async () => {
    const data = validData();
    data.languages = { default: 'en', offered: ['de'] };
    const problems = problemsOf(await loadData(data));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('languages.default');
    expect(problems[0]?.message).toMatch(/offered/);
  });

  it('reports a language listed twice', async () => {
    const data = validData();
    data.languages = { default: 'de', offered: ['de', 'de'] };
    const problems = problemsOf(await loadData(data));
    expect(problems).toEqual([{ path: 'languages.offered', message: 'lists a language twice' }]);
  });

  it('reports a language without translations with an indexed path', async () => {
    const data = validData();
    data.languages = { default: 'de', offered: ['de', 'xx'] };
    expect(paths(await loadData(data))).toEqual(['languages.offered[1]']);
  });

  it.each([
    ['warningSeconds below 20 (WCAG 2.2.1)', { warningSeconds: 19 }, 'session.warningSeconds'],
    ['idleTimeoutSeconds below 3', { idleTimeoutSeconds: 2 }, 'session.idleTimeoutSeconds'],
    ['idleTimeoutSeconds not an integer', { idleTimeoutSeconds: 90.5 }, 'session.idleTimeoutSeconds'],
  ])('reports %s', async (_label, session, path) => {
    const data = validData();
    data.session = { ...data.session, ...session };
    expect(paths(await loadData(data))).toEqual([path]);
  });

  it('reports a blank terminal name', async () => {
    const data = validData();
    data.terminal.name = '   ';
    expect(paths(await loadData(data))).toEqual(['terminal.name']);
  });

  it('reports a file that is not JSON', async () => {
    const result = await loadConfig(writeTemp('{ "terminal": '));
    const problems = problemsOf(result);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('(file)');
    expect(problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('reports a missing file', async () => {
    const file = join(dir, 'does-not-exist.json');
    const result = await loadConfig(file);
    expect(result).toEqual({ ok: false, file, problems: [{ path: '(file)', message: 'file not found' }] });
  });

  it('reports a directory as unreadable', async () => {
    const result = await loadConfig(dir);
    expect(problemsOf(result)).toEqual([{ path: '(file)', message: 'file cannot be read' }]);
  });

  it('reports a JSON value that is not an object at the root', async () => {
    expect(paths(await loadData([1, 2]))).toEqual(['(root)']);
    expect(paths(await loadData(null))).toEqual(['(root)']);
  });
});

describe('formatConfigProblems', () => {
  it('lists every path and says the kiosk was not started', async () => {
    const data = validData();
    data.session.idleTimeoutSeconds = '90';
    delete data.terminal.name;
    data.sesion = {};
    const result = await loadData(data);
    if (result.ok) throw new Error('expected failure');
    const text = formatConfigProblems(result);
    expect(text).toContain(result.file);
    expect(text).toContain('(3 problems)');
    for (const problem of result.problems) expect(text).toContain(`  - ${problem.path}: ${problem.message}`);
    expect(text.split('\n')).toHaveLength(result.problems.length + 2);
    expect(text).toMatch(/not started/);
  });

  it('uses the singular for one problem', () => {
    const text = formatConfigProblems({ ok: false, file: '/x.json', problems: [{ path: '(file)', message: 'file not found' }] });
    expect(text).toContain('(1 problem)');
  });
});

describe('resolveConfig', () => {
  it.each(['info', 'workstation'] as const)('fills in the %s defaults when session is omitted', (role) => {
    const data = validData();
    delete (data as Record<string, unknown>).session;
    data.terminal.role = role;
    const result = validateConfig(data, 'mem');
    expect(result.ok && result.config.session).toEqual(sessionDefaults[role]);
  });

  it('fills in only the missing field', () => {
    const parsed = kioskConfigSchema.parse({ ...validData(), session: { warningSeconds: 45 }, terminal: { ...validData().terminal, role: 'workstation' } });
    expect(resolveConfig(parsed).session).toEqual({ idleTimeoutSeconds: 180, warningSeconds: 45 });
  });

  it('has the documented role defaults', () => {
    expect(sessionDefaults).toEqual({
      info: { idleTimeoutSeconds: 90, warningSeconds: 30 },
      workstation: { idleTimeoutSeconds: 180, warningSeconds: 30 },
    });
  });
});
