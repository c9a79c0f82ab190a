import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DELIVERY_STATUSES } from '../../lib/enums';
import { calls } from './calls';
import { campaigns } from './campaigns';

/** The outbox of call results to POST to a campaign's result_url. Its id is the stable delivery id. */
export const resultDeliveries = sqliteTable(
  'result_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    callId: integer('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    payload: text('payload').notNull(), // JSON body, fixed when the call ended
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    lastStatusCode: integer('last_status_code'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('result_deliveries_call_uq').on(t.callId),
    index('result_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('result_deliveries_campaign_idx').on(t.campaignId),
  ],
);
