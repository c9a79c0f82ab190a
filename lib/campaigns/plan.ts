import type { PacingPlan } from '../pacing';
import { parseDays } from '../schedules';
import type { CampaignDetail } from './queries';

/** The pure planner's view of a campaign. */
export function pacingPlanOf(c: CampaignDetail): PacingPlan {
  return {
    startDate: c.startDate,
    endDate: c.endDate,
    days: parseDays(c.schedule.days),
    windows: c.windows.map((w) => ({
      startTime: w.startTime,
      endTime: w.endTime,
      profile: { period: w.period, amountPerPeriod: w.amountPerPeriod, timeBetweenPeriods: w.timeBetweenPeriods },
    })),
  };
}
