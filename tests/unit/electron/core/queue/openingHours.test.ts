import { describe, expect, it } from 'vitest';
import { hoursOn, isOpen, nextOpening } from '#core/queue/openingHours';
import type { OpeningHours } from '#shared/content/contentPack';

const morning = [{ from: '08:00', to: '12:00' }];
const longDay = [
  { from: '08:00', to: '12:00' },
  { from: '14:00', to: '18:00' },
];

/** Mon–Fri mornings, Tue and Thu afternoons too; Easter Monday a holiday; two exceptions. */
const office: OpeningHours = {
  weekly: { mon: morning, tue: longDay, wed: morning, thu: longDay, fri: morning, sat: [], sun: [] },
  holidays: [{ date: '2026-04-06', name: { de: 'Ostermontag' } }],
  exceptions: [
    { date: '2026-03-19', hours: [{ from: '09:00', to: '11:00' }], note: { de: 'Personalversammlung' } },
    { date: '2026-03-20', hours: [] },
  ],
};

function withExceptions(exceptions: OpeningHours['exceptions']): OpeningHours {
  return { ...office, exceptions };
}

const at = (iso: string) => new Date(iso);

describe('isOpen', () => {
  it('follows the weekly hours in Berlin time, [from, to)', () => {
    expect(isOpen(office, at('2026-03-17T07:59:00+01:00'))).toBe(false);
    expect(isOpen(office, at('2026-03-17T08:00:00+01:00'))).toBe(true);
    expect(isOpen(office, at('2026-03-17T11:59:59+01:00'))).toBe(true);
    expect(isOpen(office, at('2026-03-17T12:00:00+01:00'))).toBe(false);
    expect(isOpen(office, at('2026-03-17T15:00:00+01:00'))).toBe(true);
    // Wednesday has no afternoon; Saturday is closed.
    expect(isOpen(office, at('2026-03-18T15:00:00+01:00'))).toBe(false);
    expect(isOpen(office, at('2026-03-21T09:00:00+01:00'))).toBe(false);
    // 07:30 UTC is 08:30 in Berlin: open, although a UTC reading would say closed.
    expect(isOpen(office, at('2026-03-17T07:30:00Z'))).toBe(true);
  });

  it('is closed on a holiday', () => {
    expect(isOpen(office, at('2026-04-06T09:00:00+02:00'))).toBe(false);
    expect(hoursOn(office, '2026-04-06')).toEqual({ ranges: [], source: 'holiday', text: { de: 'Ostermontag' } });
  });

  it('takes an exception’s hours instead of the weekly ones, and an empty one as closed', () => {
    expect(isOpen(office, at('2026-03-19T08:30:00+01:00'))).toBe(false);
    expect(isOpen(office, at('2026-03-19T09:00:00+01:00'))).toBe(true);
    expect(isOpen(office, at('2026-03-19T15:00:00+01:00'))).toBe(false);
    expect(isOpen(office, at('2026-03-20T09:00:00+01:00'))).toBe(false);
    expect(hoursOn(office, '2026-03-19')).toMatchObject({ source: 'exception', ranges: [{ from: 540, to: 660 }] });
  });

  it('lets an exception open on a holiday', () => {
    const special = withExceptions([{ date: '2026-04-06', hours: [{ from: '10:00', to: '12:00' }] }]);
    expect(isOpen(special, at('2026-04-06T10:30:00+02:00'))).toBe(true);
  });

  it('keeps 08:00 local on the day after the clocks went forward (March) and back (October)', () => {
    // Monday 30 March 2026: summer time, 08:00 is 06:00 UTC.
    expect(isOpen(office, at('2026-03-30T05:59:00Z'))).toBe(false);
    expect(isOpen(office, at('2026-03-30T06:00:00Z'))).toBe(true);
    expect(isOpen(office, at('2026-03-30T09:59:00Z'))).toBe(true);
    expect(isOpen(office, at('2026-03-30T10:00:00Z'))).toBe(false);
    // Monday 26 October 2026: winter time, 08:00 is 07:00 UTC.
    expect(isOpen(office, at('2026-10-26T06:30:00Z'))).toBe(false);
    expect(isOpen(office, at('2026-10-26T07:00:00Z'))).toBe(true);
  });

  it('reads wall-clock time in the hour that occurs twice in October', () => {
    const night = withExceptions([{ date: '2026-10-25', hours: [{ from: '02:15', to: '02:45' }] }]);
    // 02:20 summer time, 02:50 summer time, 02:20 winter time.
    expect(isOpen(night, at('2026-10-25T00:20:00Z'))).toBe(true);
    expect(isOpen(night, at('2026-10-25T00:50:00Z'))).toBe(false);
    expect(isOpen(night, at('2026-10-25T01:20:00Z'))).toBe(true);
  });
});

describe('nextOpening', () => {
  it('is the moment itself while open', () => {
    const now = at('2026-03-17T10:00:00+01:00');
    expect(nextOpening(office, now)).toEqual(now);
  });

  it('is the afternoon on a day that opens twice', () => {
    expect(nextOpening(office, at('2026-03-17T12:30:00+01:00'))).toEqual(at('2026-03-17T14:00:00+01:00'));
  });

  it('goes over the weekend to Monday morning', () => {
    expect(nextOpening(office, at('2026-03-13T12:30:00+01:00'))).toEqual(at('2026-03-16T08:00:00+01:00'));
    expect(nextOpening(office, at('2026-03-14T23:59:00+01:00'))).toEqual(at('2026-03-16T08:00:00+01:00'));
  });

  it('skips a holiday and a closed exception, and honours an exception’s hours', () => {
    expect(nextOpening(office, at('2026-04-03T13:00:00+02:00'))).toEqual(at('2026-04-07T08:00:00+02:00'));
    expect(nextOpening(office, at('2026-03-19T07:00:00+01:00'))).toEqual(at('2026-03-19T09:00:00+01:00'));
    // Thursday's exception has no afternoon and Friday is closed: Monday.
    expect(nextOpening(office, at('2026-03-19T11:00:00+01:00'))).toEqual(at('2026-03-23T08:00:00+01:00'));
  });

  it('finds 08:00 summer time over the weekend the clocks go forward', () => {
    expect(nextOpening(office, at('2026-03-27T12:00:00+01:00'))).toEqual(at('2026-03-30T06:00:00Z'));
  });

  it('finds 08:00 winter time over the weekend the clocks go back', () => {
    expect(nextOpening(office, at('2026-10-23T13:00:00+02:00'))).toEqual(at('2026-10-26T07:00:00Z'));
  });

  it('opens a range starting in the skipped spring hour when the clock jumps to 03:00', () => {
    const night = withExceptions([{ date: '2026-03-29', hours: [{ from: '02:15', to: '04:00' }] }]);
    expect(nextOpening(night, at('2026-03-28T23:00:00Z'))).toEqual(at('2026-03-29T01:00:00Z'));
    expect(isOpen(night, at('2026-03-29T01:00:00Z'))).toBe(true);
    expect(isOpen(night, at('2026-03-29T00:59:00Z'))).toBe(false);
  });

  it('passes over a range that lies wholly in the skipped hour', () => {
    const night = withExceptions([{ date: '2026-03-29', hours: [{ from: '02:10', to: '02:50' }] }]);
    expect(nextOpening(night, at('2026-03-28T23:00:00Z'))).toEqual(at('2026-03-30T06:00:00Z'));
  });

  it('finds the second 02:15 of the October night once the first has passed', () => {
    const night = withExceptions([{ date: '2026-10-25', hours: [{ from: '02:15', to: '02:45' }] }]);
    expect(nextOpening(night, at('2026-10-24T23:00:00Z'))).toEqual(at('2026-10-25T00:15:00Z'));
    expect(nextOpening(night, at('2026-10-25T00:50:00Z'))).toEqual(at('2026-10-25T01:15:00Z'));
  });

  it('is null when nothing opens within 30 days', () => {
    const closed: OpeningHours = { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [], exceptions: [] };
    expect(nextOpening(closed, at('2026-03-17T10:00:00+01:00'))).toBeNull();
    const once = (date: string): OpeningHours => ({ ...closed, exceptions: [{ date, hours: morning }] });
    expect(nextOpening(once('2026-04-15'), at('2026-03-17T10:00:00+01:00'))).toEqual(at('2026-04-15T08:00:00+02:00'));
    expect(nextOpening(once('2026-04-17'), at('2026-03-17T10:00:00+01:00'))).toBeNull();
  });

  it('ignores a range that does not end after it starts', () => {
    const odd = withExceptions([
      {
        date: '2026-03-17',
        hours: [
          { from: '12:00', to: '12:00' },
          { from: '18:00', to: '09:00' },
        ],
      },
    ]);
    expect(isOpen(odd, at('2026-03-17T12:00:00+01:00'))).toBe(false);
    expect(nextOpening(odd, at('2026-03-17T07:00:00+01:00'))).toEqual(at('2026-03-18T08:00:00+01:00'));
  });
});
