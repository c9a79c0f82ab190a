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
  const windows: DialingWindow[] = [];
  if (date < plan.startDate || date > plan.endDate || !plan.days.includes(weekdayOf(date))) return windows;
  const instantOf = wallTimeResolver(date);
  // A plain loop: Array.prototype.flatMap costs microseconds even on three windows, and the pacer
  // runs this for every running campaign every second.
  for (let windowIndex = 0; windowIndex < plan.windows.length; windowIndex++) {
    const window = plan.windows[windowIndex];
    const start = instantOf(window.startTime);
    const end = instantOf(window.endTime);
    // Only on the spring-forward date can two different wall times resolve to one instant: a window
    // inside the gap (02:15–02:45 on 2026-03-08) starts and ends at the transition, empty that day.
    if (end > start) windows.push({ windowIndex, cycle: cycleOf(window.profile), start, end });
  }
  return windows;
}
