import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextSlotAfter } from './nextSlotAfter';
import { planSlots } from './planSlots';
import { planStretches } from './planStretches';
import { dstShiftMinutes, minutesOf, readEasternClock } from './testing/easternOracle';
import { planCaseArbitrary } from './testing/planArbitrary';
import { referenceSlots, referenceWindows, type ReferenceWindow } from './testing/referencePlan';

const RUNS = { numRuns: 200 };
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
          // On the two DST dates the window is defined in real time (see index.ts), not wall time.
          if (dstShiftMinutes(clock.date) === 0) {
            const { startTime, endTime } = plan.windows[windowHolding(windows, slots[i])[0].windowIndex];
            expect(minutesOf(clock.time)).toBeGreaterThanOrEqual(minutesOf(startTime));
            expect(minutesOf(clock.time)).toBeLessThan(minutesOf(endTime));
          }
        }
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

  it('agrees exactly with the contract written out literally', () => {
    fc.assert(
      fc.property(planCaseArbitrary, ({ plan, from, to }) => {
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
        const first = stretches[0].start.getTime();
        const last = Math.max(...stretches.map((s) => s.end.getTime()));
        const slots = slotsOf(plan, first - 1, last);
        let previousStart = -Infinity;
        const previousOfWindow = new Map<string, (typeof stretches)[number]>();
        for (const stretch of stretches) {
          const start = stretch.start.getTime();
          const end = stretch.end.getTime();
          expect(start).toBeGreaterThanOrEqual(previousStart);
          expect(end).toBeGreaterThan(start);
          expect(start < to && end > from).toBe(true);
          const inside = slots.filter((s) => s >= start && s < end).length;
          expect(stretch.slots).toBe(stretch.kind === 'active' ? inside : 0);
          expect(inside).toBe(stretch.kind === 'active' ? stretch.slots : 0);
          const key = `${readEasternClock(start).date}#${stretch.windowIndex}`;
          const previous = previousOfWindow.get(key);
          if (previous) {
            expect(previous.end.getTime()).toBe(start);
            if (previous.kind === 'idle') expect(stretch.kind).toBe('active');
          }
          previousOfWindow.set(key, stretch);
          previousStart = start;
        }
      }),
      { numRuns: 100 },
    );
  });
});
