import { WEEKDAYS, type Weekday } from '@/lib/enums';
import { boundedMemo } from './boundedMemo';

const DAY_MS = 86_400_000;
// Date.parse and toISOString cost a microsecond or more each, several times per planSlots call;
// the few dates in use are remembered instead (see boundedMemo).
const CACHE_LIMIT = 2_000;

/** The calendar date ('YYYY-MM-DD') of day number `day`, counted in days from 1970-01-01. */
export const dateOfDayNumber = boundedMemo(CACHE_LIMIT, (day: number): string =>
  new Date(day * DAY_MS).toISOString().slice(0, 10),
);

/** The day number of `date` ('YYYY-MM-DD'); NaN when it is not a date. */
const dayNumberOf = boundedMemo(CACHE_LIMIT, (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** The calendar date `days` days after `date` (both 'YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

export function weekdayOf(date: string): Weekday {
  // Day 0, 1970-01-01, was a Thursday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(((dayNumberOf(date) + 3) % 7) + 7) % 7];
}

/** Each calendar date from `first` to `last`, inclusive (none when last < first). */
export function* datesFromTo(first: string, last: string): Generator<string> {
  for (let date = first; date <= last; date = addDays(date, 1)) yield date;
}
