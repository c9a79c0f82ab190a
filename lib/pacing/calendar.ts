import { WEEKDAYS, type Weekday } from '@/lib/enums';

const DAY_MS = 86_400_000;

/** The calendar date `days` days after `date` (both 'YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  // getUTCDay counts from Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
}

/** Each calendar date from `first` to `last`, inclusive (none when last < first). */
export function* datesFromTo(first: string, last: string): Generator<string> {
  for (let date = first; date <= last; date = addDays(date, 1)) yield date;
}
