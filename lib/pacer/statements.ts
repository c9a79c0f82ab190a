import type Database from 'better-sqlite3';
import type { Db } from '../../db/client';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection: the pacer runs the same few statements
 * thousands of times a second, and compiling one costs more than running it.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db.$client);
  if (!statements) cache.set(db.$client, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.$client.prepare(sql)));
  return statement;
}
