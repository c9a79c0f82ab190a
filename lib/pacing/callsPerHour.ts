import type { PacingProfile } from './types';

/** Calls per hour averaged over one full active + idle cycle (unrounded; the UI formats it). */
export function callsPerHour({ period, amountPerPeriod, timeBetweenPeriods }: PacingProfile): number {
  return (amountPerPeriod / (period + timeBetweenPeriods)) * 60;
}
