/**
 * Term normalization shared by the index and the query, so both sides agree on one spelling:
 * citizens type on an on-screen keyboard (or their own habits) without umlauts, with the Arabic
 * instead of the Persian yeh, without Cyrillic ё, and so on. Folding that makes two different
 * words equal is acceptable here: a few more candidates are harmless, a missed service is not.
 */

// Combining marks after a Latin letter: ä ö ü é ş ğ ç … lose their accents.
const latinMarks = /(\p{Script=Latin})\p{M}+/gu;
// Arabic harakat, hamza above/below and madda (after NFD: أ إ آ ؤ ئ → bare letter), superscript alef.
const arabicMarks = /[\u064B-\u065F\u0670]/g;
// Tatweel (stretching) and zero-width (non-)joiners: Persian writes "گواهی‌نامه" with or without ZWNJ.
const invisible = /[\u0640\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// German digraphs for umlauts ("fuehrerschein"); applied after the umlauts themselves are folded.
const germanDigraphs = /([aou])e/g;

const letterMap: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i', // Turkish dotless i: "kartı" typed as "karti" on a German keyboard
  ё: 'е',
  ي: 'ی', // Arabic yeh → Persian yeh
  ى: 'ی', // alef maksura
  ك: 'ک', // Arabic kaf → Persian keheh
  ة: 'ه', // teh marbuta
  ە: 'ه',
  ۀ: 'ه',
  ٱ: 'ا', // alef wasla
};
const mappedLetters = new RegExp(`[${Object.keys(letterMap).join('')}]`, 'g');
const easternDigits = /[\u0660-\u0669\u06F0-\u06F9]/g;

function westernDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

// MiniSearch's default separators (whitespace and punctuation), used for the index and the query alike.
const separators = /[\n\r\p{Z}\p{P}]+/u;

/** Splits a text into tokens at whitespace and punctuation (not yet normalized). */
export function tokenize(text: string): string[] {
  return text.split(separators);
}

/** One token in the form both the index and the query use (lower-case, folded); '' if nothing is left. */
export function normalizeTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFD')
    .replace(latinMarks, '$1')
    .replace(arabicMarks, '')
    .normalize('NFC')
    .replace(invisible, '')
    .replace(mappedLetters, (letter) => letterMap[letter] ?? letter)
    .replace(easternDigits, westernDigit)
    .replace(germanDigraphs, '$1');
}

// Words that carry no meaning for finding a service; matched, they only make every document with
// a "für" look like a better match (MiniSearch multiplies the score by the number of matched terms).
const stopWordList = [
  // German (also after folding: für → fur, über → uber)
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'und',
  'oder',
  'fur',
  'mit',
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
  'im',
  'in',
  'ins',
  'am',
  'an',
  'auf',
  'aus',
  'bei',
  'nach',
  'uber',
  'ich',
  'mein',
  'meine',
  'meinen',
  'wie',
  'was',
  'wo',
  'ist',
  'bitte',
  'sich',
  'sie',
  'ihr',
  'ihre',
  'bzw',
  // English
  'the',
  'a',
  'of',
  'for',
  'to',
  'my',
  'on',
  'and',
  'or',
  'i',
  'me',
  'is',
  'at',
  'with',
  'how',
  'do',
  'can',
  'need',
  'want',
  'please',
  'your',
  'from',
];
const stopWords: ReadonlySet<string> = new Set(stopWordList.map(normalizeTerm));

/** True for a normalized term that is too common to help find a service. */
export function isStopWord(normalized: string): boolean {
  return stopWords.has(normalized);
}

const minCompoundWord = 7;
const minPart = 4;
const minHead = 3;

/**
 * The words a German compound ends in ("personalausweis" → "ausweis"), so that the word a citizen
 * types ("ausweis", "führerschein") finds the compound in the official name ("Personalausweis",
 * "Ersatzführerschein"); prefix search covers the other direction. Only tails that are words of
 * their own in the pack (`vocabulary`) count: every tail would turn prefix search into substring
 * search ("ume" finding "Dokumente"), slow and noisy.
 */
export function compoundParts(normalized: string, vocabulary: ReadonlySet<string>): string[] {
  if (normalized.length < minCompoundWord) return [];
  const parts: string[] = [];
  for (let start = minHead; start <= normalized.length - minPart; start += 1) {
    const tail = normalized.slice(start);
    if (vocabulary.has(tail)) parts.push(tail);
  }
  return parts;
}
