/**
 * `npm run db:backup -- FILE [--force]`: copies DATABASE_URL to FILE with SQLite's online backup
 * API while the server keeps running (readers and writers are not blocked; pages written during
 * the copy are re-copied, so FILE is one consistent snapshot). The copy is written beside FILE
 * and renamed into place only after `PRAGMA integrity_check` passes, so FILE is never half a
 * database. Prints one JSON line. Restore: see docs/RELIABILITY.md.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from '../db/client';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run db:backup -- FILE [--force]   (copies ${databasePath()} to FILE)`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1) usage('Give exactly one destination file.');
  const source = databasePath();
  const target = path.resolve(files[0]);
  if (source === ':memory:') usage('DATABASE_URL is :memory:, nothing to back up.');
  if (!fs.existsSync(source)) usage(`No database at ${source}.`);
  if (target === source) usage('The destination is the live database itself.');
  if (fs.existsSync(target) && !force) usage(`${target} exists; add --force to replace it.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const started = Date.now();
  const tmp = `${target}.partial-${process.pid}`;
  // fileMustExist + readonly: the backup never creates or migrates the source. busy_timeout lets
  // it wait out a writer's commit instead of failing.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    await db.backup(tmp, { progress: () => 256 }); // pages per step: small steps keep writers moving
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    db.close();
  }

  const copy = new Database(tmp, { fileMustExist: true });
  const integrity = copy.pragma('integrity_check', { simple: true });
  // A standalone file: no WAL beside it to lose when it is copied around.
  copy.pragma('journal_mode = DELETE');
  const tables = copy.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
  const count = (table: string) => {
    try {
      return copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    } catch {
      return null;
    }
  };
  const rows = { campaigns: count('campaigns'), calls: count('calls'), result_deliveries: count('result_deliveries') };
  copy.close();
  if (integrity !== 'ok') {
    fs.rmSync(tmp, { force: true });
    console.error(`integrity check of the copy failed: ${integrity}`);
    process.exit(1);
  }
  fs.renameSync(tmp, target);
  const bytes = fs.statSync(target).size;
  console.log(JSON.stringify({ backup: target, source, bytes, tables, rows, integrity, seconds: (Date.now() - started) / 1000 }));
}

main().catch((e) => {
  console.error(`backup failed: ${(e as Error).message}`);
  process.exit(1);
});
