import { describe, expect, it } from 'vitest';
import { conditionHealth, decodeStatusByte, healthFromAnswers, isStatusByte, normalCondition, statusRequestBytes } from '#core/devices/printer/printerStatus';

describe('DLE EOT requests', () => {
  it('are 10 04 n for n = 1, 2, 4', () => {
    expect([...statusRequestBytes(1)]).toEqual([0x10, 0x04, 0x01]);
    expect([...statusRequestBytes(2)]).toEqual([0x10, 0x04, 0x02]);
    expect([...statusRequestBytes(4)]).toEqual([0x10, 0x04, 0x04]);
  });
});

describe('status answer bytes', () => {
  it.each([
    [0x12, true],
    [0x16, true],
    [0x7e, true],
    [0x00, false],
    [0xff, false],
    [0x13, false], // bit 0 set
    [0x92, false], // bit 7 set
    [0x10, false], // bit 1 clear
    [0x02, false], // bit 4 clear
  ])('byte %i valid: %s', (byte, valid) => {
    expect(isStatusByte(byte)).toBe(valid);
  });

  it.each([
    [1, 0x12, {}],
    [1, 0x1a, { offline: true }],
    [2, 0x12, {}],
    [2, 0x16, { coverOpen: true }],
    [2, 0x32, { paperEnd: true }],
    [2, 0x36, { coverOpen: true, paperEnd: true }],
    [4, 0x12, {}],
    [4, 0x1e, { paperNearEnd: true }],
    [4, 0x72, { paperEnd: true }],
    [4, 0x7e, { paperEnd: true, paperNearEnd: true }],
    // a single sensor bit of a pair counts (err on the side of not printing)
    [4, 0x16, { paperNearEnd: true }],
    [4, 0x32, { paperEnd: true }],
  ] as const)('DLE EOT %i answered with %i', (kind, byte, expected) => {
    const answer = decodeStatusByte(kind, byte);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const flags = Object.fromEntries(Object.entries(answer.condition).filter(([, value]) => value));
    expect(flags).toEqual(expected);
  });

  it('rejects every byte outside (b & 0x93) == 0x12 as garbage, for every request', () => {
    for (let byte = 0; byte < 256; byte += 1) {
      for (const kind of [1, 2, 4] as const) {
        const answer = decodeStatusByte(kind, byte);
        expect(answer.ok).toBe((byte & 0x93) === 0x12);
        if (!answer.ok) expect(answer.error).toBe('garbage');
      }
    }
  });
});

describe('health from status', () => {
  it.each([
    [{}, 'ready', 'ok'],
    [{ paperNearEnd: true }, 'warning', 'paper-near-end'],
    [{ paperEnd: true }, 'fault', 'paper-end'],
    [{ coverOpen: true }, 'fault', 'cover-open'],
    [{ offline: true }, 'fault', 'offline'],
    // printers report offline too when the paper is out or the cover open: the cause wins
    [{ offline: true, paperEnd: true, paperNearEnd: true }, 'fault', 'paper-end'],
    [{ offline: true, coverOpen: true }, 'fault', 'cover-open'],
    [{ offline: true, paperNearEnd: true }, 'fault', 'offline'],
  ] as const)('%o → %s/%s', (condition, state, reason) => {
    expect(conditionHealth({ ...normalCondition, ...condition })).toEqual({ state, reason });
  });

  it('maps a round of answers, a missing answer and an invalid byte', () => {
    expect(
      healthFromAnswers([
        { kind: 1, byte: 0x12 },
        { kind: 2, byte: 0x12 },
        { kind: 4, byte: 0x12 },
      ]),
    ).toEqual({ state: 'ready', reason: 'ok' });
    expect(
      healthFromAnswers([
        { kind: 1, byte: 0x1a },
        { kind: 2, byte: 0x32 },
        { kind: 4, byte: 0x72 },
      ]),
    ).toEqual({ state: 'fault', reason: 'paper-end' });
    expect(
      healthFromAnswers([
        { kind: 1, byte: 0x12 },
        { kind: 2, byte: 0x12 },
        { kind: 4, byte: 0x1e },
      ]),
    ).toEqual({ state: 'warning', reason: 'paper-near-end' });
    expect(
      healthFromAnswers([
        { kind: 1, byte: 0x12 },
        { kind: 2, byte: null },
      ]),
    ).toEqual({ state: 'fault', reason: 'no-answer' });
    expect(
      healthFromAnswers([
        { kind: 1, byte: 0x12 },
        { kind: 2, byte: 0xff },
      ]),
    ).toEqual({ state: 'fault', reason: 'garbage' });
  });
});
