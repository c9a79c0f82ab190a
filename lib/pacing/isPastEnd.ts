import { easternDate } from './easternDate';
import type { PacingPlan } from './types';

/** True once `now` is on an Eastern date after the campaign's endDate. */
export function isPastEnd(plan: Pick<PacingPlan, 'endDate'>, now: Date): boolean {
  return easternDate(now) > plan.endDate;
}
