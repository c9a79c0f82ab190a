import { logger } from '../../log';

/**
 * Whether an ingest worker holds (or is taking) SQLite's write lock for a bulk insert, for the
 * main thread's writers: lib/ops/db-guard shortens the main connection's busy_timeout meanwhile
 * (a write then fails fast with 503 instead of freezing the event loop), and lib/wire/route
 * lets write requests wait for the end asynchronously first. A small module of its own so those
 * can watch it without loading the ingest pipeline.
 */
interface BulkInsertState {
  /** Workers inside their insert transaction (or waiting for its lock). */
  writing: number;
  listeners: Set<(running: boolean) => void>;
}

// On globalThis: Next loads modules once for instrumentation and once for routes.
const holder = globalThis as typeof globalThis & { __callpaceBulkInsert?: BulkInsertState };
function state(): BulkInsertState {
  holder.__callpaceBulkInsert ??= { writing: 0, listeners: new Set() };
  return holder.__callpaceBulkInsert;
}

/** Whether an ingest worker is writing (or about to): main-thread writes would wait for it. */
export function bulkInsertRunning(): boolean {
  return state().writing > 0;
}

/**
 * Calls `listener(true)` when an ingest worker starts its insert transaction and
 * `listener(false)` when none is writing any more; returns the unsubscribe function.
 */
export function onBulkInsertChange(listener: (running: boolean) => void): () => void {
  const { listeners } = state();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves when no bulk insert is running (at once if none is), or after `maxMs` regardless. */
export function waitForBulkInsertEnd(maxMs: number): Promise<void> {
  if (!bulkInsertRunning()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    const unsubscribe = onBulkInsertChange((running) => {
      if (!running) done();
    });
  });
}

/** Counts a worker into (+1) or out of (-1) its insert transaction; tells listeners on a change. */
export function setBulkInsertWriting(delta: 1 | -1): void {
  const s = state();
  const before = s.writing > 0;
  s.writing += delta;
  const after = s.writing > 0;
  if (before === after) return;
  for (const listener of [...s.listeners]) {
    try {
      listener(after);
    } catch (error) {
      logger.error({ err: error }, 'bulk insert listener failed');
    }
  }
}
