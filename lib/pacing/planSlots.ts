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
  const perWindow: number[][] = [];
  for (const date of campaignDates(plan, easternDate(from), easternDate(to))) {
    for (const window of dialingWindowsOn(plan, date)) perWindow.push(windowSlotsBetween(window, lo, hi));
  }
  const slots = perWindow.flat();
  // Windows are not sorted by time and may overlap (the API forbids it, but the spring-forward
  // rule can create it): sort, then drop repeats so nothing is dialed twice.
  slots.sort((a, b) => a - b);
  return slots.filter((slot, i) => slot !== slots[i - 1]).map((slot) => new Date(slot));
}
