/**
 * Ingest of phone lists (Create Campaign, Add Calls): a million-entry upload validated and stored
 * all or nothing, in bounded memory, at close to the speed of a bare INSERT loop, while the
 * server keeps answering requests. `npm run bench:ingest` measures it.
 *
 * Design:
 * - The upload is already spooled to a temp file by lib/wire/decode.ts. Big lists (a file over
 *   INLINE_MAX_FILE_BYTES, or over INLINE_MAX_ENTRIES inline entries) are ingested by a worker
 *   thread (ingest-worker.ts) with its own better-sqlite3 connection to the same WAL database,
 *   so parsing a million lines (~2 s here) and inserting them (~7-14 s here, the bare insert
 *   time) never run on the main thread's event loop. Small lists run on the caller's thread (a
 *   worker costs ~50 ms to start), except while a worker is writing: then they queue for the
 *   worker too, rather than wait for the write lock on the main thread.
 * - Two phases (ingest-job.ts). Phase 1 streams the file through the parsers (lib/phones: the
 *   CSV and entry-line fast paths, the phone-number fast path) and writes valid calls to a spill
 *   file (call-spill.ts), holding one batch in memory; an invalid entry stops the spilling, and
 *   parsing goes on only to collect the first 100 errors and count the rest. Phase 2 runs only
 *   for a fully valid list: one BEGIN IMMEDIATE … COMMIT that creates the campaign (for Create
 *   Campaign), inserts the calls in file order (INSERT OR IGNORE: duplicates skipped and
 *   counted) and bumps the campaign's counters (lib/calls/insert-calls.ts).
 * - Why not overlap parsing with inserting in one transaction: the write lock would then be held
 *   for the parse too, and an invalid line at the end of a big file would hold it for nothing.
 *   Two phases hold it only for the inserts, an invalid list never takes it, and nothing is
 *   half-stored. The cost is that parsing and inserting run one after the other (~2 s more for a
 *   million entries here), which the ratio target allows.
 * - One ingest worker at a time (a queue): SQLite has one writer anyway, and the machine two
 *   cores, one of which the main thread needs.
 * - The write lock is held for the whole insert. A writer on the main thread would wait for it
 *   synchronously (better-sqlite3), freezing the event loop, so while a worker writes
 *   (bulk-insert.ts tells when): write requests first wait for the end asynchronously, up to
 *   2 s (lib/wire/route.ts); the main connection's busy_timeout is 100 ms (lib/ops/db-guard),
 *   so a write that still meets the lock answers 503 + Retry-After at once; a token's
 *   last-used time is not recorded; the health probe skips its write check.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from '../../../db/client';
import { ValidationError } from '../../errors';
import { logger } from '../../log';
import { startTsWorker } from '../../ts-worker';
import type { AddedCalls } from '../insert-calls';
import { runIngestJob, type IngestJob, type IngestOutcome, type IngestTarget, type PhoneListSource } from './ingest-job';
import { bulkInsertRunning, setBulkInsertWriting } from './bulk-insert';
import { reviveError, type WorkerMessage } from './worker-messages';

export { bulkInsertRunning, onBulkInsertChange, waitForBulkInsertEnd } from './bulk-insert';
export { MAX_REPORTED_ERRORS, type IngestTarget, type PhoneListSource } from './ingest-job';

/** Files up to this size are ingested on the caller's thread (~6,000 lines, a few ms). */
export const INLINE_MAX_FILE_BYTES = 256 * 1024;
/** Inline entries (a JSON array or lines in a field) up to this count, likewise. */
export const INLINE_MAX_ENTRIES = 5_000;

interface IngestQueue {
  /** The previous worker job, to run them one at a time. */
  queue: Promise<unknown>;
}

// On globalThis: Next loads modules once for instrumentation and once for routes.
const holder = globalThis as typeof globalThis & { __callpaceIngestQueue?: IngestQueue };
function state(): IngestQueue {
  holder.__callpaceIngestQueue ??= { queue: Promise.resolve() };
  return holder.__callpaceIngestQueue;
}

/**
 * Validates `source` and stores it into `target` (with the campaign itself for `create`): all or
 * nothing. An invalid list throws a ValidationError for `phone_numbers` naming the first 100 bad
 * entries and counting the rest; duplicates are skipped and counted.
 */
export async function ingestPhoneList(
  db: Db,
  target: IngestTarget,
  source: PhoneListSource | null,
): Promise<{ id?: number } & AddedCalls> {
  // While a worker holds the write lock, even a small job goes to the worker queue: on this
  // thread its transaction would wait for the lock synchronously, freezing the event loop.
  const inWorker = !db.$client.memory && ((source !== null && isBig(source)) || bulkInsertRunning());
  const job: IngestJob = { target, source, spill: inWorker ? 'file' : 'memory' };
  const outcome = inWorker ? await runInWorker(db.$client.name, job) : await runIngestJob(db, job);
  if (source !== null) {
    const { validateMs, storeMs } = outcome.timings;
    logger.info(
      {
        kind: target.kind,
        inWorker,
        ...(source.kind === 'file' ? { bytes: source.size } : { entries: source.entries.length }),
        ...(outcome.status === 'stored' ? { added: outcome.added, duplicates: outcome.duplicates } : { invalid: true }),
        validateMs: Math.round(validateMs),
        storeMs: Math.round(storeMs),
      },
      'phone list ingested',
    );
  }
  if (outcome.status === 'invalid') throw new ValidationError({ phone_numbers: outcome.messages });
  const { status: _status, timings: _timings, ...stored } = outcome;
  return stored;
}

function isBig(source: PhoneListSource): boolean {
  return source.kind === 'file' ? source.size > INLINE_MAX_FILE_BYTES : source.entries.length > INLINE_MAX_ENTRIES;
}

function runInWorker(dbFile: string, job: IngestJob): Promise<IngestOutcome> {
  const s = state();
  const run = s.queue.then(() => workerRun(dbFile, job));
  s.queue = run.catch(() => undefined);
  return run;
}

function workerRun(dbFile: string, job: IngestJob): Promise<IngestOutcome> {
  return new Promise((resolve, reject) => {
    let writing = false;
    let settled = false;
    const settle = () => {
      settled = true;
      if (writing) setBulkInsertWriting(-1);
      writing = false;
    };
    const worker = startWorker({ dbFile, job });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'writing') {
        if (!writing) setBulkInsertWriting(1);
        writing = true;
      } else if (message.type === 'done') {
        settle();
        resolve(message.outcome);
      } else {
        settle();
        reject(reviveError(message.error));
      }
    });
    worker.on('error', (error) => {
      if (settled) return;
      settle();
      reject(error);
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settle();
      reject(new Error(`ingest worker exited (code ${code}) without an answer`));
    });
  });
}

function startWorker(workerData: { dbFile: string; job: IngestJob }): Worker {
  // Under Next (build, start, dev) Turbopack bundles the worker from this exact expression.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./ingest-worker.ts', import.meta.url), { workerData });
  return startTsWorker('lib/calls/ingest/ingest-worker.ts', { workerData });
}
