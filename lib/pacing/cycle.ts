import type { PacingProfile } from './types';

/**
 * A profile in milliseconds. A cycle is `periodMs` active, then idle until `cycleMs`.
 * Slot k (0 ≤ k < amount) of an active period sits floor(k · periodMs / amount) ms after the
 * period starts: whole milliseconds, like Date. When amount > periodMs two slots can floor to the
 * same millisecond; they are one instant, so such a period holds periodMs distinct slots (one per
 * ms) rather than `amount`.
 */
export interface Cycle {
  periodMs: number;
  cycleMs: number;
  amount: number;
}

const MINUTE_MS = 60_000;

export function cycleOf({ period, amountPerPeriod, timeBetweenPeriods }: PacingProfile): Cycle {
  // The API only stores whole positive minutes and calls; anything else would make a cycle that
  // never advances (an endless loop), so it is refused here rather than spun on.
  if (!isWholeAtLeast(period, 1) || !isWholeAtLeast(amountPerPeriod, 1) || !isWholeAtLeast(timeBetweenPeriods, 0)) {
    throw new RangeError(`invalid pacing profile ${JSON.stringify({ period, amountPerPeriod, timeBetweenPeriods })}`);
  }
  return {
    periodMs: period * MINUTE_MS,
    cycleMs: (period + timeBetweenPeriods) * MINUTE_MS,
    amount: amountPerPeriod,
  };
}

function isWholeAtLeast(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min;
}

/** Milliseconds from the start of an active period to its slot `k`. */
export function slotOffset(cycle: Cycle, k: number): number {
  return Math.floor((k * cycle.periodMs) / cycle.amount);
}

/**
 * The first slot index whose offset is greater than `offset` ms (cycle.amount when none is).
 * Exact in floating point: every product stays below 2^53 and no quotient lies close enough to an
 * integer to round across it.
 */
export function firstSlotIndexAfter(cycle: Cycle, offset: number): number {
  if (offset < 0) return 0;
  return Math.min(cycle.amount, Math.ceil(((offset + 1) * cycle.amount) / cycle.periodMs));
}

/** How many distinct slot instants lie in the first `limitMs` ms of an active period. */
export function distinctSlotsWithin(cycle: Cycle, limitMs: number): number {
  const limit = Math.max(0, Math.min(limitMs, cycle.periodMs));
  // At most one slot per millisecond apart, the offsets then cover every millisecond of the period.
  if (cycle.amount >= cycle.periodMs) return limit;
  return Math.min(cycle.amount, Math.ceil((limit * cycle.amount) / cycle.periodMs));
}
