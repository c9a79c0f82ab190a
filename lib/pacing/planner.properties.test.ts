import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { nextSlotAfter } from './nextSlotAfter';
import { planSlots } from './planSlots';
import { planStretches } from './planStretches';
import {
  isRepeatedWallTime,
  minutesOf,
  readEasternClock,
  readsRepeatedWallTimeAgain,
  type EasternReading,
} from './testing/easternOracle';
import { dstDateCaseArbitrary, planCaseArbitrary, type PlanCase } from './testing/planArbitrary';
import { referenceSlots, referenceWindows, type ReferenceWindow } from './testing/referencePlan';

const RUNS = { numRuns: 200 };
// 200 generated plans per property take about a second; leave room for a busy CI machine.
vi.setConfig({ testTimeout: 30_000 });
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// Formatting every one of thousands of slots through Intl would dominate the run; a spread sample
// is read off the clock, and every slot is checked arithmetically against the oracle's windows.
const CLOCK_SAMPLE = 20;

const msOf = (dates: Date[]) => dates.map((d) => d.getTime());
const slotsOf = (plan: Parameters<typeof planSlots>[0], from: number, to: number) =>
  msOf(planSlots(plan, new Date(from), new Date(to)));

function windowHolding(windows: ReferenceWindow[], slot: number): ReferenceWindow[] {
  return windows.filter((w) => w.start <= slot && slot < w.end);
}

describe('planSlots properties', () => {
  it('places every slot on a campaign date and weekday, inside an active period of a window', () => {
    fc.assert(
      fc.property(planCaseArbitrary, ({ plan, from, to }) => {
        const slots = slotsOf(plan, from, to);
        const windows = referenceWindows(plan, from, to);
        const misplaced = slots.filter((slot) => {
          const holders = windowHolding(windows, slot);
          if (slot <= from || slot > to || holders.length !== 1) return true;
          const { start, profile } = holders[0];
          const intoCycle = (slot - start) % ((profile.period + profile.timeBetweenPeriods) * MINUTE_MS);
          return intoCycle >= profile.period * MINUTE_MS;
        });
        expect(misplaced).toEqual([]);
        const step = Math.max(1, Math.ceil(slots.length / CLOCK_SAMPLE));
        for (let i = 0; i < slots.length; i += step) {
          const clock = readEasternClock(slots[i]);
          expect(clock.date >= plan.startDate && clock.date <= plan.endDate).toBe(true);
          expect(plan.days).toContain(clock.weekday);
          expect(windowHolding(windows, slots[i])[0].day.date).toBe(clock.date);
        }
      }),
      RUNS,
    );
  });

  // The product's promise: a campaign dials at t only when t's Eastern wall time lies in one of its
  // windows [startTime, endTime). Every slot's clock is read from Intl, independently of the planner.
  it.each<[string, fc.Arbitrary<PlanCase>]>([
    ['on any dates', planCaseArbitrary],
    ['through the early hours of both DST dates', dstDateCaseArbitrary],
  ])('dials only at Eastern wall times inside one of the windows, %s', (_, cases) => {
    fc.assert(
      fc.property(cases, ({ plan, from, to }) => {
        const windows = referenceWindows(plan, from, to);
        // Offsets are whole minutes, so slots in one UTC minute read one Eastern minute.
        const readings = new Map<number, EasternReading>();
        const stray = slotsOf(plan, from, to).filter((slot) => {
          const minute = Math.floor(slot / MINUTE_MS);
          const clock = readings.get(minute) ?? readEasternClock(slot);
          readings.set(minute, clock);
          if (clock.date < plan.startDate || clock.date > plan.endDate || !plan.days.includes(clock.weekday)) return true;
          const wall = minutesOf(clock.time);
          if (plan.windows.some((w) => minutesOf(w.startTime) <= wall && wall < minutesOf(w.endTime))) return false;
          // The one exception, documented in index.ts: on the fall-back date a window that opens
          // inside the repeated hour (at its first, EDT, occurrence) and closes after it runs on
          // through that hour's second pass, from 01:00 EST, before its own start time.
          const [holder] = windowHolding(windows, slot);
          return !(holder && readsRepeatedWallTimeAgain(holder.day, slot) && isRepeatedWallTime(holder.day, plan.windows[holder.windowIndex].startTime));
        });
        expect(stray.map((slot) => new Date(slot).toISOString())).toEqual([]);
      }),
      RUNS,
    );
  });

  it('returns strictly increasing instants', () => {
    fc.assert(
      fc.property(planCaseArbitrary, ({ plan, from, to }) => {
        const slots = slotsOf(plan, from, to);
        expect(slots.findIndex((slot, i) => i > 0 && slot <= slots[i - 1])).toBe(-1);
      }),
      RUNS,
    );
  });

  it('never puts more than amountPerPeriod slots in one active period', () => {
    fc.assert(
      fc.property(planCaseArbitrary, ({ plan, from, to }) => {
        const perPeriod = new Map<number, number>();
        const windows = referenceWindows(plan, from, to);
        const crowded = slotsOf(plan, from, to).filter((slot) => {
          const [{ start, profile }] = windowHolding(windows, slot);
          const cycleMs = (profile.period + profile.timeBetweenPeriods) * MINUTE_MS;
          const periodStart = slot - ((slot - start) % cycleMs);
          const count = (perPeriod.get(periodStart) ?? 0) + 1;
          perPeriod.set(periodStart, count);
          return count > profile.amountPerPeriod;
        });
        expect(crowded).toEqual([]);
      }),
      RUNS,
    );
  });

  it.each<[string, fc.Arbitrary<PlanCase>]>([
    ['on any dates', planCaseArbitrary],
    ['through the early hours of both DST dates', dstDateCaseArbitrary],
  ])('agrees exactly with the contract written out literally, %s', (_, cases) => {
    fc.assert(
      fc.property(cases, ({ plan, from, to }) => {
        expect(slotsOf(plan, from, to)).toEqual(referenceSlots(plan, from, to));
      }),
      RUNS,
    );
  });

  it('splits exactly: planSlots(a, c) = planSlots(a, b) ++ planSlots(b, c)', () => {
    fc.assert(
      fc.property(planCaseArbitrary, fc.nat(), fc.boolean(), ({ plan, from: a, to: c }, pick, onSlot) => {
        const whole = slotsOf(plan, a, c);
        // Splitting exactly on a slot is the case a per-second ticker meets at every boundary.
        const b = onSlot && whole.length > 0 ? whole[pick % whole.length] : a + (pick % (c - a + 1));
        expect([...slotsOf(plan, a, b), ...slotsOf(plan, b, c)]).toEqual(whole);
      }),
      RUNS,
    );
  });
});

describe('nextSlotAfter properties', () => {
  it('is the first slot planSlots finds after the same instant', () => {
    fc.assert(
      fc.property(planCaseArbitrary, ({ plan, from, to }) => {
        const next = nextSlotAfter(plan, new Date(from))?.getTime() ?? null;
        const [first] = slotsOf(plan, from, to);
        if (first !== undefined) expect(next).toBe(first);
        // Nothing lies between `from` and the answer; with no answer, nothing in the next 8 days.
        expect(slotsOf(plan, from, next ?? from + 8 * DAY_MS)).toEqual(next === null ? [] : [next]);
      }),
      RUNS,
    );
  });
});

describe('planStretches properties', () => {
  it('alternates each window between active and idle, and counts the slots planSlots places', () => {
    fc.assert(
      fc.property(planCaseArbitrary, ({ plan, from, to }) => {
        const stretches = planStretches(plan, new Date(from), new Date(to));
        if (stretches.length === 0) return;
        const windows = referenceWindows(plan, from, to);
        const slots = slotsOf(plan, stretches[0].start.getTime() - 1, Math.max(...stretches.map((s) => s.end.getTime())));
        const previousOfWindow = new Map<ReferenceWindow, (typeof stretches)[number]>();
        let previousStart = -Infinity;
        for (const stretch of stretches) {
          const start = stretch.start.getTime();
          const end = stretch.end.getTime();
          expect(start).toBeGreaterThanOrEqual(previousStart);
          expect(end).toBeGreaterThan(start);
          expect(start < to && end > from).toBe(true);
          const owner = windows.find((w) => w.windowIndex === stretch.windowIndex && w.start <= start && end <= w.end);
          expect(owner).toBeDefined();
          const inside = countBetween(slots, start, end);
          expect(stretch.slots).toBe(inside);
          if (stretch.kind === 'idle') expect(inside).toBe(0);
          const previous = previousOfWindow.get(owner!);
          if (previous) {
            expect(previous.end.getTime()).toBe(start);
            if (previous.kind === 'idle') expect(stretch.kind).toBe('active');
          }
          previousOfWindow.set(owner!, stretch);
          previousStart = start;
        }
      }),
      RUNS,
    );
  });
});

describe('windows in real time', () => {
  // Windows apart in wall time (all the API accepts) stay apart in real time, DST dates included.
  it.each<[string, fc.Arbitrary<PlanCase>]>([
    ['on any dates', planCaseArbitrary],
    ['through the early hours of both DST dates', dstDateCaseArbitrary],
  ])('never overlap, %s', (_, cases) => {
    fc.assert(
      fc.property(cases, ({ plan, from, to }) => {
        const endOfWindow = new Map<number, number>();
        for (const { start, end, windowIndex } of planStretches(plan, new Date(from), new Date(to))) {
          for (const [other, otherEnd] of endOfWindow) {
            if (other !== windowIndex) expect(otherEnd).toBeLessThanOrEqual(start.getTime());
          }
          endOfWindow.set(windowIndex, Math.max(endOfWindow.get(windowIndex) ?? -Infinity, end.getTime()));
        }
      }),
      RUNS,
    );
  });
});

/** How many of the ascending `slots` lie in [start, end). */
function countBetween(slots: number[], start: number, end: number): number {
  return firstAtOrAfter(slots, end) - firstAtOrAfter(slots, start);
}

function firstAtOrAfter(slots: number[], t: number): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
