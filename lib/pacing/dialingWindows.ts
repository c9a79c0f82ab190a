import { datesFromTo, weekdayOf } from './calendar';
import { cycleOf, type Cycle } from './cycle';
import { wallTimeResolver } from './easternClock';
import type { PacingPlan } from './types';

/** One campaign window on one Eastern date, resolved to real instants (ms): [start, end). */
export interface DialingWindow {
  windowIndex: number;
  cycle: Cycle;
  start: number;
  end: number;
}

/** The Eastern dates from `first` to `last` (inclusive) that lie inside the campaign's dates. */
export function campaignDates(plan: PacingPlan, first: string, last: string): Generator<string> {
  return datesFromTo(first > plan.startDate ? first : plan.startDate, last < plan.endDate ? last : plan.endDate);
}

/** The plan's windows on `date`, or none when the campaign does not dial that date. */
export function dialingWindowsOn(plan: PacingPlan, date: string): DialingWindow[] {
  if (date < plan.startDate || date > plan.endDate || !plan.days.includes(weekdayOf(date))) return [];
  const instantOf = wallTimeResolver(date);
  return plan.windows.flatMap((window, windowIndex) => {
    const start = instantOf(window.startTime);
    const end = instantOf(window.endTime);
    // On the spring-forward date a window that starts inside the gap (02:30 → 03:30 EDT) can
    // resolve past its own end (03:15 EDT); it is empty that day.
    return end > start ? [{ windowIndex, cycle: cycleOf(window.profile), start, end }] : [];
  });
}
