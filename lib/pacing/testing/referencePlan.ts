/**
 * The contract written out literally, for tests: every window of every dialing date resolved by
 * the hand-written oracle, every slot k at periodStart + floor(k · period / amount). Slow but
 * obviously right; the planner must agree with it exactly.
 */
import type { PacingPlan, PacingProfile } from '../types';
import { contractWindow, easternDay, nextDate, readEasternClock, weekdayOfDate, type EasternDay } from './easternOracle';

const MINUTE_MS = 60_000;

export interface ReferenceWindow {
  day: EasternDay;
  windowIndex: number;
  profile: PacingProfile;
  start: number;
  end: number;
}

/** The plan's non-empty windows on the Eastern dates from `from` to `to` (instants, ms). */
export function referenceWindows(plan: PacingPlan, from: number, to: number): ReferenceWindow[] {
  const windows: ReferenceWindow[] = [];
  const last = readEasternClock(to).date;
  for (let date = readEasternClock(from).date; date <= last; date = nextDate(date)) {
    if (date < plan.startDate || date > plan.endDate || !plan.days.includes(weekdayOfDate(date))) continue;
    const day = easternDay(date);
    plan.windows.forEach(({ startTime, endTime, profile }, windowIndex) => {
      const { start, end } = contractWindow(day, startTime, endTime);
      if (end > start) windows.push({ day, windowIndex, profile, start, end });
    });
  }
  return windows;
}

/** Every slot s with from < s <= to, ascending and distinct. */
export function referenceSlots(plan: PacingPlan, from: number, to: number): number[] {
  const slots = new Set<number>();
  for (const { profile, start, end } of referenceWindows(plan, from, to)) {
    const periodMs = profile.period * MINUTE_MS;
    const cycleMs = (profile.period + profile.timeBetweenPeriods) * MINUTE_MS;
    for (let periodStart = start; periodStart < end && periodStart <= to; periodStart += cycleMs) {
      if (periodStart + periodMs <= from) continue;
      for (let k = 0; k < profile.amountPerPeriod; k++) {
        const slot = periodStart + Math.floor((k * periodMs) / profile.amountPerPeriod);
        if (slot >= end) break;
        if (slot > from && slot <= to) slots.add(slot);
      }
    }
  }
  return [...slots].sort((a, b) => a - b);
}
