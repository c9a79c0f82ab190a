import { formatInTimeZone } from 'date-fns-tz';
import { EASTERN } from './types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The Eastern UTC offset in ms at instant `t` (-5 h for EST, -4 h for EDT). */
export function easternOffsetAt(t: number): number {
  // Only the offset token is trusted: date-fns-tz computes it from the instant alone, while its
  // wall-clock tokens pass through a server-local Date and come out wrong when the server's own
  // zone skips that wall time (e.g. a Europe/London host on its spring-forward night).
  const match = /^([+-])(\d\d):(\d\d)$/.exec(formatInTimeZone(new Date(t), EASTERN, 'xxx'));
  if (!match) throw new RangeError(`cannot read the Eastern offset at ${t}`);
  const magnitude = (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return match[1] === '-' ? -magnitude : magnitude;
}

/** The Eastern wall clock at instant `t`, encoded as the UTC fields of the returned ms value. */
export function easternWallClockAt(t: number): number {
  return t + easternOffsetAt(t);
}

/**
 * Resolves Eastern wall times ('HH:MM') on `date` ('YYYY-MM-DD') to instants (ms).
 * A wall time that occurs twice (fall back) resolves to its first occurrence; one that does not
 * exist (spring forward) keeps the offset from before the jump, which moves it forward by the gap.
 * date-fns-tz's fromZonedTime is not used: it moves gap times backward (02:30 → 01:30 EST) and its
 * pick for repeated times depends on the server's own zone.
 */
export function wallTimeResolver(date: string): (time: string) => number {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(midnight)) throw new RangeError(`not a calendar date: ${date}`);
  // Offsets a day either side of the date bracket any transition on it and never a second one;
  // when they agree (all but a few days a year) every wall time of the date shares that offset.
  const offsetBefore = easternOffsetAt(midnight - DAY_MS);
  const offsetAfter = easternOffsetAt(midnight + 2 * DAY_MS);
  return (time) => {
    const wall = midnight + minutesOfDay(time) * MINUTE_MS;
    if (offsetBefore === offsetAfter) return wall - offsetBefore;
    const occurrences = [wall - offsetBefore, wall - offsetAfter].filter((t) => easternWallClockAt(t) === wall);
    return occurrences.length > 0 ? Math.min(...occurrences) : wall - offsetBefore;
  };
}

function minutesOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not an HH:MM wall time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
