/**
 * An independent reading of the pacing contract, for tests. It reads the Eastern clock straight
 * from Intl (not through the planner's date-fns-tz path) and writes the DST rules out by hand, so
 * a mistake in the planner's time handling cannot hide behind the same mistake here.
 */
import { WEEKDAYS, type Weekday } from '@/lib/enums';
import { EASTERN } from '../types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// US rule: both transitions happen at 02:00 Eastern wall time.
const TRANSITION_MINUTE = 120;

const easternParts = new Intl.DateTimeFormat('en-US', {
  timeZone: EASTERN,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
});

export interface EasternReading {
  date: string;
  time: string;
  weekday: Weekday;
}

export function readEasternClock(t: number): EasternReading {
  const parts = easternParts.formatToParts(new Date(t));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').toLowerCase() as Weekday;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}`, weekday };
}

export function weekdayOfDate(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The instant of Eastern midnight starting `date` (midnight always exists once in New York). */
function easternMidnight(date: string): number {
  const target = Date.parse(`${date}T00:00:00Z`);
  for (const offsetHours of [5, 4]) {
    const t = target + offsetHours * 3_600_000;
    const reading = readEasternClock(t);
    if (reading.date === date && reading.time === '00:00') return t;
  }
  throw new Error(`no Eastern midnight found for ${date}`);
}

export interface EasternDay {
  date: string;
  /** The instant Eastern `date` begins. */
  midnight: number;
  /** Real minutes the clock moved beyond a 24 h day: +60 on spring forward (a 23 h day), -60 on fall back. */
  shiftMinutes: number;
}

export function easternDay(date: string): EasternDay {
  const midnight = easternMidnight(date);
  const realMinutes = (easternMidnight(nextDate(date)) - midnight) / MINUTE_MS;
  return { date, midnight, shiftMinutes: 24 * 60 - realMinutes };
}

/**
 * Real minutes after Eastern midnight at which wall time `hhmm` starts on `day`, per the contract:
 * a missing wall time resolves to the transition, the first instant after the jump (02:30 → 03:00
 * EDT, i.e. 120 real minutes), a repeated one to its first occurrence.
 */
export function contractMinutes(day: EasternDay, hhmm: string): number {
  const minutes = minutesOf(hhmm);
  if (minutes < TRANSITION_MINUTE) return minutes;
  if (day.shiftMinutes > 0 && minutes < TRANSITION_MINUTE + day.shiftMinutes) return TRANSITION_MINUTE;
  return minutes - day.shiftMinutes;
}

/**
 * Whether `t` on `day` reads a wall time for the second time that day: on the fall-back date,
 * 01:00–01:59 EST, after 01:00–01:59 EDT.
 */
export function readsRepeatedWallTimeAgain(day: EasternDay, t: number): boolean {
  return (
    day.shiftMinutes < 0 &&
    t >= day.midnight + TRANSITION_MINUTE * MINUTE_MS &&
    minutesOf(readEasternClock(t).time) < TRANSITION_MINUTE
  );
}

/** On the fall-back date, whether wall time `hhmm` occurs twice (01:00–01:59). */
export function isRepeatedWallTime(day: EasternDay, hhmm: string): boolean {
  const minutes = minutesOf(hhmm);
  return day.shiftMinutes < 0 && minutes >= TRANSITION_MINUTE + day.shiftMinutes && minutes < TRANSITION_MINUTE;
}

/** A window's real [start, end) instants on `day` per the contract (end ≤ start means empty). */
export function contractWindow(day: EasternDay, startTime: string, endTime: string): { start: number; end: number } {
  return {
    start: day.midnight + contractMinutes(day, startTime) * MINUTE_MS,
    end: day.midnight + contractMinutes(day, endTime) * MINUTE_MS,
  };
}
