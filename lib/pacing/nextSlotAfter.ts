import { addDays } from './calendar';
import { campaignDates, dialingWindowsOn } from './dialingWindows';
import { easternDate } from './easternDate';
import type { PacingPlan } from './types';
import { firstWindowSlotAfter } from './windowSlots';

/**
 * How far ahead to look. A dialing weekday recurs within 7 days, so a plan with any slot has one
 * well inside this; the cap only bounds the work for plans that never dial (no days, empty windows).
 */
const SEARCH_DAYS = 400;

/** The first slot instant strictly after `after`, or null when the campaign has none left. */
export function nextSlotAfter(plan: PacingPlan, after: Date): Date | null {
  const t = after.getTime();
  const today = easternDate(after);
  const first = today > plan.startDate ? today : plan.startDate;
  for (const date of campaignDates(plan, first, addDays(first, SEARCH_DAYS - 1))) {
    // A date's windows all end before the next date begins, so the first date with a slot wins.
    let next: number | null = null;
    for (const window of dialingWindowsOn(plan, date)) {
      const slot = firstWindowSlotAfter(window, t);
      if (slot !== null && (next === null || slot < next)) next = slot;
    }
    if (next !== null) return new Date(next);
  }
  return null;
}
