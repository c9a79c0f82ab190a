import { formatInTimeZone } from 'date-fns-tz';
import { boundedMemo } from './boundedMemo';
import { EASTERN } from './types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// Dates cached at once, per cache. A pacer touches one or two dates a tick and the campaign list a
// few hundred at most; the bound only keeps a long-running process from growing without end.
const CACHE_LIMIT = 2_000;

/**
 * The offsets over a stretch of time that holds at most one offset change: `before` until the
 * instant `changesAt` (Infinity when nothing changes), `after` from it on.
 */
interface OffsetSpan {
  before: number;
  after: number;
  changesAt: number;
}

/** The Eastern UTC offset in ms at instant `t` (-5 h for EST, -4 h for EDT). */
export function easternOffsetAt(t: number): number {
  const span = offsetsOfUtcDay(Math.floor(t / DAY_MS));
  return t < span.changesAt ? span.before : span.after;
}

/** The Eastern wall clock at instant `t`, encoded as the UTC fields of the returned ms value. */
export function easternWallClockAt(t: number): number {
  return t + easternOffsetAt(t);
}

/**
 * Resolves Eastern wall times ('HH:MM') on `date` ('YYYY-MM-DD') to instants (ms).
 * - A wall time that occurs twice (fall back) resolves to its first occurrence.
 * - A wall time that does not exist (spring forward) resolves to the transition instant, the first
 *   instant after the jump (02:30 on 2026-03-08 → 03:00 EDT), so resolution never decreases as
 *   wall time increases: windows apart in wall time stay apart in real time.
 * date-fns-tz's fromZonedTime is not used: it moves gap times backward (02:30 → 01:30 EST) and its
 * pick for repeated times depends on the server's own zone.
 */
export function wallTimeResolver(date: string): (time: string) => number {
  return resolverOfDate(date);
}

const resolverOfDate = boundedMemo(CACHE_LIMIT, (date: string): ((time: string) => number) => {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(midnight)) throw new RangeError(`not a calendar date: ${date}`);
  // Offsets a day either side of the date bracket any transition on it and never a second one;
  // when they agree (all but a few days a year) every wall time of the date shares that offset.
  const lo = midnight - DAY_MS;
  const hi = midnight + 2 * DAY_MS;
  const span = offsetSpanBetween(easternOffsetAt, lo, hi);
  return (time) => instantOfWallTime(midnight + minutesOfDay(time) * MINUTE_MS, span);
});

/** The instant of wall time `wall` (encoded as UTC fields) under `span`, by the rules above. */
function instantOfWallTime(wall: number, { before, after, changesAt }: OffsetSpan): number {
  // Read with the offset from before the change, `wall` exists when that instant is before it...
  const early = wall - before;
  if (early < changesAt) return early; // its only occurrence, or the first of two
  // ...and read with the offset after the change, when that instant is not before it.
  const late = wall - after;
  return late >= changesAt ? late : changesAt; // neither: `wall` lies in the gap
}

// date-fns-tz is the source of every offset, at ~80 µs a call: each UTC day is read once (twice,
// plus a ~27-step search on the rare day the offset changes) and then answered from memory.
const offsetsOfUtcDay = boundedMemo(CACHE_LIMIT, (day: number): OffsetSpan => {
  const start = day * DAY_MS;
  return offsetSpanBetween(formattedOffsetAt, start, start + DAY_MS - 1);
});

/**
 * The offsets over [lo, hi], assuming they change at most once there (a zone changes its offset a
 * few times a year, never twice in a day or three days), and the exact millisecond they change.
 */
function offsetSpanBetween(offsetAt: (t: number) => number, lo: number, hi: number): OffsetSpan {
  const before = offsetAt(lo);
  const after = offsetAt(hi);
  if (before === after) return { before, after, changesAt: Infinity };
  // Invariant: offsetAt(lo) is `before`, offsetAt(hi) is not; `hi` ends as the first instant changed.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(mid) === before) lo = mid;
    else hi = mid;
  }
  return { before, after, changesAt: hi };
}

/** The offset date-fns-tz gives at instant `t`, uncached. */
function formattedOffsetAt(t: number): number {
  // Only the offset token is trusted: date-fns-tz computes it from the instant alone, while its
  // wall-clock tokens pass through a server-local Date and come out wrong when the server's own
  // zone skips that wall time (e.g. a Europe/London host on its spring-forward night).
  const match = /^([+-])(\d\d):(\d\d)$/.exec(formatInTimeZone(new Date(t), EASTERN, 'xxx'));
  if (!match) throw new RangeError(`cannot read the Eastern offset at ${t}`);
  const magnitude = (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return match[1] === '-' ? -magnitude : magnitude;
}

/** Minutes after midnight of wall time 'HH:MM'; only the 1,440 valid times are ever cached. */
const minutesOfDay = boundedMemo(CACHE_LIMIT, (time: string): number => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not an HH:MM wall time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
});
