import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Server processes running a pacer against this database. A call in `dialing` names the instance
 * that claimed it (calls.claimed_by); when that instance stops heart-beating (or its process is
 * gone), another instance resolves its calls — so a second process starting never mistakes a
 * live peer's calls for crash leftovers.
 */
export const pacerInstances = sqliteTable('pacer_instances', {
  id: text('id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  heartbeatAt: integer('heartbeat_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Secrets the server generates for itself on first use (e.g. the dialer callback key), shared by all its processes. */
export const serverSecrets = sqliteTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});
