import { distinctSlotsWithin } from './cycle';
import { campaignDates, dialingWindowsOn, type DialingWindow } from './dialingWindows';
import { easternDate } from './easternDate';
import type { PacingPlan, PlannedStretch } from './types';
import { cycleStartAt } from './windowSlots';

/**
 * The active periods and idle gaps that intersect [from, to), ordered by start (then window).
 * Stretches keep their true bounds (not clipped to the interval); a window's closing cuts its last
 * stretch short. An active stretch counts its distinct slots.
 */
export function planStretches(plan: PacingPlan, from: Date, to: Date): PlannedStretch[] {
  const lo = from.getTime();
  const hi = to.getTime();
  if (hi <= lo) return [];
  const perWindow: PlannedStretch[][] = [];
  for (const date of campaignDates(plan, easternDate(from), easternDate(to))) {
    for (const window of dialingWindowsOn(plan, date)) perWindow.push(windowStretchesWithin(window, lo, hi));
  }
  return perWindow.flat().sort((a, b) => a.start.getTime() - b.start.getTime() || a.windowIndex - b.windowIndex);
}

function windowStretchesWithin(window: DialingWindow, lo: number, hi: number): PlannedStretch[] {
  const { cycle, windowIndex } = window;
  const stretches: PlannedStretch[] = [];
  const stop = Math.min(window.end, hi);
  for (let periodStart = cycleStartAt(window, lo); periodStart < stop; periodStart += cycle.cycleMs) {
    const activeEnd = Math.min(periodStart + cycle.periodMs, window.end);
    const idleEnd = Math.min(periodStart + cycle.cycleMs, window.end);
    if (activeEnd > lo) {
      const slots = distinctSlotsWithin(cycle, activeEnd - periodStart);
      stretches.push({ kind: 'active', start: new Date(periodStart), end: new Date(activeEnd), windowIndex, slots });
    }
    if (idleEnd > activeEnd && idleEnd > lo && activeEnd < hi) {
      stretches.push({ kind: 'idle', start: new Date(activeEnd), end: new Date(idleEnd), windowIndex, slots: 0 });
    }
  }
  return stretches;
}
