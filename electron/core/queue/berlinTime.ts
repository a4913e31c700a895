/**
 * Local time in Europe/Berlin, where the office is, whatever time zone the machine is set to.
 * Intl knows the zone's rules (DST included); calendar arithmetic on plain dates is done in UTC,
 * where days have no gaps.
 */
export const officeTimeZone = 'Europe/Berlin';

/** A wall-clock reading in Berlin. */
export interface BerlinTime {
  /** The local date, YYYY-MM-DD. */
  readonly date: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes since local midnight (0–1439). */
  readonly minutes: number;
}

// en-CA with h23 gives plain numbers and never "24" for midnight.
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: officeTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** The Berlin wall-clock reading of an instant. */
export function berlinTime(at: Date): BerlinTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 0;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  return { date: isoDate(year, month, day), year, month, day, hour, minute, second: parts.second ?? 0, minutes: hour * 60 + minute };
}

/** An instant as Berlin local ISO 8601 time with its offset, e.g. "2026-03-17T09:15:00.000+01:00". */
export function berlinIsoTime(at: Date): string {
  const t = berlinTime(at);
  const offsetMinutes = Math.round(offsetMs(at) / minuteMs);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const two = (n: number): string => String(n).padStart(2, '0');
  const ms = String(((at.getTime() % 1000) + 1000) % 1000).padStart(3, '0');
  const offset = `${sign}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`;
  return `${t.date}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}.${ms}${offset}`;
}

/** The local date (YYYY-MM-DD) in Berlin of an instant. */
export function berlinDate(at: Date): string {
  return berlinTime(at).date;
}

/** A calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const shifted = new Date(utcMidnight(date) + days * dayMs);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The weekday of a calendar date: 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
}

/**
 * The instants at which Berlin's wall clock reads `minutes` on `date`, earliest first: usually one;
 * two on the night the clocks go back, none in the hour skipped in spring.
 */
export function instantsReading(date: string, minutes: number): Date[] {
  const wall = wallValue(date, minutes);
  // Berlin's offset is +1 h or +2 h; the offsets a day either side are the only candidates.
  const offsets = new Set([offsetMs(new Date(wall - dayMs)), offsetMs(new Date(wall + dayMs))]);
  return [...offsets]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b)
    .filter((instant) => readingValue(new Date(instant)) === wall)
    .map((instant) => new Date(instant));
}

/**
 * The first instant at which Berlin's wall clock reads `minutes` on `date` or later: the earlier
 * one when the reading occurs twice, the end of the gap when the reading is skipped in spring.
 */
export function firstInstantAtOrAfter(date: string, minutes: number): Date {
  const target = wallValue(date, minutes);
  const exact = instantsReading(date, minutes)[0];
  if (exact) return exact;
  // In the gap, wall - (+2 h) reads before the target and wall - (+1 h) after it. The jump is on a
  // whole minute, so a binary search over minutes finds the first instant reading past the target.
  let before = target - 2 * 3_600_000;
  let after = target - 3_600_000;
  while (after - before > minuteMs) {
    const middle = before + Math.floor((after - before) / 2 / minuteMs) * minuteMs;
    if (readingValue(new Date(middle)) >= target) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/** How far Berlin's wall clock is ahead of UTC at an instant, in ms. */
function offsetMs(at: Date): number {
  const t = berlinTime(at);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** A wall-clock reading as one comparable number (date and minute of day). */
function wallValue(date: string, minutes: number): number {
  return utcMidnight(date) + minutes * minuteMs;
}

function readingValue(at: Date): number {
  const t = berlinTime(at);
  return wallValue(t.date, t.minutes);
}

function utcMidnight(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
