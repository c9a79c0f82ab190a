import { describe, expect, it } from 'vitest';
import { planOf, timelineDays } from './plan';
import type { Campaign } from './types';

const campaign = {
  campaign_id: 1,
  start_date: '2026-03-06 00:00:00',
  end_date: '2026-03-20 00:00:00',
  schedule_id: 7,
  profiles: [{ profile_id: 3, nickname: 'p', start_time: '09:00', end_time: '17:00' }],
} as unknown as Campaign;
const profiles = [{ profile_id: 3, nickname: 'p', period: 30, amount_per_period: 100, time_between_periods: 10 }];
const schedules = [{ schedule_id: 7, nickname: 's', days: ['mon' as const, 'sat' as const, 'sun' as const] }];

describe('planOf', () => {
  it('builds the planner’s plan from the API replies', () => {
    expect(planOf(campaign, profiles, schedules)).toEqual({
      startDate: '2026-03-06',
      endDate: '2026-03-20',
      days: ['mon', 'sat', 'sun'],
      windows: [{ startTime: '09:00', endTime: '17:00', profile: { period: 30, amountPerPeriod: 100, timeBetweenPeriods: 10 } }],
    });
  });
  it('is null while the schedule or a profile is missing', () => {
    expect(planOf(campaign, undefined, schedules)).toBeNull();
    expect(planOf(campaign, profiles, [])).toBeNull();
  });
});

describe('timelineDays', () => {
  const plan = planOf(campaign, profiles, schedules)!;
  it('shows the week from today, with Eastern midnights (a 23-hour day at spring forward)', () => {
    const days = timelineDays(plan, new Date('2026-03-07T15:00:00Z'));
    expect(days.map((d) => d.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect(days.map((d) => d.dialing)).toEqual([true, true, true, false, false, false, false]);
    expect(days[3].reason).toBe('not a schedule day');
    expect((days[1].end - days[1].start) / 3_600_000).toBe(23);
    expect((days[0].end - days[0].start) / 3_600_000).toBe(24);
  });
  it('starts at the start date before the campaign begins, and shows its last week after it ends', () => {
    expect(timelineDays(plan, new Date('2026-01-01T12:00:00Z'))[0].date).toBe('2026-03-06');
    const after = timelineDays(plan, new Date('2026-05-01T12:00:00Z'));
    expect(after[6].date).toBe('2026-03-20');
    expect(after[0].reason).toBeNull();
  });
});
