import type { Weekday } from '@/lib/enums';

/** Every wall-clock time and calendar date in a plan is read in this zone. */
export const EASTERN = 'America/New_York';

/** A pace: `period` minutes active, then `timeBetweenPeriods` minutes idle, repeating. */
export interface PacingProfile {
  /** Minutes of each active period (≥ 1). */
  period: number;
  /** Calls spread evenly across each active period (≥ 1). */
  amountPerPeriod: number;
  /** Idle minutes after each active period (≥ 0). */
  timeBetweenPeriods: number;
}

/** A daily Eastern wall-clock window [startTime, endTime), both 'HH:MM', paced by `profile`. */
export interface PacingWindow {
  startTime: string;
  endTime: string;
  profile: PacingProfile;
}

/** When a campaign may dial: Eastern dates [startDate, endDate] ('YYYY-MM-DD'), on `days`, inside `windows`. */
export interface PacingPlan {
  startDate: string;
  endDate: string;
  days: readonly Weekday[];
  windows: readonly PacingWindow[];
}

/** One active period (with its slot count) or one idle gap of a window on one date. */
export interface PlannedStretch {
  kind: 'active' | 'idle';
  start: Date;
  end: Date;
  /** Index of the window in `PacingPlan.windows`. */
  windowIndex: number;
  /** Slots inside the stretch (always 0 for idle stretches). */
  slots: number;
}
