/** fast-check generators of campaign plans and intervals around 2026, biased toward its DST dates. */
import fc from 'fast-check';
import { WEEKDAYS } from '@/lib/enums';
import type { PacingPlan, PacingProfile, PacingWindow } from '../types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const FIRST_DAY = Date.UTC(2025, 11, 1);
const LAST_DAY_INDEX = 426; // through 2027-01-31
const MAX_INTERVAL_MS = 3 * DAY_MS;
// Keeps dense plans (500 calls a minute) from producing millions of slots per run; sparse plans
// still get intervals of up to three days.
const SLOT_BUDGET = 5_000;

const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const profileArbitrary: fc.Arbitrary<PacingProfile> = fc.record({
  period: fc.integer({ min: 1, max: 120 }),
  amountPerPeriod: fc.integer({ min: 1, max: 500 }),
  timeBetweenPeriods: fc.integer({ min: 0, max: 120 }),
});

// Window bounds anywhere in the day, and often near the 02:00 transitions.
const wallMinute = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1439 }), weight: 3 },
  { arbitrary: fc.integer({ min: 50, max: 200 }), weight: 1 },
);

const GAP_START = 120; // 02:00, where the spring-forward gap begins
const GAP_MINUTES = 60;

/**
 * Windows that do not overlap in wall time (what the API accepts) nor in real time. The second
 * excludes one case: a window ending inside the spring-forward gap runs on past 03:00 EDT, so a
 * window starting less than an hour after that end overlaps it on that one date (unit-tested).
 */
export const windowsArbitrary: fc.Arbitrary<PacingWindow[]> = fc
  .integer({ min: 1, max: 3 })
  .chain((count) =>
    fc.tuple(
      fc.uniqueArray(wallMinute, { minLength: 2 * count, maxLength: 2 * count }),
      fc.array(profileArbitrary, { minLength: count, maxLength: count }),
    ),
  )
  .map(([bounds, profiles]) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    return profiles.map((profile, i) => ({ start: sorted[2 * i], end: sorted[2 * i + 1], profile }));
  })
  .filter((spans) =>
    spans.every(({ end }, i) => {
      const next = spans[i + 1];
      const endsInGap = end >= GAP_START && end < GAP_START + GAP_MINUTES;
      return next === undefined || !endsInGap || next.start >= end + GAP_MINUTES;
    }),
  )
  .map((spans) => spans.map(({ start, end, profile }) => ({ startTime: hhmm(start), endTime: hhmm(end), profile })))
  // The plan's order is not time order.
  .chain((windows) => fc.shuffledSubarray(windows, { minLength: windows.length, maxLength: windows.length }));

const dateArbitrary = fc.oneof(
  fc.constantFrom('2026-03-07', '2026-03-08', '2026-10-31', '2026-11-01'),
  fc.integer({ min: 0, max: LAST_DAY_INDEX }).map((day) => isoDate(FIRST_DAY + day * DAY_MS)),
);

export const planArbitrary: fc.Arbitrary<PacingPlan> = fc
  .record({
    startDate: dateArbitrary,
    spanDays: fc.integer({ min: 0, max: 20 }),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    windows: windowsArbitrary,
  })
  .map(({ startDate, spanDays, days, windows }) => ({
    startDate,
    endDate: isoDate(Date.parse(`${startDate}T00:00:00Z`) + spanDays * DAY_MS),
    days,
    windows,
  }));

export interface PlanCase {
  plan: PacingPlan;
  from: number;
  to: number;
}

/** Longest interval expected to hold about SLOT_BUDGET slots, capped at three days. */
function intervalBudgetMs(plan: PacingPlan): number {
  const slotsPerMs = plan.windows.reduce(
    (sum, { profile }) => sum + profile.amountPerPeriod / ((profile.period + profile.timeBetweenPeriods) * MINUTE_MS),
    0,
  );
  return Math.min(MAX_INTERVAL_MS, Math.floor(SLOT_BUDGET / slotsPerMs));
}

/** A plan and an interval (from, to] starting from a day before the campaign to a day after it. */
export const planCaseArbitrary: fc.Arbitrary<PlanCase> = planArbitrary.chain((plan) => {
  const campaignStart = Date.parse(`${plan.startDate}T00:00:00Z`);
  const campaignEnd = Date.parse(`${plan.endDate}T00:00:00Z`) + 2 * DAY_MS;
  const instant = fc.oneof(
    // Minute-aligned instants land exactly on slots often; millisecond ones test the rest.
    fc.integer({ min: (campaignStart - DAY_MS) / MINUTE_MS, max: campaignEnd / MINUTE_MS }).map((m) => m * MINUTE_MS),
    fc.integer({ min: campaignStart - DAY_MS, max: campaignEnd }),
  );
  return fc
    .record({ from: instant, length: fc.integer({ min: 0, max: intervalBudgetMs(plan) }) })
    .map(({ from, length }) => ({ plan, from, to: from + length }));
});
