import { describe, expect, it } from 'vitest';
import { resources } from '#renderer/i18n/i18n';
import { uiLanguages, type UiLanguage } from '#shared/i18n/languages';
import { contrasts, motions, reaches, readAlouds, textSizes, volumes } from '#renderer/state/accessibilityStore';
import { dynamicKeyGroups } from '#renderer/i18n/dynamicKeys';
import { keyHelpOrder, namedKeys } from '#renderer/keyboard/keyHelpRows';
import { deviceKinds, healthReasons, healthStates } from '#shared/devices/deviceHealth';
import { printFailureReasons } from '#shared/devices/receipt';
import { kioskErrorCodes } from '#shared/result';
import { documentPrintFailures, portalErrorKinds, portalNotices } from '#shared/contract/portalContract';
import { terminalRoles } from '#shared/config/kioskConfig';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
    }
  } else {
    out.set(prefix, value as string);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
const locales = Object.fromEntries(uiLanguages.map((language) => [language, flatten(resources[language].translation)])) as Record<
  UiLanguage,
  Map<string, string>
>;
const german = locales.de;
const baseKeys = new Set([...german.keys()].map((key) => key.replace(pluralSuffix, '')));
const pluralBases = new Set([...german.keys()].filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')));

/** The plural forms a language needs, from the same CLDR rules i18next uses. */
function pluralCategories(language: UiLanguage): string[] {
  return new Intl.PluralRules(language === 'de-x-ls' ? 'de' : language).resolvedOptions().pluralCategories.slice().sort();
}

describe('translations', () => {
  it.each(uiLanguages)('%s has every key of German, nothing else, and only non-empty strings', (language) => {
    const map = locales[language];
    const bases = new Set([...map.keys()].map((key) => key.replace(pluralSuffix, '')));
    expect(
      [...baseKeys].filter((key) => !bases.has(key)),
      'missing',
    ).toEqual([]);
    expect(
      [...bases].filter((key) => !baseKeys.has(key)),
      'unknown',
    ).toEqual([]);
    for (const [key, value] of map) {
      expect(typeof value, key).toBe('string');
      expect(value.trim(), key).not.toBe('');
    }
  });

  it.each(uiLanguages)('%s has exactly the plural forms its grammar needs', (language) => {
    const map = locales[language];
    for (const base of pluralBases) {
      const forms = [...map.keys()]
        .filter((key) => key.replace(pluralSuffix, '') === base && pluralSuffix.test(key))
        .map((key) => pluralSuffix.exec(key)?.[1] ?? '');
      expect(forms.sort(), `${language} ${base}`).toEqual(pluralCategories(language));
    }
  });

  it.each(uiLanguages)('%s keeps every {{placeholder}} of German', (language) => {
    for (const [key, value] of locales[language]) {
      const germanValue = german.get(key) ?? german.get(`${key.replace(pluralSuffix, '')}_other`) ?? '';
      expect(placeholders(value), `${language} ${key}`).toEqual(placeholders(germanValue));
    }
  });

  it('has a message for every error code in every language', () => {
    for (const language of uiLanguages) {
      for (const code of kioskErrorCodes) expect(locales[language].has(`errors.${code}`), `${language} ${code}`).toBe(true);
    }
  });

  it('keeps the printer character-set test line intact in every language', () => {
    for (const language of uiLanguages) expect(locales[language].get('testReceipt.charset'), language).toContain('Äpfel, Öl, Übergröße, Straße, 12,50 €');
  });
});

describe('key groups picked at run time', () => {
  // What each group of renderer/src/i18n/dynamicKeys.ts is picked by; i18next-cli keeps these
  // groups as they are, so this is what keeps them free of missing and left-over keys.
  const pickedBy: Record<(typeof dynamicKeyGroups)[number], readonly string[]> = {
    'accessibility.textSizes': textSizes,
    'accessibility.contrasts': contrasts,
    'accessibility.reaches': reaches,
    'accessibility.motions': motions,
    'accessibility.readAlouds': readAlouds,
    'accessibility.volumes': volumes,
    'devices.kinds': deviceKinds,
    'devices.states': healthStates,
    'devices.reasons': healthReasons,
    'devices.content.states': ['ok', 'kept', 'missing'],
    errors: kioskErrorCodes,
    'print.reasons': printFailureReasons,
    'info.service.appointments': ['required', 'recommended', 'none'],
    'keys.actions': keyHelpOrder,
    'keys.names': namedKeys,
    roles: terminalRoles,
    'portal.error.kinds': portalErrorKinds,
    'portal.print.failures': documentPrintFailures,
    'portal.notices': portalNotices,
  };

  it.each(dynamicKeyGroups)('%s holds exactly one entry per value it is picked by', (group) => {
    const entries = new Set(
      [...german.keys()]
        .filter((key) => key.startsWith(`${group}.`))
        .map((key) =>
          key
            .slice(group.length + 1)
            .split('.')[0]
            ?.replace(pluralSuffix, ''),
        ),
    );
    expect([...entries].sort()).toEqual([...pickedBy[group]].sort());
  });
});

describe('Leichte Sprache', () => {
  const easy = locales['de-x-ls'];
  /** Sentences of a text: split after . ! ? and at line breaks; placeholders count as one word. */
  const sentences = (text: string): string[] =>
    text
      .split(/(?<=[.!?])\s+|\n/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const words = (sentence: string): number =>
    sentence
      .replace(/\{\{[^}]+\}\}/g, 'X')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

  it('has no sentence over 15 words', () => {
    const long: string[] = [];
    for (const [key, value] of easy) {
      if (key === 'testReceipt.charset') continue; // the printer test string, for staff
      for (const sentence of sentences(value)) if (words(sentence) > 15) long.push(`${key}: ${sentence}`);
    }
    expect(long).toEqual([]);
  });

  it('uses no abbreviations', () => {
    const abbreviations = /\b(z\.\s?B\.|ca\.|bzw\.|usw\.|d\.\s?h\.|evtl\.|ggf\.|inkl\.|Nr\.|u\.\s?a\.)/;
    for (const [key, value] of easy) expect(abbreviations.test(value), `${key}: ${value}`).toBe(false);
  });

  it('the checks find what they look for', () => {
    expect(words('Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn.')).toBe(16);
    expect(sentences('Kurz. Auch kurz! Frage?')).toHaveLength(3);
  });
});
