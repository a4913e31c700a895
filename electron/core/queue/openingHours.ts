import type { LocalizedText, OpeningHours } from '#shared/content/contentPack';
import { addDays, berlinTime, firstInstantAtOrAfter, instantsReading, weekdayOf } from './berlinTime';

/**
 * Opening hours of the office, read in Berlin wall-clock time. The pack's times are what the
 * sign on the door says, so "08:00" is 08:00 local time on every day, also on the days the clocks
 * change. A range is [from, to) within one day; a range whose end is not after its start is
 * ignored (the format has no "24:00" and no ranges over midnight).
 */

/** One opening range in minutes since local midnight, [from, to). */
export interface MinuteRange {
  readonly from: number;
  readonly to: number;
}

/** What applies on one calendar day and why. */
export interface DayHours {
  /** Opening ranges, sorted, empty when closed. */
  readonly ranges: readonly MinuteRange[];
  readonly source: 'weekly' | 'holiday' | 'exception';
  /** The holiday's name or the exception's note, when there is one. */
  readonly text?: LocalizedText;
}

const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** How far ahead `nextOpening` looks. */
const horizonDays = 30;
const dayMs = 86_400_000;

/**
 * The hours of one calendar day (YYYY-MM-DD). An exception wins over a holiday (it is the more
 * specific entry, e.g. a special opening on a holiday); a holiday closes the whole day.
 */
export function hoursOn(hours: OpeningHours, date: string): DayHours {
  const exception = hours.exceptions.find((entry) => entry.date === date);
  if (exception) return { ranges: toRanges(exception.hours), source: 'exception', ...(exception.note ? { text: exception.note } : {}) };
  const holiday = hours.holidays.find((entry) => entry.date === date);
  if (holiday) return { ranges: [], source: 'holiday', text: holiday.name };
  const key = weekdayKeys[weekdayOf(date)] ?? 'mon';
  return { ranges: toRanges(hours.weekly[key]), source: 'weekly' };
}

/** Whether the office is open at an instant. */
export function isOpen(hours: OpeningHours, at: Date): boolean {
  const local = berlinTime(at);
  return hoursOn(hours, local.date).ranges.some((range) => local.minutes >= range.from && local.minutes < range.to);
}

/**
 * The first instant at or after `at` at which the office is open (`at` itself when it is open),
 * or null when it does not open within the next 30 days.
 */
export function nextOpening(hours: OpeningHours, at: Date): Date | null {
  if (isOpen(hours, at)) return at;
  const limit = at.getTime() + horizonDays * dayMs;
  const today = berlinTime(at).date;
  // One day more than the horizon: the last day's morning may still be within 30 × 24 h.
  for (let offset = 0; offset <= horizonDays; offset++) {
    const date = addDays(today, offset);
    for (const range of hoursOn(hours, date).ranges) {
      // On the night the clocks go back a reading occurs twice, and the second may be the next one;
      // a reading skipped in spring opens when the clock jumps past it.
      const exact = instantsReading(date, range.from);
      const candidates = exact.length > 0 ? exact : [firstInstantAtOrAfter(date, range.from)];
      // isOpen: a range lying wholly in the skipped hour never opens.
      const found = candidates.find((instant) => instant.getTime() > at.getTime() && isOpen(hours, instant));
      if (found) return found.getTime() <= limit ? found : null;
    }
  }
  return null;
}

function toRanges(list: readonly { readonly from: string; readonly to: string }[]): MinuteRange[] {
  return list
    .map((range) => ({ from: minutesOf(range.from), to: minutesOf(range.to) }))
    .filter((range) => range.to > range.from)
    .sort((a, b) => a.from - b.from);
}

function minutesOf(time: string): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return hour * 60 + minute;
}
