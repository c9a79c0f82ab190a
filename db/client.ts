import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

/** `DATABASE_URL` is `file:PATH` (or a bare path); relative paths are relative to the working directory. */
export function databasePath(url = process.env.DATABASE_URL ?? 'file:./data/callpace.db'): string {
  const p = url.startsWith('file:') ? url.slice('file:'.length) : url;
  return p === ':memory:' ? p : path.resolve(p);
}

/** Opens a database with the pragmas every connection needs and applies pending migrations. */
export function openDb(file = databasePath()): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Writers queue instead of failing with SQLITE_BUSY when a second process holds the lock.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

// Next loads this module twice per server process (instrumentation and route bundles): keeping
// the connection on globalThis gives one connection and one migration run per process.
const holder = globalThis as typeof globalThis & { __callpaceDb?: Db };

export function getDb(): Db {
  holder.__callpaceDb ??= openDb();
  return holder.__callpaceDb;
}

/**
 * Drops the cached connection so the next getDb() opens a new one. SQLite opens a file it cannot
 * write read-only, and such a connection stays read-only after the file becomes writable again:
 * lib/ops/db-guard calls this on SQLITE_READONLY/CANTOPEN/IOERR so the server recovers by itself.
 * The old connection is not closed (a caller may still hold it); it is released when unreferenced.
 */
export function forgetDb(): void {
  holder.__callpaceDb = undefined;
}
