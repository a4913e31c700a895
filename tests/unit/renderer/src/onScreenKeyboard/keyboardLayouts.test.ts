import { describe, expect, it } from 'vitest';
import arabicLayout from 'simple-keyboard-layouts/build/layouts/arabic';
import englishLayout from 'simple-keyboard-layouts/build/layouts/english';
import farsiLayout from 'simple-keyboard-layouts/build/layouts/farsi';
import germanLayout from 'simple-keyboard-layouts/build/layouts/german';
import russianLayout from 'simple-keyboard-layouts/build/layouts/russian';
import turkishLayout from 'simple-keyboard-layouts/build/layouts/turkish';
import ukrainianLayout from 'simple-keyboard-layouts/build/layouts/ukrainian';
import { uiLanguages, type UiLanguage } from '#shared/i18n/languages';
import {
  emailKeys,
  hasLatinSwitch,
  hasShift,
  initialScript,
  keyboardKinds,
  keyboardRows,
  maxKeysPerRow,
  numberSymbols,
  specialKeys,
  type KeyboardKind,
  type KeyboardLayer,
  type KeyboardScript,
} from '#renderer/onScreenKeyboard/keyboardLayouts';

const layers: readonly KeyboardLayer[] = ['default', 'shift'];
const scripts: readonly KeyboardScript[] = ['own', 'latin'];
const combos = uiLanguages.flatMap((language) =>
  keyboardKinds.flatMap((kind) => layers.flatMap((layer) => scripts.map((script) => ({ language, kind, layer, script })))),
);
const name = (c: { language: string; kind: string; layer: string; script: string }) => `${c.language} ${c.kind} ${c.layer} ${c.script}`;

const flat = (language: UiLanguage, kind: KeyboardKind, layer: KeyboardLayer = 'default', script: KeyboardScript = 'own'): string[] =>
  keyboardRows(language, kind, layer, script).flat();
/** What a person sees as characters (لا would be two). */
const characters = (key: string): number => [...new Intl.Segmenter().segment(key)].length;
const isSpecial = (key: string): boolean => key.startsWith('{') && key.endsWith('}');

describe('letters of each language', () => {
  it.each([
    ['de', 'ä ö ü ß', 'Ä Ö Ü ß'],
    ['de-x-ls', 'ä ö ü ß', 'Ä Ö Ü ß'],
    ['en', 'q w y z', 'Q W Y Z'],
    ['tr', 'ç ğ ı i ö ş ü', 'Ç Ğ I İ Ö Ş Ü'],
    ['uk', 'і ї є ґ и щ ь', 'І Ї Є Ґ И Щ Ь'],
    ['ru', 'ы э ъ ё щ', 'Ы Э Ъ Ё Щ'],
  ] as const)('%s has its own letters, small by default and capital on shift', (language, small, capital) => {
    for (const kind of ['text', 'password'] as const) {
      expect(flat(language, kind, 'default')).toEqual(expect.arrayContaining(small.split(' ')));
      expect(flat(language, kind, 'shift')).toEqual(expect.arrayContaining(capital.split(' ')));
    }
  });

  it('German is QWERTZ and English QWERTY', () => {
    expect(keyboardRows('de', 'text', 'default')[1]?.slice(0, 6)).toEqual(['q', 'w', 'e', 'r', 't', 'z']);
    expect(keyboardRows('en', 'text', 'default')[1]?.slice(0, 6)).toEqual(['q', 'w', 'e', 'r', 't', 'y']);
  });

  it.each([
    ['ar', 'ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ء أ إ آ ؤ ئ ة ى'],
    ['fa', 'ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی آ'],
  ] as const)('%s has every letter of its alphabet and no shift (no capitals)', (language, letters) => {
    for (const kind of ['text', 'password', 'search', 'email'] as const) {
      expect(flat(language, kind)).toEqual(expect.arrayContaining(letters.split(' ')));
      expect(flat(language, kind)).not.toContain('{shift}');
      expect(keyboardRows(language, kind, 'shift')).toEqual(keyboardRows(language, kind, 'default'));
    }
  });

  it('Persian uses its own ی and ک, not the Arabic ي and ك', () => {
    expect(flat('fa', 'text')).not.toContain('ي');
    expect(flat('fa', 'text')).not.toContain('ك');
  });

  it('every letter comes from the language layout of simple-keyboard-layouts', () => {
    const source: Record<UiLanguage, { layout: Record<string, string[]> }> = {
      de: germanLayout,
      'de-x-ls': germanLayout,
      en: englishLayout,
      ar: arabicLayout,
      uk: ukrainianLayout,
      ru: russianLayout,
      tr: turkishLayout,
      fa: farsiLayout,
    };
    for (const language of uiLanguages) {
      const known = new Set(Object.values(source[language].layout).flatMap((rows) => rows.flatMap((row) => row.split(' '))));
      for (const layer of layers) {
        const letters = flat(language, 'text', layer).filter((key) => /\p{L}/u.test(key) && !isSpecial(key));
        expect(
          letters.filter((key) => !known.has(key)),
          `${language} ${layer}`,
        ).toEqual([]);
      }
    }
  });

  it('digits are Western everywhere, as forms and German records expect', () => {
    for (const language of uiLanguages) expect(flat(language, 'text')).toEqual(expect.arrayContaining('1 2 3 4 5 6 7 8 9 0'.split(' ')));
    expect(flat('fa', 'text').filter((key) => /[۰-۹٠-٩]/u.test(key))).toEqual([]);
  });
});

describe('the Latin switch', () => {
  it('is there for every language but German, never on the number pad', () => {
    for (const language of uiLanguages) {
      for (const kind of keyboardKinds) {
        const expected = kind !== 'number' && language !== 'de' && language !== 'de-x-ls';
        expect(hasLatinSwitch(language, kind), `${language} ${kind}`).toBe(expected);
        expect(flat(language, kind).includes('{latin}'), `${language} ${kind}`).toBe(expected);
      }
    }
  });

  it('gives the German letters, with umlauts and capitals', () => {
    for (const language of ['ar', 'fa', 'uk', 'ru', 'tr', 'en'] as const) {
      expect(flat(language, 'text', 'default', 'latin')).toEqual(expect.arrayContaining(['q', 'z', 'ä', 'ö', 'ü', 'ß']));
      expect(flat(language, 'text', 'shift', 'latin')).toEqual(expect.arrayContaining(['Q', 'Z', 'Ä', 'Ö', 'Ü', '{shift}']));
      expect(hasShift(language, 'text', 'latin')).toBe(true);
    }
  });

  it('is ignored where there is none', () => {
    expect(keyboardRows('de', 'text', 'default', 'latin')).toEqual(keyboardRows('de', 'text', 'default', 'own'));
  });

  it('e-mail starts on Latin letters where the own letters are not Latin', () => {
    for (const language of uiLanguages) {
      expect(initialScript(language, 'email'), language).toBe(['ar', 'fa', 'uk', 'ru'].includes(language) ? 'latin' : 'own');
      for (const kind of ['text', 'password', 'search', 'number'] as const) expect(initialScript(language, kind)).toBe('own');
    }
  });
});

describe('kinds of field', () => {
  it('the number pad holds digits, its symbols and only the keys it needs', () => {
    const allowed = new Set<string>(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', ...numberSymbols, '{bksp}', '{enter}', '{space}', '{hide}']);
    for (const language of uiLanguages) {
      for (const layer of layers) {
        const keys = flat(language, 'number', layer);
        expect(keys.filter((key) => !allowed.has(key))).toEqual([]);
        expect(keys).toEqual(expect.arrayContaining([...allowed]));
      }
    }
  });

  it('e-mail has @, the dot, .de and .com, and no space', () => {
    for (const language of uiLanguages) {
      for (const script of scripts) {
        const keys = flat(language, 'email', 'default', script);
        expect(keys).toEqual(expect.arrayContaining(['@', '.', '-', '_', '.de', '.com', '{enter}', '{bksp}']));
        expect(keys).not.toContain('{space}');
      }
    }
  });

  it('search has letters, digits, space and delete, but no enter, shift, hide or punctuation', () => {
    for (const language of uiLanguages) {
      for (const layer of layers) {
        for (const script of scripts) {
          const keys = flat(language, 'search', layer, script);
          for (const absent of ['{enter}', '{shift}', '{hide}']) expect(keys).not.toContain(absent);
          expect(keys).toEqual(expect.arrayContaining(['{space}', '{bksp}']));
          expect(keys.filter((key) => !isSpecial(key) && !/^[\p{L}\p{N}]$/u.test(key))).toEqual([]);
        }
      }
    }
  });

  it('search keeps today’s keys: German search has umlauts and ß', () => {
    expect(flat('de', 'search')).toEqual(expect.arrayContaining(['ä', 'ö', 'ü', 'ß', '1', '0']));
  });

  it('text and password keep the punctuation a form needs', () => {
    for (const language of uiLanguages) {
      expect(flat(language, 'text')).toEqual(expect.arrayContaining(['-', '.', ',', '/', '{space}', '{enter}', '{hide}']));
      expect(flat(language, 'password')).toEqual(expect.arrayContaining(['@', '-', '.', '_', '!', '?', '#', '{space}', '{enter}', '{hide}']));
    }
  });

  it('only text and password have shift, and only where the script has capitals', () => {
    for (const c of combos) {
      const expected =
        (c.kind === 'text' || c.kind === 'password') &&
        (c.script === 'latin' ? hasLatinSwitch(c.language, c.kind) || !['ar', 'fa'].includes(c.language) : !['ar', 'fa'].includes(c.language));
      expect(flat(c.language, c.kind, c.layer, c.script).includes('{shift}'), name(c)).toBe(expected);
    }
  });
});

describe('every layout', () => {
  it('fits: no row is wider than the widest that keeps keys at 44 px on a 1280-px screen', () => {
    // The arithmetic is at maxKeysPerRow; this keeps it from being raised lightly.
    expect(maxKeysPerRow).toBeLessThanOrEqual(13);
    for (const c of combos) {
      for (const row of keyboardRows(c.language, c.kind, c.layer, c.script))
        expect(row.length, `${name(c)}: ${row.join(' ')}`).toBeLessThanOrEqual(maxKeysPerRow);
    }
  });

  it('has no key twice within a layer', () => {
    for (const c of combos) {
      const keys = flat(c.language, c.kind, c.layer, c.script);
      expect(
        keys.filter((key, i) => keys.indexOf(key) !== i),
        name(c),
      ).toEqual([]);
    }
  });

  it('has multi-character keys only in the e-mail row', () => {
    for (const c of combos) {
      const rows = keyboardRows(c.language, c.kind, c.layer, c.script);
      rows.forEach((row, index) => {
        const long = row.filter((key) => !isSpecial(key) && characters(key) > 1);
        if (long.length === 0) return;
        expect(c.kind, name(c)).toBe('email');
        expect(index, name(c)).toBe(rows.length - 1);
        expect(
          long.every((key) => (emailKeys as readonly string[]).includes(key)),
          name(c),
        ).toBe(true);
      });
    }
  });

  it('has only known special keys, no tab or caps lock, and no dead keys', () => {
    const known = new Set<string>(specialKeys);
    for (const c of combos) {
      const keys = flat(c.language, c.kind, c.layer, c.script);
      expect(
        keys.filter((key) => isSpecial(key) && !known.has(key)),
        name(c),
      ).toEqual([]);
      for (const dead of ['´', '`', '^', '°', '{tab}', '{lock}']) expect(keys, name(c)).not.toContain(dead);
      expect(
        keys.filter((key) => key === '' || /\s/u.test(key)),
        name(c),
      ).toEqual([]);
    }
  });

  it('always has delete, and enter and hide except in the search', () => {
    for (const c of combos) {
      const keys = flat(c.language, c.kind, c.layer, c.script);
      expect(keys, name(c)).toContain('{bksp}');
      expect(keys.includes('{enter}'), name(c)).toBe(c.kind !== 'search');
      expect(keys.includes('{hide}'), name(c)).toBe(c.kind !== 'search');
    }
  });

  it('never starts a key with [ or ends one with ], which simple-keyboard reads as a key group', () => {
    for (const c of combos)
      expect(flat(c.language, c.kind, c.layer, c.script).filter((key) => key.length > 1 && (key.startsWith('[') || key.endsWith(']')))).toEqual([]);
  });
});
