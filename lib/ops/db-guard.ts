import { forgetDb, getDb, type Db } from '../../db/client';
import { bulkInsertRunning, onBulkInsertChange } from '../calls/ingest/bulk-insert';
import { logger } from '../log';

/**
 * Keeps the server useful while its database file is locked by another process or unwritable,
 * and lets it recover by itself when that clears:
 *
 * - SQLITE_BUSY/LOCKED: another process holds the write lock longer than busy_timeout (5 s).
 *   better-sqlite3 waits synchronously, so every waiting write freezes the whole event loop
 *   (reads, health, the pacer) for that long. After a first BUSY the connection's busy_timeout
 *   is shortened to BUSY_FAST_MS for BUSY_BACKOFF_MS, so further writes fail fast with 503
 *   instead of freezing the server; it is restored when the window passes without a new BUSY.
 * - Our own bulk insert: an ingest worker (lib/calls/ingest) holds the write lock for its whole
 *   insert transaction (seconds for a million rows). For as long as it does, busy_timeout is
 *   BUSY_FAST_MS too, so a main-thread write that meets the lock answers 503 at once instead of
 *   freezing every request for 5 s; the health probe skips its write check meanwhile.
 * - SQLITE_READONLY*, SQLITE_CANTOPEN, SQLITE_IOERR*: SQLite opened the file read-only (or lost
 *   it) and a connection opened read-only stays read-only even after the file becomes writable
 *   again. The cached connection is dropped (at most once per REOPEN_EVERY_MS) so the next
 *   request reopens it.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
export const BUSY_FAST_MS = 100;
export const BUSY_BACKOFF_MS = 2000;
const REOPEN_EVERY_MS = 1000;

interface GuardState {
  fastUntil: number;
  restoreTimer: NodeJS.Timeout | null;
  lastReopenAt: number;
  lastUnavailableAt: number | null;
  lastUnavailableCode: string | null;
  watchingBulkInserts: boolean;
}

const holder = globalThis as typeof globalThis & { __callpaceDbGuard?: GuardState };
function state(): GuardState {
  holder.__callpaceDbGuard ??= {
    fastUntil: 0,
    restoreTimer: null,
    lastReopenAt: 0,
    lastUnavailableAt: null,
    lastUnavailableCode: null,
    watchingBulkInserts: false,
  };
  return holder.__callpaceDbGuard;
}

/** The busy timeout the main connection should have now: short after a BUSY or during a bulk insert. */
function wantedBusyTimeout(now = Date.now()): number {
  return state().fastUntil > now || bulkInsertRunning() ? BUSY_FAST_MS : DEFAULT_BUSY_TIMEOUT_MS;
}

/** Follows bulk inserts with the main connection's busy timeout; once per process (thread). */
export function watchBulkInserts(): void {
  const s = state();
  if (s.watchingBulkInserts) return;
  s.watchingBulkInserts = true;
  onBulkInsertChange(() => {
    try {
      setBusyTimeout(getDb(), wantedBusyTimeout());
    } catch {
      /* cannot open: nothing to set */
    }
  });
}
// Every route imports this module (lib/wire/route.ts), so this runs before any ingest can start.
watchBulkInserts();

export function sqliteCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_') ? e.code : undefined;
}

export function isBusy(code: string | undefined): boolean {
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || !!code?.startsWith('SQLITE_BUSY_') || !!code?.startsWith('SQLITE_LOCKED_');
}

export function needsReopen(code: string | undefined): boolean {
  return !!code && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR'));
}

function setBusyTimeout(db: Db, ms: number): void {
  try {
    db.$client.pragma(`busy_timeout = ${ms}`);
  } catch {
    /* a closed or broken connection: getDb() will replace it */
  }
}

/** Report a database error seen anywhere (route wrapper, pacer, outbox). Never throws. */
export function onDatabaseError(e: unknown, now = Date.now()): void {
  const code = sqliteCode(e);
  if (!code) return;
  const s = state();
  if (isBusy(code) || needsReopen(code) || code === 'SQLITE_FULL') {
    s.lastUnavailableAt = now;
    s.lastUnavailableCode = code;
  }
  if (isBusy(code)) {
    if (s.fastUntil < now && !bulkInsertRunning()) logger.warn({ code }, 'database locked by another process: failing writes fast for a while');
    s.fastUntil = now + BUSY_BACKOFF_MS;
    try {
      setBusyTimeout(getDb(), BUSY_FAST_MS);
    } catch {
      /* cannot open: nothing to shorten */
    }
    if (!s.restoreTimer) scheduleRestore();
  } else if (needsReopen(code) && now - s.lastReopenAt >= REOPEN_EVERY_MS) {
    s.lastReopenAt = now;
    logger.warn({ code }, 'database not writable: reopening the connection on next use');
    forgetDb();
  }
}

function scheduleRestore(): void {
  const s = state();
  s.restoreTimer = setTimeout(() => {
    s.restoreTimer = null;
    if (Date.now() < s.fastUntil) return scheduleRestore();
    try {
      setBusyTimeout(getDb(), wantedBusyTimeout());
    } catch {
      /* reopened connections get the default from openDb */
    }
  }, BUSY_BACKOFF_MS);
  s.restoreTimer.unref?.();
}

export interface DatabaseProbe {
  ok: boolean;
  writable: boolean;
  latencyMs: number;
  error?: string;
  /** Our own ingest worker holds the write lock: the write check was skipped (it would only wait). */
  bulkInsert?: true;
}

/**
 * Health probe: a read of the schema and a no-op write (user_version rewritten with its own
 * value), with a short busy timeout so a locked database answers in ~200 ms instead of freezing
 * the event loop. A read-only or locked database is reported as not writable. During our own
 * bulk insert the database is writable by definition (this process is writing): only the read
 * is checked, so a big upload does not make the server look unhealthy.
 */
export function probeDatabase(now = Date.now()): DatabaseProbe {
  const started = performance.now();
  let db: Db;
  try {
    db = getDb();
    db.$client.prepare('SELECT id FROM campaigns LIMIT 1').get();
  } catch (e) {
    onDatabaseError(e, now);
    return { ok: false, writable: false, latencyMs: performance.now() - started, error: sqliteCode(e) ?? 'unreachable' };
  }
  if (bulkInsertRunning()) return { ok: true, writable: true, latencyMs: performance.now() - started, bulkInsert: true };
  const sqlite = db.$client;
  try {
    sqlite.pragma('busy_timeout = 200');
    const v = sqlite.pragma('user_version', { simple: true }) as number;
    sqlite.pragma(`user_version = ${Number(v) | 0}`);
    return { ok: true, writable: true, latencyMs: performance.now() - started };
  } catch (e) {
    onDatabaseError(e, now);
    return { ok: false, writable: false, latencyMs: performance.now() - started, error: sqliteCode(e) ?? 'error' };
  } finally {
    // Keep fail-fast mode if this probe (or a request) just entered it.
    setBusyTimeout(db, wantedBusyTimeout());
  }
}

export function lastUnavailable(): { at: number | null; code: string | null } {
  const s = state();
  return { at: s.lastUnavailableAt, code: s.lastUnavailableCode };
}
