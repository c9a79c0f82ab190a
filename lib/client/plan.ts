import { fromZonedTime } from 'date-fns-tz';
import { WEEKDAYS, type Weekday } from '../enums';
import { EASTERN, easternDate, type PacingPlan } from '../pacing';
import { wireDateOnly } from './format';
import type { Campaign, Profile, Schedule } from './types';

/**
 * The pure planner's plan of a campaign, built in the browser from the API's GET replies (the
 * same data lib/campaigns/plan.ts reads on the server). Null while a piece is missing.
 */
export function planOf(campaign: Campaign, profiles: Profile[] | undefined, schedules: Schedule[] | undefined): PacingPlan | null {
  const schedule = schedules?.find((s) => s.schedule_id === campaign.schedule_id);
  if (!schedule || !profiles) return null;
  const byId = new Map(profiles.map((p) => [p.profile_id, p]));
  const windows = [];
  for (const w of campaign.profiles) {
    const p = byId.get(w.profile_id);
    if (!p) return null;
    windows.push({
      startTime: w.start_time,
      endTime: w.end_time,
      profile: { period: p.period, amountPerPeriod: p.amount_per_period, timeBetweenPeriods: p.time_between_periods },
    });
  }
  return { startDate: wireDateOnly(campaign.start_date), endDate: wireDateOnly(campaign.end_date), days: schedule.days, windows };
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
}

/**
 * The instant of an Eastern wall time, for display. (America/New_York changes its clocks at 02:00,
 * so midnights always exist; a window edge inside a DST gap is only shown, never planned, here —
 * planning is lib/pacing's job.)
 */
export function easternInstant(date: string, time: string): number {
  return fromZonedTime(`${date}T${time}:00`, EASTERN).getTime();
}

export interface TimelineDay {
  date: string;
  /** Instants of the Eastern midnights that bound the date (23, 24 or 25 hours apart). */
  start: number;
  end: number;
  dialing: boolean;
  reason: string | null;
}

/**
 * The seven Eastern dates the timeline shows: from today while the campaign is current, from its
 * start date before it begins, its last week after it ends.
 */
export function timelineDays(plan: PacingPlan, now: Date, count = 7): TimelineDay[] {
  const today = easternDate(now);
  let first = today;
  if (today < plan.startDate) first = plan.startDate;
  else if (today > plan.endDate) first = addDays(plan.endDate, -(count - 1)) < plan.startDate ? plan.startDate : addDays(plan.endDate, -(count - 1));
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(first, i);
    const inRange = date >= plan.startDate && date <= plan.endDate;
    const onSchedule = plan.days.includes(weekdayOf(date));
    return {
      date,
      start: easternInstant(date, '00:00'),
      end: easternInstant(addDays(date, 1), '00:00'),
      dialing: inRange && onSchedule,
      reason: !inRange ? 'outside the campaign’s dates' : !onSchedule ? 'not a schedule day' : null,
    };
  });
}
