import { describe, expect, it } from 'vitest';
import { parseMrz } from '#core/devices/documentReader/mrzParser';
import type { DocumentRead, MrzCheck } from '#shared/devices/documentRead';
import {
  checkDigitPositions,
  germanPassportTd3,
  mrzCheckDigit,
  otherDigit,
  sampleNow,
  td1LongNumber,
  td1Specimen,
  td2Specimen,
  td3Specimen,
  validSamples,
  withChar,
  withCorrectComposite,
  type MrzSample,
} from '#tests/support/mrzSamples';
import { randomString, seededRandom } from './random';

const parse = (lines: readonly string[] | string): DocumentRead => parseMrz(typeof lines === 'string' ? lines : lines.join('\n'), { now: sampleNow });

function documentOf(read: DocumentRead) {
  if (!read.ok) throw new Error(`expected a document, got ${read.error}`);
  return read.document;
}

/** A TD3 specimen with other dates (and matching check digits). */
function td3With(birth: string, expiry: string, sex = 'F'): string[] {
  const line = td3Specimen.lines[1] ?? '';
  const changed = `${line.slice(0, 13)}${birth}${mrzCheckDigit(birth)}${sex}${expiry}${mrzCheckDigit(expiry)}${line.slice(28)}`;
  return withCorrectComposite('TD3', [td3Specimen.lines[0] ?? '', changed]);
}

describe('parseMrz: valid documents', () => {
  it('the independent check digit helper agrees with the ICAO specimen', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('120415')).toBe('9');
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe('1');
  });

  it.each(validSamples.map((s) => [s.label, s] as const))('%s parses with every field and check', (_label, sample: MrzSample) => {
    const document = documentOf(parse(sample.lines));
    const { checks, ...fields } = sample.expected;
    expect(document).toEqual({ format: sample.format, ...fields, checks: checks.map((field) => ({ field, valid: true })), valid: true });
  });

  it('normalises what readers send: CR/LF variants, lower case, stray spaces, blank lines, STX/ETX, a BOM', () => {
    const expected = documentOf(parse(td3Specimen.lines));
    const [l1 = '', l2 = ''] = td3Specimen.lines;
    const variants = [
      `${l1}\r\n${l2}\r\n`,
      `${l1}\r${l2}\r`,
      `\n\n  ${l1}  \n\n${l2}\n\n`,
      `${l1.toLowerCase()}\n${l2.toLowerCase()}`,
      `${l1.slice(0, 20)} ${l1.slice(20)}\n${l2.slice(0, 10)}\t${l2.slice(10)}`,
      `\x02${l1}\r\n${l2}\r\n\x03`,
      `\ufeff${l1}\n${l2}`,
      `${l1}${l2}`, // no line break at all: 88 characters split one way only
    ];
    for (const text of variants) expect(parse(text)).toEqual({ ok: true, document: expected });
  });

  it('reads a TD1 with a long document number (check digit in the optional field)', () => {
    expect(documentOf(parse(td1LongNumber.lines)).documentNumber).toBe('D23145890123');
  });

  it('decides the century: birth dates not in the future, expiry dates up to 20 years ahead', () => {
    // sampleNow is 2026-06-01.
    expect(documentOf(parse(td3With('200101', '300101'))).birthDate).toBe('2020-01-01');
    expect(documentOf(parse(td3With('260531', '460101'))).birthDate).toBe('2026-05-31');
    expect(documentOf(parse(td3With('260602', '460101'))).birthDate).toBe('1926-06-02');
    expect(documentOf(parse(td3With('000229', '460101'))).birthDate).toBe('2000-02-29');
    expect(documentOf(parse(td3With('740812', '460101'))).expirationDate).toBe('2046-01-01');
    expect(documentOf(parse(td3With('740812', '470101'))).expirationDate).toBe('1947-01-01');
    expect(documentOf(parse(td3With('740812', '991231'))).expirationDate).toBe('1999-12-31');
  });

  it('gives null for dates with unknown parts or that do not exist', () => {
    const unknownDay = documentOf(parse(td3With('7408<<', '300101')));
    expect(unknownDay.birthDate).toBeNull();
    expect(documentOf(parse(td3With('740231', '300101'))).birthDate).toBeNull();
  });

  it('reads sex X (ICAO 9303) and < as unspecified, M as male', () => {
    expect(documentOf(parse(td3With('740812', '300101', 'X'))).sex).toBe('unspecified');
    expect(documentOf(parse(td3With('740812', '300101', '<'))).sex).toBe('unspecified');
    expect(documentOf(parse(td3With('740812', '300101', 'M'))).sex).toBe('male');
  });
});

describe('parseMrz: a wrong check digit is reported per field', () => {
  // The long-number TD1 keeps its document number check digit elsewhere: tested on its own below.
  const cases = validSamples.flatMap((sample) =>
    sample.expected.checks.filter((field) => !(sample === td1LongNumber && field === 'documentNumber')).map((field) => [sample.label, field, sample] as const),
  );

  it.each(cases)('%s: wrong %s check digit alone', (_label, field: MrzCheck['field'], sample: MrzSample) => {
    const [line, column] = checkDigitPositions[sample.format][field] ?? [0, 0];
    const digit = sample.lines[line]?.charAt(column) ?? '';
    const changed = withChar(sample.lines, line, column, otherDigit(digit === '<' ? '0' : digit));
    // Keep the composite right so that only the field under test is wrong.
    const lines = field === 'composite' ? changed : withCorrectComposite(sample.format, changed);
    expect(parse(lines)).toEqual({ ok: false, error: 'check-digit-wrong', failedChecks: [field] });
  });

  it.each(cases.filter(([, field]) => field !== 'composite'))(
    '%s: wrong %s check digit also breaks the composite',
    (_label, field: MrzCheck['field'], sample: MrzSample) => {
      const [line, column] = checkDigitPositions[sample.format][field] ?? [0, 0];
      const digit = sample.lines[line]?.charAt(column) ?? '';
      const lines = withChar(sample.lines, line, column, otherDigit(digit === '<' ? '0' : digit));
      expect(parse(lines)).toEqual({ ok: false, error: 'check-digit-wrong', failedChecks: [field, 'composite'] });
    },
  );

  it('TD1 long document number: the check digit at the end of the optional field', () => {
    const lines = withCorrectComposite('TD1', withChar(td1LongNumber.lines, 0, 18, '4'));
    expect(parse(lines)).toEqual({ ok: false, error: 'check-digit-wrong', failedChecks: ['documentNumber'] });
  });

  it('a misread character in a checked field is caught by its check digit', () => {
    const lines = withChar(td3Specimen.lines, 1, 3, '7'); // document number L898902C3 → L897902C3
    expect(parse(lines)).toEqual({ ok: false, error: 'check-digit-wrong', failedChecks: ['documentNumber', 'composite'] });
  });

  it('lists every failing check in a fixed order', () => {
    let lines = [...td3Specimen.lines];
    for (const field of ['composite', 'optional', 'expirationDate', 'birthDate', 'documentNumber'] as const) {
      const [line, column] = checkDigitPositions.TD3[field] ?? [0, 0];
      lines = withChar(lines, line, column, otherDigit(lines[line]?.charAt(column) ?? '0'));
    }
    expect(parse(lines)).toEqual({
      ok: false,
      error: 'check-digit-wrong',
      failedChecks: ['documentNumber', 'birthDate', 'expirationDate', 'optional', 'composite'],
    });
  });

  it('a wrong optional check digit where the personal number is empty must be < or 0', () => {
    const lines = withCorrectComposite('TD3', withChar(germanPassportTd3.lines, 1, 42, '5'));
    expect(parse(lines)).toEqual({ ok: false, error: 'check-digit-wrong', failedChecks: ['optional'] });
  });
});

describe('parseMrz: errors are values', () => {
  it.each([
    ['empty', ''],
    ['only whitespace', ' \r\n\t\n'],
    ['prose', 'hello world, this is not a passport'],
    ['symbols', '@@@@\n####'],
    ['umlaut in a name', td3Specimen.lines.join('\n').replace('ANNA', 'ÄNNA')],
    ['ß would upper-case to SS', td3Specimen.lines.join('\n').replace('ANNA', 'ANßA')],
    ['control characters', `${td1Specimen.lines.join('\n')}\x07`],
    ['a digit in the name', td3Specimen.lines.join('\n').replace('ANNA', 'AN4A')],
    ['month 13 (check digit matching)', td3With('741312', '300101').join('\n')],
    ['unknown document code', td3Specimen.lines.join('\n').replace('P<UTO', 'X<UTO')],
    ['state with a digit', td3Specimen.lines.join('\n').replace('P<UTO', 'P<U1O')],
    ['sex Q', td3With('740812', '300101', 'Q').join('\n')],
    ['a huge input', 'A'.repeat(100_000)],
    ['random lines of odd lengths', 'ABC<<123\nDEF\nGHIJ'],
  ])('%s → unreadable', (_label, text) => {
    expect(parse(text)).toEqual({ ok: false, error: 'unreadable' });
  });

  it.each([
    ['TD3 first line only', [td3Specimen.lines[0] ?? '']],
    ['TD3 second line cut short', [td3Specimen.lines[0] ?? '', (td3Specimen.lines[1] ?? '').slice(0, 30)]],
    ['TD1 third line missing', td1Specimen.lines.slice(0, 2)],
    ['TD1 third line cut short', [...td1Specimen.lines.slice(0, 2), (td1Specimen.lines[2] ?? '').slice(0, 12)]],
    ['TD2 second line cut short', [td2Specimen.lines[0] ?? '', (td2Specimen.lines[1] ?? '').slice(0, 35)]],
    ['a few characters of a passport', ['P<UTOERIK']],
  ])('%s → truncated', (_label, lines) => {
    expect(parse(lines)).toEqual({ ok: false, error: 'truncated' });
  });

  it.each([
    ['visa (MRV-A, 2×44)', ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<']],
    ['French national ID card (2×36)', ['IDFRADOUEL<<<<<<<<<<<<<<<<<<<<932013', '0506932020438CHRISTIANE<<NI2906209F3']],
    ['two lines of 40', ['P'.padEnd(40, '<'), '1'.padEnd(40, '<')]],
    ['Swiss driving licence shape (9/30/30)', ['AAA001D<<', 'FACHE000000000000<<<<<<<<<<<<<', 'MUSTER<<HANS<<<<<<<<<<<<<<<<<<']],
  ])('%s → unsupported-document', (_label, lines) => {
    expect(parse(lines)).toEqual({ ok: false, error: 'unsupported-document' });
  });

  it('never throws: a few hundred random strings and mutated documents', () => {
    const random = seededRandom(20240601);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<abc \r\n\x02\x03\x00äß€\ud83d\ude00';
    const inputs: string[] = [];
    for (let i = 0; i < 300; i += 1) inputs.push(randomString(random, alphabet, Math.floor(random() * 200)));
    for (let i = 0; i < 300; i += 1) {
      const sample = validSamples[i % validSamples.length] ?? td3Specimen;
      const text = Array.from(sample.lines.join('\n'));
      for (let n = 1 + Math.floor(random() * 3); n > 0; n -= 1) {
        const at = Math.floor(random() * text.length);
        const op = random();
        const char = randomString(random, alphabet, 1);
        if (op < 0.4) text[at] = char;
        else if (op < 0.7) text.splice(at, 1);
        else text.splice(at, 0, char);
      }
      inputs.push(text.join(''));
    }
    const errors = new Set(['unreadable', 'truncated', 'unsupported-document', 'check-digit-wrong']);
    for (const input of inputs) {
      let read: DocumentRead | undefined;
      expect(() => (read = parseMrz(input))).not.toThrow();
      if (read?.ok) {
        expect(read.document.valid).toBe(true);
        expect(read.document.checks.every((c) => c.valid)).toBe(true);
      } else {
        expect(errors.has(read?.error ?? 'none')).toBe(true);
        if (read?.error === 'check-digit-wrong') expect(read.failedChecks?.length).toBeGreaterThan(0);
      }
    }
  });
});
