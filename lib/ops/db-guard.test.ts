import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// One file database for this test file, chosen before db/client is first used.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-ops-'));
process.env.DATABASE_URL = `file:${path.join(dir, 'ops.db')}`;
const { getDb } = await import('../../db/client');
const { BUSY_BACKOFF_MS, BUSY_FAST_MS, DEFAULT_BUSY_TIMEOUT_MS, onDatabaseError, probeDatabase } = await import('./db-guard');
const { bulkInsertRunning, setBulkInsertWriting } = await import('../calls/ingest/bulk-insert');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const busyTimeout = () => getDb().$client.pragma('busy_timeout', { simple: true });

describe('db-guard', () => {
  it('after SQLITE_BUSY, writes fail fast for a while, then the normal busy timeout returns', () => {
    vi.useFakeTimers();
    try {
      expect(busyTimeout()).toBe(DEFAULT_BUSY_TIMEOUT_MS);
      onDatabaseError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
      expect(busyTimeout()).toBe(BUSY_FAST_MS);
      vi.advanceTimersByTime(BUSY_BACKOFF_MS / 2);
      onDatabaseError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })); // still locked: window extends
      vi.advanceTimersByTime(BUSY_BACKOFF_MS);
      expect(busyTimeout()).toBe(BUSY_FAST_MS);
      vi.advanceTimersByTime(BUSY_BACKOFF_MS * 2);
      expect(busyTimeout()).toBe(DEFAULT_BUSY_TIMEOUT_MS);
    } finally {
      vi.useRealTimers();
    }
  });

  it('after SQLITE_READONLY the cached connection is dropped (at most once a second) and reopened on next use', () => {
    const before = getDb();
    onDatabaseError(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), 10_000_000);
    const after = getDb();
    expect(after).not.toBe(before);
    onDatabaseError(Object.assign(new Error('again'), { code: 'SQLITE_READONLY' }), 10_000_500);
    expect(getDb()).toBe(after);
    onDatabaseError(new Error('not sqlite'));
    onDatabaseError({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(getDb()).toBe(after);
  });

  it('while an ingest worker bulk-inserts, the busy timeout is short; it returns when the insert ends (unless a BUSY window is open)', () => {
    vi.useFakeTimers();
    // Past the BUSY window the first test opened (its fake clock ran ahead of the real one).
    vi.setSystemTime(Date.now() + BUSY_BACKOFF_MS * 10);
    try {
      setBulkInsertWriting(1);
      expect(busyTimeout()).toBe(BUSY_FAST_MS);
      setBulkInsertWriting(1); // a second worker: no change
      setBulkInsertWriting(-1);
      expect(busyTimeout()).toBe(BUSY_FAST_MS);
      setBulkInsertWriting(-1);
      expect(busyTimeout()).toBe(DEFAULT_BUSY_TIMEOUT_MS);

      // A BUSY seen during the insert keeps the short timeout for its window after the insert...
      setBulkInsertWriting(1);
      onDatabaseError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
      setBulkInsertWriting(-1);
      expect(busyTimeout()).toBe(BUSY_FAST_MS);
      vi.advanceTimersByTime(BUSY_BACKOFF_MS * 2);
      expect(busyTimeout()).toBe(DEFAULT_BUSY_TIMEOUT_MS);
      // ...and a BUSY window that closes during an insert does not restore the long timeout.
      onDatabaseError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
      setBulkInsertWriting(1);
      vi.advanceTimersByTime(BUSY_BACKOFF_MS * 3);
      expect(busyTimeout()).toBe(BUSY_FAST_MS);
      setBulkInsertWriting(-1);
      expect(busyTimeout()).toBe(DEFAULT_BUSY_TIMEOUT_MS);
    } finally {
      vi.useRealTimers();
    }
    expect(bulkInsertRunning()).toBe(false);
  });

  it('probes reads and a no-op write; a lock held elsewhere is reported quickly as not writable', () => {
    expect(probeDatabase()).toMatchObject({ ok: true, writable: true });
    const other = new Database(path.join(dir, 'ops.db'));
    other.exec('BEGIN IMMEDIATE');
    other.prepare('INSERT INTO accounts (name) VALUES (?)').run('holder');
    try {
      const t0 = performance.now();
      const probe = probeDatabase();
      expect(performance.now() - t0).toBeLessThan(1_000);
      expect(probe).toMatchObject({ ok: false, writable: false, error: 'SQLITE_BUSY' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(probeDatabase()).toMatchObject({ ok: true, writable: true });
  });

  it('during a bulk insert holding the lock: a write fails fast with SQLITE_BUSY, reads work, health stays ok', () => {
    const worker = new Database(path.join(dir, 'ops.db'));
    worker.exec('BEGIN IMMEDIATE');
    worker.prepare('INSERT INTO accounts (name) VALUES (?)').run('bulk');
    setBulkInsertWriting(1);
    try {
      const t0 = performance.now();
      let code: string | undefined;
      try {
        getDb().$client.prepare('INSERT INTO accounts (name) VALUES (?)').run('main');
      } catch (e) {
        code = (e as { code?: string }).code;
      }
      // Generous bound on a shared machine: the point is "not the 5 s busy timeout".
      expect(performance.now() - t0).toBeLessThan(2_000);
      expect(code).toBe('SQLITE_BUSY');
      expect(getDb().$client.prepare('SELECT count(*) AS n FROM accounts WHERE name = ?').get('bulk')).toEqual({ n: 0 });
      expect(probeDatabase()).toMatchObject({ ok: true, writable: true, bulkInsert: true });
    } finally {
      setBulkInsertWriting(-1);
      worker.exec('COMMIT');
      worker.close();
    }
    expect(probeDatabase()).toEqual({ ok: true, writable: true, latencyMs: expect.any(Number) });
  });
});
