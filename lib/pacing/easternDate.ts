import { easternWallClockAt } from './easternClock';

/** The Eastern calendar date ('YYYY-MM-DD') of instant `t`. */
export function easternDate(t: Date): string {
  return new Date(easternWallClockAt(t.getTime())).toISOString().slice(0, 10);
}
