import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/client';
import { logger } from '../log';

// Runs in a worker thread with its own connection. Plain CommonJS source: it is not bundled,
// and better-sqlite3 is resolved from the project root, like db/client's migrations folder.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(require.resolve('better-sqlite3', { paths: [workerData.root] }));
const db = new Database(workerData.file, { fileMustExist: true });
setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
`;

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * Moves WAL checkpoints off the pacer's thread. SQLite normally checkpoints inside whichever
 * commit pushes the WAL past 1,000 pages, and a checkpoint fsyncs the database file: with a big
 * queue every claim dirties pages of its own, so nearly every claim transaction paid for one —
 * tick cost grew with queue size and slot timers fired late. Here the connection's automatic
 * checkpoints are off and a worker thread runs a PASSIVE checkpoint (never blocks writers) every
 * `everyMs`. If the worker dies, automatic checkpoints come back. No-op for :memory: databases.
 */
export function startCheckpointer(db: Db, file: string, everyMs = 1_000): void {
  if (file === ':memory:') return;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, root: process.cwd(), everyMs } });
  } catch (err) {
    logger.warn({ err }, 'WAL checkpoint worker unavailable; SQLite checkpoints inline');
    return;
  }
  db.$client.pragma('wal_autocheckpoint = 0');
  const restore = () => {
    try {
      db.$client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    } catch {
      /* the connection was replaced; new ones checkpoint automatically */
    }
  };
  worker.on('error', (err) => {
    logger.error({ err }, 'WAL checkpoint worker failed; SQLite checkpoints inline again');
    restore();
  });
  worker.on('exit', restore);
  // The worker ends with the process; it must not keep it alive.
  worker.unref();
}
