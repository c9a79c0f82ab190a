/**
 * The ingest worker thread: runs one job (ingest-job.ts) on its own connection to the
 * server's database file and posts the outcome. Started by ./index.ts; under `next build`
 * Turbopack bundles this file as a worker entry (it sees `new Worker(new URL(...))`).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../../../db/client';
import * as schema from '../../../db/schema';
import { runIngestJob, type IngestJob } from './ingest-job';
import { serializeError, type WorkerMessage } from './worker-messages';

/**
 * Waits this long for the write lock: off the main thread, waiting is harmless, and a big
 * upload should not fail because the pacer or another request writes at that moment.
 */
const BUSY_TIMEOUT_MS = 30_000;

/** The pragmas of db/client.ts's openDb, without re-running migrations (the server did). */
function openConnection(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as Db;
}

async function main(): Promise<void> {
  const { dbFile, job } = workerData as { dbFile: string; job: IngestJob };
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  const db = openConnection(dbFile);
  try {
    const outcome = await runIngestJob(db, job, () => post({ type: 'writing' }));
    post({ type: 'done', outcome });
  } catch (error) {
    post({ type: 'failed', error: serializeError(error) });
  } finally {
    db.$client.close();
  }
}

void main();
