import { describe, expect, it } from 'vitest';
import de from '../../../renderer/src/i18n/locales/de.json';
import en from '../../../renderer/src/i18n/locales/en.json';
import { kioskErrorCodes } from '../../../shared/result';

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const locales = { de: flatten(de), en: flatten(en) };

describe('translations', () => {
  it('de and en have exactly the same keys', () => {
    const deKeys = [...locales.de.keys()].sort();
    const enKeys = [...locales.en.keys()].sort();
    expect(enKeys.filter((k) => !locales.de.has(k)), 'in en but not in de').toEqual([]);
    expect(deKeys.filter((k) => !locales.en.has(k)), 'in de but not in en').toEqual([]);
    expect(deKeys.length).toBeGreaterThan(10);
  });

  it.each(Object.entries(locales))('%s has only non-empty strings', (_lang, map) => {
    for (const [key, value] of map) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it('every {{placeholder}} in de also exists in en', () => {
    for (const [key, value] of locales.de) {
      const enValue = locales.en.get(key);
      for (const name of placeholders(String(value))) {
        expect(placeholders(String(enValue)), `${key}: {{${name}}}`).toContain(name);
      }
    }
  });

  it('every {{placeholder}} in en also exists in de', () => {
    for (const [key, value] of locales.en) {
      for (const name of placeholders(String(value))) expect(placeholders(String(locales.de.get(key))), `${key}: {{${name}}}`).toContain(name);
    }
  });

  it('has a message for every error code', () => {
    for (const code of kioskErrorCodes) {
      expect(locales.de.has(`errors.${code}`), code).toBe(true);
      expect(locales.en.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('the placeholder check finds placeholders', () => {
    expect(placeholders('in {{count}} s {{ name }}')).toEqual(['count', 'name']);
    expect(locales.de.get('idle.text_other')).toContain('{{count}}');
  });
});
