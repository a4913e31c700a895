/**
 * MRZ samples for tests. The ERIKSSON samples are the ICAO Doc 9303 specimens (Part 4 TD3, Part 5
 * TD1, Part 6 TD2; issuing state "UTO" is ICAO's fictitious Utopia); MUSTERMANN samples follow the
 * German specimens' layout (state "D<<", sex "<" on the ID card) with check digits computed below.
 * None of them is a real person's document.
 */
import type { MrzCheck, MrzFormat } from '#shared/devices/documentRead';

export interface MrzSample {
  readonly label: string;
  readonly format: MrzFormat;
  readonly lines: readonly string[];
  readonly expected: {
    readonly documentCode: string;
    readonly issuingState: string;
    readonly nationality: string;
    readonly documentNumber: string;
    readonly lastName: string;
    readonly firstNames: string;
    readonly birthDate: string;
    readonly expirationDate: string;
    readonly sex: 'female' | 'male' | 'unspecified';
    readonly checks: readonly MrzCheck['field'][];
  };
}

const eriksson = {
  issuingState: 'UTO',
  nationality: 'UTO',
  lastName: 'ERIKSSON',
  firstNames: 'ANNA MARIA',
  birthDate: '1974-08-12',
  expirationDate: '2012-04-15',
  sex: 'female',
} as const;
const mustermann = { issuingState: 'D', nationality: 'D', lastName: 'MUSTERMANN', firstNames: 'ERIKA', birthDate: '1964-08-12' } as const;

export const td1Specimen: MrzSample = {
  label: 'ICAO TD1 specimen',
  format: 'TD1',
  lines: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  expected: { ...eriksson, documentCode: 'I', documentNumber: 'D23145890', checks: ['documentNumber', 'birthDate', 'expirationDate', 'composite'] },
};

/** TD1 with a 12-character document number: "<" in the check digit place, the rest and its check digit in the optional field. */
export const td1LongNumber: MrzSample = {
  label: 'TD1 long document number',
  format: 'TD1',
  lines: ['I<UTOD23145890<1233<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  expected: { ...eriksson, documentCode: 'I', documentNumber: 'D23145890123', checks: ['documentNumber', 'birthDate', 'expirationDate', 'composite'] },
};

export const td2Specimen: MrzSample = {
  label: 'ICAO TD2 specimen',
  format: 'TD2',
  lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  expected: { ...eriksson, documentCode: 'I', documentNumber: 'D23145890', checks: ['documentNumber', 'birthDate', 'expirationDate', 'composite'] },
};

export const td3Specimen: MrzSample = {
  label: 'ICAO TD3 specimen',
  format: 'TD3',
  lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  expected: { ...eriksson, documentCode: 'P', documentNumber: 'L898902C3', checks: ['documentNumber', 'birthDate', 'expirationDate', 'optional', 'composite'] },
};

export const germanIdTd1: MrzSample = {
  label: 'German ID card (TD1, "ID")',
  format: 'TD1',
  lines: ['IDD<<T220001293<<<<<<<<<<<<<<<', '6408125<2010315D<<<<<<<<<<<<<4', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'],
  expected: {
    ...mustermann,
    documentCode: 'ID',
    documentNumber: 'T22000129',
    expirationDate: '2020-10-31',
    sex: 'unspecified',
    checks: ['documentNumber', 'birthDate', 'expirationDate', 'composite'],
  },
};

export const germanIdTd2: MrzSample = {
  label: 'German ID card (TD2, "ID")',
  format: 'TD2',
  lines: ['IDD<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<', 'T220001293D<<6408125F2010315<<<<<<<4'],
  expected: {
    ...mustermann,
    documentCode: 'ID',
    documentNumber: 'T22000129',
    expirationDate: '2020-10-31',
    sex: 'female',
    checks: ['documentNumber', 'birthDate', 'expirationDate', 'composite'],
  },
};

export const germanPassportTd3: MrzSample = {
  label: 'German passport (TD3, no personal number)',
  format: 'TD3',
  lines: ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C01X00T478D<<6408125F3002131<<<<<<<<<<<<<<<2'],
  expected: {
    ...mustermann,
    documentCode: 'P',
    documentNumber: 'C01X00T47',
    expirationDate: '2030-02-13',
    sex: 'female',
    checks: ['documentNumber', 'birthDate', 'expirationDate', 'optional', 'composite'],
  },
};

export const validSamples: readonly MrzSample[] = [td1Specimen, td1LongNumber, td2Specimen, td3Specimen, germanIdTd1, germanIdTd2, germanPassportTd3];

/** A fixed "now" (2026-06-01) so that century decisions in the expectations do not drift. */
export const sampleNow = Date.UTC(2026, 5, 1);

/** The ICAO 9303 check digit (weights 7, 3, 1; "<" = 0, A = 10 … Z = 35), written independently of the code under test. */
export function mrzCheckDigit(text: string): string {
  let sum = 0;
  Array.from(text).forEach((char, i) => {
    const value = char === '<' ? 0 : /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    sum += value * ([7, 3, 1][i % 3] ?? 0);
  });
  return String(sum % 10);
}

/** Where each check digit is: [line, column], per format (ICAO 9303 Parts 4–6). */
export const checkDigitPositions: Record<MrzFormat, Partial<Record<MrzCheck['field'], readonly [number, number]>>> = {
  TD1: { documentNumber: [0, 14], birthDate: [1, 6], expirationDate: [1, 14], composite: [1, 29] },
  TD2: { documentNumber: [1, 9], birthDate: [1, 19], expirationDate: [1, 27], composite: [1, 35] },
  TD3: { documentNumber: [1, 9], birthDate: [1, 19], expirationDate: [1, 27], optional: [1, 42], composite: [1, 43] },
};

/** The characters the composite check digit covers, per format. */
function compositeInput(format: MrzFormat, lines: readonly string[]): string {
  const [l0 = '', l1 = ''] = lines;
  switch (format) {
    case 'TD1':
      return l0.slice(5, 30) + l1.slice(0, 7) + l1.slice(8, 15) + l1.slice(18, 29);
    case 'TD2':
      return l1.slice(0, 10) + l1.slice(13, 20) + l1.slice(21, 35);
    case 'TD3':
      return l1.slice(0, 10) + l1.slice(13, 20) + l1.slice(21, 43);
  }
}

/** Replaces one character. */
export function withChar(lines: readonly string[], line: number, column: number, char: string): string[] {
  return lines.map((text, i) => (i === line ? text.slice(0, column) + char + text.slice(column + 1) : text));
}

/** A different digit than the one there. */
export function otherDigit(digit: string): string {
  return String((Number(digit) + 1) % 10);
}

/** Sets the composite check digit to match the other characters again. */
export function withCorrectComposite(format: MrzFormat, lines: readonly string[]): string[] {
  const [line, column] = checkDigitPositions[format].composite ?? [0, 0];
  return withChar(lines, line, column, mrzCheckDigit(compositeInput(format, lines)));
}

/** Personal data in a sample that must never reach a log: names, document number, MRZ lines. */
export function personalStrings(sample: MrzSample): string[] {
  const names = [sample.expected.lastName, ...sample.expected.firstNames.split(' ')].filter((n) => n.length >= 4);
  return [...names, sample.expected.documentNumber, ...sample.lines];
}
