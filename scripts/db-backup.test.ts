import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/client';

const ROOT = path.resolve(__dirname, '..');

function backup(dbFile: string, ...args: string[]) {
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/db-backup.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    encoding: 'utf8',
  });
}

describe('npm run db:backup', () => {
  it('copies a live WAL database (with uncheckpointed writes) to a consistent standalone file; restore is a file copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-backup-'));
    const live = path.join(dir, 'live.db');
    const db = openDb(live); // migrated, WAL, and kept open like a running server
    db.$client.pragma('wal_autocheckpoint = 0');
    const insert = db.$client.prepare('INSERT INTO accounts (name) VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run(`acct-${i}`);
    expect(fs.statSync(`${live}-wal`).size).toBeGreaterThan(0);

    const out = path.join(dir, 'nested', 'copy.db');
    const r = backup(live, out);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ backup: out, integrity: 'ok' });
    expect(fs.readdirSync(path.dirname(out))).toStrictEqual(['copy.db']); // no partial file left

    // Writes after the backup are not in it.
    insert.run('after-backup');
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(500);
    copy.close();

    // Refuses to overwrite without --force, and refuses the live file itself.
    expect(backup(live, out).status).toBe(2);
    expect(backup(live, out, '--force').status).toBe(0);
    expect(backup(live, live).status).toBe(2);
    db.$client.close();

    // Restore: server stopped, WAL files removed, the copy (the --force one: 501 rows) put in place.
    for (const f of [live, `${live}-wal`, `${live}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(out, live);
    const restored = openDb(live);
    expect(restored.$client.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(501);
    expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
