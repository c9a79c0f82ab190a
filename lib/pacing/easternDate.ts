import { dateOfDayNumber } from './calendar';
import { easternWallClockAt } from './easternClock';

const DAY_MS = 86_400_000;

/** The Eastern calendar date ('YYYY-MM-DD') of instant `t`. */
export function easternDate(t: Date): string {
  return dateOfDayNumber(Math.floor(easternWallClockAt(t.getTime()) / DAY_MS));
}
