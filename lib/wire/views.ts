import type { CampaignDetail } from '../campaigns/queries';
import { pacingPlanOf } from '../campaigns/plan';
import { nextSlotAfter } from '../pacing';
import type { ProfileRow } from '../profiles';
import { parseDays, type ScheduleRow } from '../schedules';

/** Wire shapes of the reference's GET replies, plus additive fields (never renamed or retyped). */

export function scheduleView(s: ScheduleRow) {
  return { schedule_id: s.id, nickname: s.nickname, days: parseDays(s.days) };
}

export function profileView(p: ProfileRow) {
  return {
    profile_id: p.id,
    nickname: p.nickname,
    period: p.period,
    amount_per_period: p.amountPerPeriod,
    time_between_periods: p.timeBetweenPeriods,
  };
}

/** The reference shows dates as "2022-01-01 00:00:00". */
const wireDate = (d: string) => `${d} 00:00:00`;

export function campaignView(c: CampaignDetail, now: Date) {
  const dialable = c.status === 'running' && c.callsQueued > 0;
  const next = dialable ? nextSlotAfter(pacingPlanOf(c), now) : null;
  return {
    campaign_id: c.id,
    start_date: wireDate(c.startDate),
    end_date: wireDate(c.endDate),
    start_url: c.startUrl,
    result_url: c.resultUrl,
    // The schedule's current nickname, however the campaign named it; its id when it has none.
    schedule_nickname: c.schedule.nickname ?? String(c.schedule.id),
    profiles: c.windows.map((w) => ({ profile_id: w.profileId, nickname: w.nickname, start_time: w.startTime, end_time: w.endTime })),
    schedule_id: c.schedule.id,
    status: c.status,
    next_dial_at: next?.toISOString() ?? null,
    calls: {
      total: c.callsTotal,
      queued: c.callsQueued,
      dialing: c.callsDialing,
      completed: c.callsCompleted,
      interrupted: c.callsInterrupted,
    },
    outcomes: { answered: c.outcomeAnswered, busy: c.outcomeBusy, 'no-answer': c.outcomeNoAnswer, failed: c.outcomeFailed },
  };
}
