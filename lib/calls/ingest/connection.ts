import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../../db/client';
import * as schema from '../../../db/schema';

/**
 * How long the ingest worker waits for the write lock: off the main thread waiting is harmless,
 * and a big upload should not fail because the pacer or another request writes at that moment.
 */
const BUSY_TIMEOUT_MS = 30_000;

/**
 * Page cache of the ingest connection, in KiB. The unique index calls(campaign_id, phone_number)
 * takes a list's inserts in list order, i.e. at random places within the campaign's part of the
 * index: with the default 2 MB cache SQLite keeps evicting and re-reading those pages
 * mid-transaction. 32 MB holds that part for about a million calls (~20 bytes an entry); on this
 * (noisy) machine it made a million-row insert 10-35% faster, for at most 32 MB of RSS while the
 * job runs (64 MB gained little more). Freed when the job's connection closes.
 */
export const INGEST_CACHE_KIB = 32 * 1024;

/**
 * The ingest worker's own connection to the server's database file: the pragmas of
 * db/client.ts's openDb (WAL, foreign keys, synchronous NORMAL), without re-running migrations
 * (the server did at start), plus the two settings above.
 */
export function openIngestConnection(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`cache_size = -${INGEST_CACHE_KIB}`);
  return drizzle(sqlite, { schema }) as Db;
}
