import { campaignDates, dialingWindowsOn } from './dialingWindows';
import { easternDate } from './easternDate';
import type { PacingPlan } from './types';
import { windowSlotsBetween } from './windowSlots';

/**
 * Every slot instant s with from < s <= to, strictly increasing and distinct. Only the Eastern
 * dates the interval touches are looked at (windows never cross midnight), so a pacer can call
 * this every second; adjacent intervals split the slots exactly, so no slot is lost or repeated.
 */
export function planSlots(plan: PacingPlan, from: Date, to: Date): Date[] {
  const lo = from.getTime();
  const hi = to.getTime();
  if (hi <= lo) return [];
  const slots: number[] = [];
  // Plain loops rather than flat()/flatMap(), which cost microseconds each on a one-second tick.
  for (const date of campaignDates(plan, easternDate(from), easternDate(to))) {
    for (const window of dialingWindowsOn(plan, date)) {
      for (const slot of windowSlotsBetween(window, lo, hi)) slots.push(slot);
    }
  }
  // Windows are not stored in time order, so sort. Each window's slots are distinct and windows
  // apart in wall time stay apart in real time (see index.ts), but the API's rule against
  // overlapping windows is not the planner's to trust: repeats are dropped so nothing is dialed twice.
  slots.sort((a, b) => a - b);
  const instants: Date[] = [];
  for (let i = 0; i < slots.length; i++) if (i === 0 || slots[i] !== slots[i - 1]) instants.push(new Date(slots[i]));
  return instants;
}
