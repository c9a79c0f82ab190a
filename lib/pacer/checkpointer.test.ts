import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { openDb, tempDbFile, removeTempDbs } from './testing/fixtures';

afterAll(removeTempDbs);

describe('startCheckpointer', () => {
  it('turns off inline checkpoints and copies the WAL into the database file from a worker thread', async () => {
    const file = tempDbFile();
    const db = openDb(file);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    startCheckpointer(db, file, 50);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fs.statSync(file).size;
    const insert = db.$client.prepare("INSERT INTO accounts (name) VALUES (?)");
    db.$client.transaction(() => {
      for (let i = 0; i < 5_000; i++) insert.run(`account-${i}-${'x'.repeat(100)}`);
    })();
    expect(fs.statSync(file).size).toBe(before); // committed to the WAL only
    for (let i = 0; i < 100 && fs.statSync(file).size === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.statSync(file).size).toBeGreaterThan(before);
  });

  it('does nothing for an in-memory database', () => {
    const db = openDb(':memory:');
    startCheckpointer(db, ':memory:');
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
