import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';

/** Weekdays a campaign may dial. `days` is a comma-separated list in mon..sun order. */
export const schedules = sqliteTable(
  'schedules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    nickname: text('nickname'),
    days: text('days').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  // NULL nicknames do not collide in SQLite unique indexes, so unnamed schedules are fine.
  (t) => [uniqueIndex('schedules_account_nickname_uq').on(t.accountId, t.nickname)],
);
