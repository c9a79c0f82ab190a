import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';

/** Pacing: `amountPerPeriod` calls in each `period` minutes, then `timeBetweenPeriods` minutes idle. */
export const profiles = sqliteTable(
  'profiles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    nickname: text('nickname'),
    period: integer('period').notNull(),
    amountPerPeriod: integer('amount_per_period').notNull(),
    timeBetweenPeriods: integer('time_between_periods').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex('profiles_account_nickname_uq').on(t.accountId, t.nickname)],
);
