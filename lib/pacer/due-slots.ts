import type { Db } from '../../db/client';
import type { Weekday } from '../enums';
import type { PacingPlan, PacingWindow } from '../pacing';
import { parseDays } from '../schedules';
import type { CampaignSlots } from './claim-slots';
import type { SlotCache } from './slot-cache';
import { prepared } from './statements';

export interface DueSlotsQuery {
  now: Date;
  /** Plan slots up to this instant (ms): `now` for a tick that dials at once, later to look ahead. */
  until: number;
  /** Slots older than now - graceMs are skipped, never made up. */
  graceMs: number;
  /** A per-campaign lower bound (ms), e.g. the process start or what is already on a timer. */
  notBefore?: (campaignId: number) => number;
  cache: SlotCache;
}

interface PlanRow {
  id: number;
  start_url: string;
  paced_through: number | null;
  start_date: string;
  end_date: string;
  days: string;
  start_time: string;
  end_time: string;
  period: number;
  amount_per_period: number;
  time_between_periods: number;
}

/**
 * Every running campaign with queued calls, with its plan, in one query (campaigns_status_idx).
 * This is the same plan lib/campaigns' loadCampaignDetails + pacingPlanOf build, read with one
 * bare statement because the pacer reads it every second for every running campaign and the
 * query builder's overhead was most of a tick. Profiles are re-read each tick, so a profile
 * edited through the API paces running campaigns from the next tick on.
 */
function runningPlans(db: Db): Array<{ id: number; startUrl: string; pacedThrough: number | null; plan: PacingPlan; key: string }> {
  const rows = prepared(
    db,
    `SELECT c.id, c.start_url, c.paced_through, c.start_date, c.end_date, s.days,
            w.start_time, w.end_time, p.period, p.amount_per_period, p.time_between_periods
     FROM campaigns c
     JOIN schedules s ON s.id = c.schedule_id
     JOIN campaign_profiles w ON w.campaign_id = c.id
     JOIN profiles p ON p.id = w.profile_id
     WHERE c.status = 'running' AND c.calls_queued > 0
     ORDER BY c.id, w.position`,
  ).all() as PlanRow[];
  const out: ReturnType<typeof runningPlans> = [];
  for (const r of rows) {
    const window: PacingWindow = {
      startTime: r.start_time,
      endTime: r.end_time,
      profile: { period: r.period, amountPerPeriod: r.amount_per_period, timeBetweenPeriods: r.time_between_periods },
    };
    const windowKey = `${r.start_time}-${r.end_time}/${r.period}/${r.amount_per_period}/${r.time_between_periods}`;
    const last = out[out.length - 1];
    if (last?.id === r.id) {
      (last.plan.windows as PacingWindow[]).push(window);
      last.key += `,${windowKey}`;
    } else {
      const days: Weekday[] = parseDays(r.days);
      out.push({
        id: r.id,
        startUrl: r.start_url,
        pacedThrough: r.paced_through,
        plan: { startDate: r.start_date, endDate: r.end_date, days, windows: [window] },
        key: `${r.start_date}/${r.end_date}/${r.days}|${windowKey}`,
      });
    }
  }
  return out;
}

/**
 * The slots of every running campaign with queued calls in (from, until], where from is the
 * latest of its paced_through (slots already used), now - grace, and `notBefore`. The work is
 * per running campaign and per slot, never per queued call. Campaigns with nothing due are
 * returned with no slots, so a caller knows which campaigns it looked at.
 */
export function dueSlots(db: Db, q: DueSlotsQuery): CampaignSlots[] {
  const campaigns = runningPlans(db);
  q.cache.retainOnly(new Set(campaigns.map((c) => c.id)));
  const floor = q.now.getTime() - q.graceMs;
  return campaigns.map((c) => {
    const from = Math.max(c.pacedThrough ?? -Infinity, floor, q.notBefore?.(c.id) ?? -Infinity);
    return { campaignId: c.id, startUrl: c.startUrl, slots: q.cache.slotsBetween(c.id, c.plan, c.key, from, q.until) };
  });
}
