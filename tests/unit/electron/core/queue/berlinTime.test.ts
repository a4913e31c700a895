import { describe, expect, it } from 'vitest';
import { berlinIsoTime } from '#core/queue/berlinTime';

describe('berlinIsoTime', () => {
  it.each([
    ['winter time, +01:00', '2026-03-17T08:15:00.000Z', '2026-03-17T09:15:00.000+01:00'],
    ['summer time, +02:00', '2026-07-01T10:00:00.250Z', '2026-07-01T12:00:00.250+02:00'],
    ['the date changes at local midnight', '2026-12-31T23:30:00.000Z', '2027-01-01T00:30:00.000+01:00'],
    ['the last instant before the spring change', '2026-03-29T00:59:59.999Z', '2026-03-29T01:59:59.999+01:00'],
    ['the first instant after it', '2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000+02:00'],
    ['the first 02:30 in October', '2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000+02:00'],
    ['the second 02:30 in October', '2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00.000+01:00'],
  ])('%s', (_label, utc, local) => {
    const at = new Date(utc);
    expect(berlinIsoTime(at)).toBe(local);
    // The same instant, whatever the machine's own time zone.
    expect(Date.parse(berlinIsoTime(at))).toBe(at.getTime());
  });
});
