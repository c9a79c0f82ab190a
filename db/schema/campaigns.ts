import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CAMPAIGN_STATUSES } from '../../lib/enums';
import { accounts } from './accounts';
import { profiles } from './profiles';
import { schedules } from './schedules';

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    /** RESTRICT: a schedule in use cannot be deleted (the API answers 409 before this fires). */
    scheduleId: integer('schedule_id').notNull().references(() => schedules.id, { onDelete: 'restrict' }),
    startDate: text('start_date').notNull(), // YYYY-MM-DD, Eastern calendar date
    endDate: text('end_date').notNull(),
    startUrl: text('start_url').notNull(),
    resultUrl: text('result_url'),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('stopped'),
    /**
     * The pacer's cursor: the instant of the last slot it consumed. Slots at or before it are
     * never used again, which is what makes a missed slot stay missed.
     */
    pacedThrough: integer('paced_through', { mode: 'timestamp_ms' }),
    /**
     * Call counts, kept exact by database triggers on calls (status/outcome changes, deletes) and
     * by lib/calls/ingest (which bumps total and queued per inserted batch), so that listing
     * campaigns never scans their calls.
     */
    callsTotal: integer('calls_total').notNull().default(0),
    callsQueued: integer('calls_queued').notNull().default(0),
    callsDialing: integer('calls_dialing').notNull().default(0),
    callsCompleted: integer('calls_completed').notNull().default(0),
    callsInterrupted: integer('calls_interrupted').notNull().default(0),
    outcomeAnswered: integer('outcome_answered').notNull().default(0),
    outcomeBusy: integer('outcome_busy').notNull().default(0),
    outcomeNoAnswer: integer('outcome_no_answer').notNull().default(0),
    outcomeFailed: integer('outcome_failed').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('campaigns_account_idx').on(t.accountId), index('campaigns_status_idx').on(t.status), index('campaigns_schedule_idx').on(t.scheduleId)],
);

/** A campaign's profile windows: profile + Eastern wall-clock [start_time, end_time). */
export const campaignProfiles = sqliteTable(
  'campaign_profiles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    profileId: integer('profile_id').notNull().references(() => profiles.id, { onDelete: 'restrict' }),
    startTime: text('start_time').notNull(), // HH:MM
    endTime: text('end_time').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('campaign_profiles_campaign_idx').on(t.campaignId), index('campaign_profiles_profile_idx').on(t.profileId)],
);
