/**
 * The on-screen keyboard's keys, without React: which rows of keys to show for a UI language, the
 * kind of field being typed into, the shift layer and the script (the language's own letters or
 * the German Latin letters). Rows are in the physical order of the language's hardware keyboard,
 * left to right, as on every Arabic and Persian keyboard too: key positions are never mirrored.
 *
 * The letter rows are those of simple-keyboard-layouts, without what makes no sense on a kiosk:
 * tab and caps lock (the form's own buttons move between fields), dead keys (´ ^ on German),
 * ".com" outside e-mail, a second shift, and punctuation a form does not need.
 */
import type { UiLanguage } from '#shared/i18n/languages';

export const keyboardKinds = ['text', 'email', 'number', 'password', 'search'] as const;
export type KeyboardKind = (typeof keyboardKinds)[number];

export type KeyboardLayer = 'default' | 'shift';

/** The language's own letters, or the German letters (names, addresses, e-mail in Germany). */
export type KeyboardScript = 'own' | 'latin';

/** Keys that do something other than type their own text; written in simple-keyboard's braces. */
export const specialKeys = ['{bksp}', '{enter}', '{space}', '{shift}', '{latin}', '{hide}'] as const;
export type SpecialKey = (typeof specialKeys)[number];

/**
 * The widest row. A 1280-px screen less the info screen's padding (2 × 48 px) leaves 1184 px;
 * 13 keys and their 12 gaps of 8 px give each key about 84 px, well over the 44 px minimum, and
 * a special key that grows 1.5 times still leaves the narrowest letter above 75 px.
 */
export const maxKeysPerRow = 13;

/** Keys of the e-mail row that insert more than one character. */
export const emailKeys = ['@', '.', '-', '_', '.de', '.com'] as const;

/** The symbols of the number pad: decimals (, .) and telephone numbers (+ and space). */
export const numberSymbols = [',', '.', '+'] as const;

/** Symbols a password rule may ask for, on their own row (the shift key stays "capital letters"). */
export const passwordSymbols = ['!', '?', '#', '$', '%', '&', '*', '(', ')', '+', '=', '/'] as const;

type Row = readonly string[];

interface Alphabet {
  /** Tag for upper-casing (Turkish i → İ). */
  readonly locale: string;
  /** Letters left and right of the digits, where the hardware keyboard has them. */
  readonly beforeDigits: Row;
  readonly afterDigits: Row;
  /** The three letter rows in lower case. */
  readonly rows: readonly [Row, Row, Row];
  /** Arabic and Persian have no capital letters, so no shift key. */
  readonly hasCase: boolean;
}

const keys = (row: string): Row => row.split(' ');

const german: Alphabet = {
  locale: 'de',
  beforeDigits: [],
  afterDigits: ['ß'],
  rows: [keys('q w e r t z u i o p ü'), keys('a s d f g h j k l ö ä'), keys('y x c v b n m')],
  hasCase: true,
};

const english: Alphabet = {
  locale: 'en',
  beforeDigits: [],
  afterDigits: [],
  rows: [keys('q w e r t y u i o p'), keys('a s d f g h j k l'), keys('z x c v b n m')],
  hasCase: true,
};

// Hamza forms (أ إ آ) are on shift in the hardware layout; with no capitals to shift to, they sit
// in the last row. The lam-alef key (لا) is left out: ل then ا join to the same ligature.
const arabic: Alphabet = {
  locale: 'ar',
  beforeDigits: ['ذ'],
  afterDigits: [],
  rows: [keys('ض ص ث ق ف غ ع ه خ ح ج د'), keys('ش س ي ب ل ا ت ن م ك ط'), keys('ئ ء ؤ ر ى ة و ز ظ أ إ آ')],
  hasCase: false,
};

// ژ and آ are on shift in the hardware layout; Persian has no capitals, so they join the last row.
const persian: Alphabet = {
  locale: 'fa',
  beforeDigits: [],
  afterDigits: [],
  rows: [keys('ض ص ث ق ف غ ع ه خ ح ج چ'), keys('ش س ی ب ل ا ت ن م ک گ'), keys('ظ ط ز ر ذ د پ و ژ آ')],
  hasCase: false,
};

const russian: Alphabet = {
  locale: 'ru',
  beforeDigits: ['ё'],
  afterDigits: [],
  rows: [keys('й ц у к е н г ш щ з х ъ'), keys('ф ы в а п р о л д ж э'), keys('я ч с м и т ь б ю')],
  hasCase: true,
};

// The apostrophe belongs to Ukrainian spelling (м'ясо), where the hardware layout has it.
const ukrainian: Alphabet = {
  locale: 'uk',
  beforeDigits: ["'"],
  afterDigits: [],
  rows: [keys('й ц у к е н г ш щ з х ї ґ'), keys('ф і в а п р о л д ж є'), keys('я ч с м и т ь б ю')],
  hasCase: true,
};

const turkish: Alphabet = {
  locale: 'tr',
  beforeDigits: [],
  afterDigits: [],
  rows: [keys('q w e r t y u ı o p ğ ü'), keys('a s d f g h j k l ş i'), keys('z x c v b n m ö ç')],
  hasCase: true,
};

const alphabets: Readonly<Record<UiLanguage, Alphabet>> = {
  de: german,
  'de-x-ls': german, // Leichte Sprache types German
  en: english,
  ar: arabic,
  uk: ukrainian,
  ru: russian,
  tr: turkish,
  fa: persian,
};

/** The Latin letters behind the switch key: German, so umlauts and ß reach every language. */
const latinAlphabet = german;

/** Languages whose own letters are not Latin: e-mail starts on the Latin letters there. */
const nonLatin: ReadonlySet<UiLanguage> = new Set<UiLanguage>(['ar', 'fa', 'uk', 'ru']);

const digits = keys('1 2 3 4 5 6 7 8 9 0');

/** Whether the keyboard offers a switch between the language's own letters and German's. */
export function hasLatinSwitch(language: UiLanguage, kind: KeyboardKind): boolean {
  return kind !== 'number' && alphabets[language] !== latinAlphabet;
}

/** The script a keyboard starts on: e-mail addresses are Latin in practice. */
export function initialScript(language: UiLanguage, kind: KeyboardKind): KeyboardScript {
  return kind === 'email' && nonLatin.has(language) ? 'latin' : 'own';
}

function alphabetFor(language: UiLanguage, script: KeyboardScript): Alphabet {
  return script === 'latin' ? latinAlphabet : alphabets[language];
}

/** Whether the rows for these arguments hold a shift key. */
export function hasShift(language: UiLanguage, kind: KeyboardKind, script: KeyboardScript): boolean {
  return (kind === 'text' || kind === 'password') && alphabetFor(language, script).hasCase;
}

/** Upper case of one key; ß stays, because its upper case "SS" would be two letters. */
function upper(key: string, locale: string): string {
  const up = key.toLocaleUpperCase(locale);
  return up.length === key.length ? up : key;
}

const isLetterOrDigit = (key: string): boolean => /^[\p{L}\p{N}]$/u.test(key);

/**
 * The rows of keys to show. A layer or script the kind or language does not have falls back to
 * what it has (shift on Arabic shows the default rows), so the caller may keep its state as is.
 */
export function keyboardRows(language: UiLanguage, kind: KeyboardKind, layer: KeyboardLayer, script: KeyboardScript = 'own'): readonly Row[] {
  if (kind === 'number') {
    // A telephone-style pad; it stays left to right in every language, like every keypad.
    return [['1', '2', '3', '{bksp}'], ['4', '5', '6', '+'], ['7', '8', '9', '{space}'], [',', '0', '.', '{enter}'], ['{hide}']];
  }
  const effectiveScript = hasLatinSwitch(language, kind) ? script : 'own';
  const alphabet = alphabetFor(language, effectiveScript);
  const shifted = layer === 'shift' && hasShift(language, kind, effectiveScript);
  const cased = (row: Row): Row => (shifted ? row.map((key) => upper(key, alphabet.locale)) : row);
  const latin: Row = hasLatinSwitch(language, kind) ? ['{latin}'] : [];
  const numberRow = cased([...alphabet.beforeDigits, ...digits, ...alphabet.afterDigits]);
  const [top, middle, bottom] = [cased(alphabet.rows[0]), cased(alphabet.rows[1]), cased(alphabet.rows[2])];
  const shift: Row = hasShift(language, kind, effectiveScript) ? ['{shift}'] : [];
  switch (kind) {
    case 'search':
      // Today's search: letters, digits, space and delete; nothing to confirm, no capitals.
      return [[...numberRow.filter(isLetterOrDigit), '{bksp}'], top, middle, bottom, [...latin, '{space}']];
    case 'email':
      // Addresses are written in lower case, so no shift; and they hold no spaces.
      return [[...numberRow, '{bksp}'], top, [...middle, '{enter}'], bottom, [...latin, ...emailKeys, '{hide}']];
    case 'password':
      return [
        [...numberRow, '{bksp}'],
        passwordSymbols,
        top,
        [...middle, '{enter}'],
        [...shift, ...bottom],
        [...latin, '@', '-', '{space}', '.', '_', '{hide}'],
      ];
    case 'text':
      // Punctuation next to the space bar, as on phones, so letter rows keep the hardware layout.
      return [[...numberRow, '{bksp}'], top, [...middle, '{enter}'], [...shift, ...bottom], [...latin, '-', ',', '{space}', '.', '/', '{hide}']];
  }
}
