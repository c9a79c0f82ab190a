import os from 'node:os';
import type { Db } from '../../db/client';

/** How often a pacer proves it is alive, and after how long without proof it is presumed dead. */
export const HEARTBEAT_MS = 2_000;
export const STALE_AFTER_MS = 15_000;

export function registerInstance(db: Db, id: string, now: Date): void {
  db.$client
    .prepare('INSERT INTO pacer_instances (id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, os.hostname(), process.pid, now.getTime(), now.getTime());
}

export function heartbeat(db: Db, id: string, now: Date): void {
  db.$client.prepare('UPDATE pacer_instances SET heartbeat_at = ? WHERE id = ?').run(now.getTime(), id);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Instances presumed dead: silent for STALE_AFTER_MS, or — on this host — whose process is gone,
 * which lets a restart after kill -9 resolve the dead process's calls at once instead of
 * waiting out the heartbeat. (A reused pid only delays that to the heartbeat rule.)
 */
export function deadInstances(db: Db, selfId: string, now: Date, isAlive: (pid: number) => boolean = processExists): string[] {
  const host = os.hostname();
  const rows = db.$client.prepare('SELECT id, host, pid, heartbeat_at FROM pacer_instances WHERE id != ?').all(selfId) as Array<{
    id: string;
    host: string;
    pid: number;
    heartbeat_at: number;
  }>;
  return rows.filter((r) => r.heartbeat_at < now.getTime() - STALE_AFTER_MS || (r.host === host && r.pid !== process.pid && !isAlive(r.pid))).map((r) => r.id);
}

export function forgetInstances(db: Db, ids: readonly string[]): void {
  const del = db.$client.prepare('DELETE FROM pacer_instances WHERE id = ?');
  for (const id of ids) del.run(id);
}
