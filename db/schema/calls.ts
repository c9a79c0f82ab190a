import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CALL_OUTCOMES, CALL_STATUSES } from '../../lib/enums';
import { campaigns } from './campaigns';

/**
 * One phone-list entry of a campaign. Queue order is `id` order: rows are only ever appended,
 * and SQLite's AUTOINCREMENT never reuses or goes back.
 */
export const calls = sqliteTable(
  'calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    phoneNumber: text('phone_number').notNull(), // E.164
    ani: text('ani'), // E.164
    messageReference: text('message_reference'),
    status: text('status', { enum: CALL_STATUSES }).notNull().default('queued'),
    outcome: text('outcome', { enum: CALL_OUTCOMES }),
    attempt: integer('attempt').notNull().default(0),
    /** The slot this call was claimed for (the ideal dial instant). */
    slotAt: integer('slot_at', { mode: 'timestamp_ms' }),
    dialedAt: integer('dialed_at', { mode: 'timestamp_ms' }),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    durationSeconds: integer('duration_seconds'),
    /** The dialer's own id for the call (http adapter), to match status callbacks. */
    dialerRef: text('dialer_ref'),
    /** The pacer instance (pacer_instances.id) that claimed the call, to tell its live calls from a crashed one's. */
    claimedBy: text('claimed_by'),
  },
  (t) => [
    // A campaign calls each number once: re-adding a number is counted as a duplicate.
    uniqueIndex('calls_campaign_phone_uq').on(t.campaignId, t.phoneNumber),
    // The claim query walks queued calls of one campaign in id order.
    index('calls_campaign_status_id_idx').on(t.campaignId, t.status, t.id),
    // Only calls in progress are looked up by status alone (crash recovery, MAX_CONCURRENT_CALLS,
    // shutdown): a partial index keeps that lookup as cheap as before while a claim no longer
    // rewrites an index page for the queued entry it leaves — with a big queue, that page was a
    // third of the pages each claim dirtied.
    index('calls_dialing_idx').on(t.status).where(sql`status = 'dialing'`),
  ],
);
