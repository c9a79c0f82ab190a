/** Small builders for readable unit tests. */
import { WEEKDAYS } from '@/lib/enums';
import type { PacingPlan, PacingProfile, PacingWindow } from '../types';

export function profile(period: number, amountPerPeriod: number, timeBetweenPeriods: number): PacingProfile {
  return { period, amountPerPeriod, timeBetweenPeriods };
}

export function window(startTime: string, endTime: string, pace: PacingProfile): PacingWindow {
  return { startTime, endTime, profile: pace };
}

/** A plan dialing every day of 2026 unless overridden. */
export function plan(windows: readonly PacingWindow[], overrides: Partial<PacingPlan> = {}): PacingPlan {
  return { startDate: '2026-01-01', endDate: '2026-12-31', days: WEEKDAYS, windows, ...overrides };
}

/** An Eastern daylight-time instant: edt('2026-06-01T09:00'). */
export const edt = (local: string) => new Date(`${local}-04:00`);
/** An Eastern standard-time instant: est('2026-01-05T09:00'). */
export const est = (local: string) => new Date(`${local}-05:00`);
