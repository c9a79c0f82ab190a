import { formatInTimeZone } from 'date-fns-tz';
import { EASTERN } from './types';

const DAY_MS = 86_400_000;

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
 * The instant (ms) at which Eastern wall time `time` ('HH:MM') occurs on `date` ('YYYY-MM-DD').
 * A wall time that occurs twice (fall back) resolves to its first occurrence; one that does not
 * exist (spring forward) keeps the offset from before the jump, which moves it forward by the gap.
 * date-fns-tz's fromZonedTime is not used: it moves gap times backward (02:30 → 01:30 EST) and its
 * pick for repeated times depends on the server's own zone.
 */
export function wallTimeToInstant(date: string, time: string): number {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`not an Eastern date and time: ${date} ${time}`);
  // A day either side is far outside any transition near `wall` and never spans two of them.
  const offsetBefore = easternOffsetAt(wall - DAY_MS);
  const offsetAfter = easternOffsetAt(wall + DAY_MS);
  if (offsetBefore === offsetAfter) return wall - offsetBefore;
  const occurrences = [wall - offsetBefore, wall - offsetAfter].filter((t) => easternWallClockAt(t) === wall);
  return occurrences.length > 0 ? Math.min(...occurrences) : wall - offsetBefore;
}
