import { describe, expect, it } from 'vitest';
import { validateConfig } from '#core/config/loadConfig';
import { configMigrations, currentConfigFormatVersion, migrateConfig, type ConfigMigration } from '#shared/config/configMigrations';

/** A terminal config of the current format. */
function current(): Record<string, unknown> {
  return {
    formatVersion: currentConfigFormatVersion,
    terminal: { id: 'info-lobby', name: 'Informationsterminal Foyer', role: 'info', site: 'Bürgerservice Jena' },
    languages: { default: 'de', offered: ['de', 'en'] },
  };
}

describe('config format versions', () => {
  it('a config of the current format loads as it is, with no conversion', () => {
    const result = validateConfig(current(), 'current.json');
    expect(result).toMatchObject({ ok: true, migrated: [] });
  });

  it('0 → 1: a config written before format versions loads as format 1, and the conversion is reported for the log', () => {
    const unversioned = current();
    delete unversioned.formatVersion;
    const result = validateConfig(unversioned, 'old.json');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.migrated).toEqual([expect.stringMatching(/^0 → 1: no formatVersion/)]);
    const same = validateConfig(current(), 'current.json');
    expect(same.ok && result.config).toEqual(same.ok && same.config);
  });

  it('a config of a newer format is refused with what to do, at formatVersion', () => {
    const result = validateConfig({ ...current(), formatVersion: currentConfigFormatVersion + 1 }, 'new.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: 'formatVersion', message: expect.stringMatching(/reads config formats up to 1: update the kiosk/) as unknown }]);
  });

  it('a formatVersion that is no whole number is a schema problem at formatVersion', () => {
    for (const formatVersion of ['1', 1.5, -1, null]) {
      const result = validateConfig({ ...current(), formatVersion }, 'odd.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain('formatVersion');
    }
  });

  it('steps run in order up to the current format; a missing step refuses the file and says how to convert it', () => {
    const steps: ConfigMigration[] = [
      { from: 0, to: 1, change: 'adds a', migrate: (config) => ({ ...config, a: 1, formatVersion: 1 }) },
      { from: 1, to: 2, change: 'renames a to b', migrate: ({ a, ...rest }) => ({ ...rest, b: a, formatVersion: 2 }) },
    ];
    expect(migrateConfig({}, steps, 2)).toEqual({ ok: true, data: { b: 1, formatVersion: 2 }, from: 0, changes: ['0 → 1: adds a', '1 → 2: renames a to b'] });
    expect(migrateConfig({ formatVersion: 1, a: 7 }, steps, 2)).toMatchObject({ ok: true, data: { b: 7, formatVersion: 2 }, from: 1 });
    const gap = migrateConfig({ formatVersion: 0 }, steps.slice(1), 2);
    expect(gap).toEqual({ ok: false, message: expect.stringMatching(/no conversion from format 0: write the file anew in format 2/) as unknown });
  });

  it('every step of the kiosk goes one format up, and the steps reach the current format', () => {
    let version = 0;
    for (const step of configMigrations) {
      expect(step.from).toBe(version);
      expect(step.to).toBe(version + 1);
      version = step.to;
    }
    expect(version).toBe(currentConfigFormatVersion);
  });
});
