import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleOf, distinctSlotsWithin, firstSlotIndexAfter, slotOffset, type Cycle } from './cycle';
import { profile } from './testing/fixtures';

// Tiny periods (a few ms) reach the regime where slots outnumber milliseconds.
const tinyCycle: fc.Arbitrary<Cycle> = fc
  .record({ periodMs: fc.integer({ min: 1, max: 40 }), amount: fc.integer({ min: 1, max: 120 }) })
  .map(({ periodMs, amount }) => ({ periodMs, cycleMs: periodMs, amount }));

const allOffsets = (cycle: Cycle) => Array.from({ length: cycle.amount }, (_, k) => slotOffset(cycle, k));

describe('cycleOf', () => {
  it('converts minutes to milliseconds', () => {
    expect(cycleOf(profile(30, 100, 10))).toEqual({ periodMs: 1_800_000, cycleMs: 2_400_000, amount: 100 });
    expect(cycleOf(profile(1, 1, 0))).toEqual({ periodMs: 60_000, cycleMs: 60_000, amount: 1 });
  });

  it.each([
    ['a zero period', profile(0, 10, 5)],
    ['a zero amount', profile(10, 0, 5)],
    ['a negative gap', profile(10, 10, -1)],
    ['fractional minutes', profile(1.5, 10, 0)],
    ['a fractional amount', profile(10, 2.5, 0)],
  ])('refuses %s', (_, pace) => {
    expect(() => cycleOf(pace)).toThrow(RangeError);
  });
});

describe('slotOffset', () => {
  it('spreads slots evenly, floored to whole milliseconds', () => {
    expect(allOffsets(cycleOf(profile(1, 7, 0)))).toEqual([0, 8571, 17142, 25714, 34285, 42857, 51428]);
    expect(allOffsets(cycleOf(profile(10, 4, 0)))).toEqual([0, 150_000, 300_000, 450_000]);
  });
});

describe('firstSlotIndexAfter', () => {
  it('is the first index whose offset exceeds the given one', () => {
    fc.assert(
      fc.property(tinyCycle, fc.integer({ min: -5, max: 50 }), (cycle, offset) => {
        const brute = allOffsets(cycle).findIndex((o) => o > offset);
        expect(firstSlotIndexAfter(cycle, offset)).toBe(brute === -1 ? cycle.amount : brute);
      }),
      { numRuns: 500 },
    );
  });

  it('is exact at the largest profile the API accepts', () => {
    const cycle = cycleOf(profile(1440, 100_000, 0));
    const k = 99_999;
    expect(firstSlotIndexAfter(cycle, slotOffset(cycle, k) - 1)).toBe(k);
    expect(firstSlotIndexAfter(cycle, slotOffset(cycle, k))).toBe(cycle.amount);
  });
});

describe('distinctSlotsWithin', () => {
  it('counts the distinct offsets below a limit', () => {
    fc.assert(
      fc.property(tinyCycle, fc.integer({ min: -5, max: 50 }), (cycle, limit) => {
        const distinct = new Set(allOffsets(cycle).filter((o) => o < limit));
        expect(distinctSlotsWithin(cycle, limit)).toBe(distinct.size);
      }),
      { numRuns: 500 },
    );
  });

  it('caps a period at one slot per millisecond', () => {
    expect(distinctSlotsWithin(cycleOf(profile(1, 100_000, 0)), 60_000)).toBe(60_000);
  });
});
