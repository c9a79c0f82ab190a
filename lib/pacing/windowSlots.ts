import { firstSlotIndexAfter, slotOffset } from './cycle';
import type { DialingWindow } from './dialingWindows';

/** Start (ms) of the window's cycle that contains `t`, or of its first cycle when `t` precedes it. */
export function cycleStartAt(window: DialingWindow, t: number): number {
  const index = Math.max(0, Math.floor((t - window.start) / window.cycle.cycleMs));
  return window.start + index * window.cycle.cycleMs;
}

/** The window's slot instants s (ms) with from < s <= to, strictly increasing. */
export function windowSlotsBetween(window: DialingWindow, from: number, to: number): number[] {
  const { cycle } = window;
  const last = Math.min(to, window.end - 1);
  const slots: number[] = [];
  for (let periodStart = cycleStartAt(window, from); periodStart <= last; periodStart += cycle.cycleMs) {
    for (let k = firstSlotIndexAfter(cycle, from - periodStart); k < cycle.amount; k++) {
      const slot = periodStart + slotOffset(cycle, k);
      if (slot > last) break;
      if (slot !== slots.at(-1)) slots.push(slot);
    }
  }
  return slots;
}

/** The window's first slot instant (ms) after `t`, or null when the window has none left. */
export function firstWindowSlotAfter(window: DialingWindow, t: number): number | null {
  const { cycle } = window;
  // Runs at most twice: the cycle holding `t`, then the next one, whose first slot is its start.
  for (let periodStart = cycleStartAt(window, t); periodStart < window.end; periodStart += cycle.cycleMs) {
    const k = firstSlotIndexAfter(cycle, t - periodStart);
    if (k < cycle.amount) {
      const slot = periodStart + slotOffset(cycle, k);
      return slot < window.end ? slot : null;
    }
  }
  return null;
}
