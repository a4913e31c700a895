import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '#renderer/i18n/i18n';
import staffDe from '#renderer/staff/locales/de.json';
import staffEn from '#renderer/staff/locales/en.json';
import { staffReasons } from '#renderer/staff/staffActions';
import { staffI18n } from '#renderer/staff/staffI18n';
import { staffActions } from '#shared/contract/staffContract';
import { helpEventTypes } from '#shared/help/helpEvent';
import { resetReasons } from '#shared/session/sessionState';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The staff screens' texts (namespace `staff`, German and English only). i18next-cli checks the
 * eight citizen languages and leaves this namespace out (i18next.config.ts), so this test does its
 * checks for it: the same keys in both languages, every key the staff screens use exists, and the
 * keys picked at run time cover every value that picks them.
 */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of flatten(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  } else out.set(prefix, value as string);
  return out;
}
const pluralSuffix = /_(one|other)$/;
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
const de = flatten(staffDe);
const en = flatten(staffEn);
const citizenDe = flatten(resources.de.translation);
const bases = new Set([...de.keys()].map((key) => key.replace(pluralSuffix, '')));

const staffDir = join(findAppRoot(import.meta.dirname), 'renderer', 'src', 'staff');
const sources = readdirSync(staffDir)
  .filter((file) => file.endsWith('.tsx') || file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(staffDir, file), 'utf8') }));
/** Every key written out in a t('…') call of the staff screens. */
const usedKeys = sources.flatMap(({ file, text }) => [...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => ({ file, key: m[1] ?? '' })));

describe('staff texts (German and English)', () => {
  it('has the same keys in German and English, none empty, with the same placeholders', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    for (const [key, value] of de) {
      expect(value.trim(), `de ${key}`).not.toBe('');
      expect(en.get(key)?.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('finds the staff screens’ t() calls', () => {
    expect(usedKeys.length).toBeGreaterThan(30);
  });

  it('has every key the staff screens use (staff keys in the staff texts, shared ones in the citizen texts)', () => {
    const missing = usedKeys.filter(({ key }) => {
      const staffKey = key.startsWith('pin.') || key.startsWith('assist.');
      return staffKey ? !bases.has(key) : !citizenDe.has(key) && !citizenDe.has(`${key}_other`);
    });
    expect(missing).toEqual([]);
  });

  it('uses every staff key (nothing left over)', () => {
    const all = sources.map((s) => s.text).join('\n');
    const dynamicGroups = ['assist.actions.', 'assist.reasons.', 'assist.counters.names.'];
    const unused = [...bases].filter((key) => !dynamicGroups.some((group) => key.startsWith(group)) && !all.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('names every staff action and every reason a failed action can have', () => {
    const actions = Object.keys(staffDe.assist.actions).sort();
    expect(actions).toEqual([...staffActions, 'counters'].sort());
    expect(Object.keys(staffDe.assist.reasons).sort()).toEqual([...staffReasons, 'failed'].sort());
  });

  it('names the counters the core keeps (sessions by how they ended, help calls by what happened)', () => {
    const names = Object.keys(staffDe.assist.counters.names);
    for (const reason of resetReasons) expect(names).toContain(`sessions-ended-${reason}`);
    for (const type of helpEventTypes) expect(names).toContain(`help-${type}`);
    expect(names).toEqual(expect.arrayContaining(['sessions-started', 'queue-tickets', 'prints']));
  });

  it('runs its own i18next instance in German and English, with the citizen texts of both for shared parts', async () => {
    await staffI18n.changeLanguage('en');
    expect(staffI18n.t('assist.title', { ns: 'staff' })).toBe('Assist mode');
    expect(staffI18n.t('devices.kinds.printer')).toBe(resources.en.translation.devices.kinds.printer);
    await staffI18n.changeLanguage('de');
    expect(staffI18n.t('pin.wrong', { ns: 'staff', count: 1 })).toBe('Falsche PIN. Noch 1 Versuch.');
    expect(staffI18n.t('pin.wrong', { ns: 'staff', count: 3 })).toBe('Falsche PIN. Noch 3 Versuche.');
  });
});
