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

/**
 * Windows that do not overlap in wall time (what the API accepts), in any plan order; bounds may
 * fall inside the spring-forward gap or the repeated fall-back hour.
 */
function windowsOf(profiles: fc.Arbitrary<PacingProfile>, minutes = wallMinute): fc.Arbitrary<PacingWindow[]> {
  return fc
    .integer({ min: 1, max: 3 })
    .chain((count) =>
      fc.tuple(
        fc.uniqueArray(minutes, { minLength: 2 * count, maxLength: 2 * count }),
        fc.array(profiles, { minLength: count, maxLength: count }),
      ),
    )
    .map(([bounds, paces]) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      return paces.map((profile, i) => ({ startTime: hhmm(sorted[2 * i]), endTime: hhmm(sorted[2 * i + 1]), profile }));
    })
    // The plan's order is not time order.
    .chain((windows) => fc.shuffledSubarray(windows, { minLength: windows.length, maxLength: windows.length }));
}

export const windowsArbitrary: fc.Arbitrary<PacingWindow[]> = windowsOf(profileArbitrary);

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

const DST_DATES = ['2026-03-08', '2026-11-01'];

/**
 * A plan dialing one DST date, and an interval over that date's first hours (00:00 to 05:00 or
 * 06:00 Eastern), where both transitions happen. Window bounds fall in those hours, often in or
 * next to the gap and the repeated hour; profiles are sparse (at most 20 calls a period), so the
 * whole interval fits the slot budget.
 */
export const dstDateCaseArbitrary: fc.Arbitrary<PlanCase> = fc
  .record({
    date: fc.constantFrom(...DST_DATES),
    windows: windowsOf(
      profileArbitrary.map((profile) => ({ ...profile, amountPerPeriod: 1 + (profile.amountPerPeriod % 20) })),
      fc.oneof(fc.integer({ min: 0, max: 359 }), fc.integer({ min: 110, max: 190 })),
    ),
  })
  .map(({ date, windows }) => ({
    plan: { startDate: date, endDate: date, days: WEEKDAYS, windows },
    from: Date.parse(`${date}T04:00:00Z`),
    to: Date.parse(`${date}T10:00:00Z`),
  }));
