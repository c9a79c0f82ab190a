/**
 * `npm run bench:ingest` — Add Calls with 1,000,000 entries uploaded as ONE file through the real
 * HTTP endpoint (`next start`, multipart `phone_numbers=@file` + `campaign_id`), against a
 * baseline measured in the same run: the same 1,000,000 rows inserted by a bare better-sqlite3
 * prepared statement (one INSERT per row) in one transaction into the same `calls` table
 * (openDb on a temp file: the migrated schema, its indexes and pragmas).
 *
 * Both a CSV file (header `phone_number,ani,message_reference`) and an entry-line file
 * (`tel:+1NXXNXXXXXX; ani=+1…, ref`) are uploaded, each RUNS times; every upload goes to a fresh
 * server on a fresh database (so each insert starts from an empty table, like the baseline),
 * with the pacer off. Peak RSS is the server process's (next-server, found in the server's
 * process group): VmRSS sampled every 20 ms during the upload, and VmHWM (the kernel's
 * high-water mark since start) after it. While uploading, GET /api/campaigns is polled (every
 * 200 ms) to show the server keeps answering; with BENCH_WRITES=1 a schedule is also renamed every
 * 500 ms, to show what a concurrent write sees: it waits while the ingest's insert transaction
 * holds the write lock (up to busy_timeout, then 503).
 *
 * Needs a build (`npx next build`). Target: ratio ≤ 3.0 and peak RSS < 400 MB. The last line is
 * JSON; `seconds`, `ratio` and `peak_rss_mb` are the CSV case's medians, the entry-line case's
 * are the `lines_*` fields. BENCH_ROWS and BENCH_RUNS resize it; BENCH_ORDER picks the numbers'
 * order (see row()).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../db/client';
import { INGEST_CACHE_KIB } from '../lib/calls/ingest/connection';
import { ApiClient } from '../e2e/support/api';
import { startServer, type TestServer } from '../e2e/support/server';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_WRITES=1: also rename a schedule every 500 ms during each upload (see upload()). */
const WRITES = process.env.BENCH_WRITES === '1';
const TARGET_RATIO = 3.0;
const TARGET_RSS_MB = 400;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-bench-ingest-'));
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Assigned-looking area codes, plus the reference's unassigned 222 and 444. */
const AREA_CODES = [212, 213, 305, 310, 312, 404, 415, 503, 512, 602, 617, 702, 713, 718, 801, 917, 222, 444];
/**
 * BENCH_ORDER=random (default): numbers in no particular order, like a real list; the unique
 * index calls(campaign_id, phone_number) then takes each insert at a random place, which is what
 * makes the bare insert slow. BENCH_ORDER=sequential: ascending numbers, the cheapest insert
 * (index appends), so the pipeline's own costs weigh most in the ratio.
 */
const ORDER = process.env.BENCH_ORDER === 'sequential' ? 'sequential' : 'random';

/** Row i: a distinct NANP number, an ani and a reference. */
function row(i: number): [string, string, string] {
  const ani = `+1${AREA_CODES[(i >> 3) % AREA_CODES.length]}5550199`;
  if (ORDER === 'sequential') return [`+1212${2_000_000 + i}`, ani, `ref-${i}`];
  // The exchange and line digits alone are distinct for i < 8,000,000.
  const area = AREA_CODES[i % AREA_CODES.length];
  const exchange = 200 + (i % 800);
  const line = Math.floor(i / 800);
  return [`+1${area}${exchange}${String(line).padStart(4, '0')}`, ani, `ref-${i}`];
}

function writeFiles(): { csv: string; lines: string } {
  const csv = path.join(dir, 'calls.csv');
  const lines = path.join(dir, 'calls.txt');
  const csvFd = fs.openSync(csv, 'w');
  const linesFd = fs.openSync(lines, 'w');
  fs.writeSync(csvFd, 'phone_number,ani,message_reference\n');
  for (let first = 0; first < ROWS; first += 10_000) {
    let csvText = '';
    let linesText = '';
    for (let i = first; i < Math.min(ROWS, first + 10_000); i++) {
      const [phone, ani, ref] = row(i);
      csvText += `${phone},${ani},${ref}\n`;
      linesText += `tel:${phone}; ani=${ani}, ${ref}\n`;
    }
    fs.writeSync(csvFd, csvText);
    fs.writeSync(linesFd, linesText);
  }
  fs.closeSync(csvFd);
  fs.closeSync(linesFd);
  return { csv, lines };
}

/**
 * The bare insert: one prepared INSERT per row, one transaction, into a fresh migrated database
 * (openDb's pragmas). With `cacheKib`, the page cache the ingest worker's connection uses: an
 * extra figure, to show what the pipeline costs beyond the insert itself.
 */
function baseline(run: number, cacheKib?: number): number {
  const file = path.join(dir, `baseline-${run}-${cacheKib ?? 'default'}.db`);
  const db = openDb(file);
  const sqlite = db.$client;
  if (cacheKib !== undefined) sqlite.pragma(`cache_size = -${cacheKib}`);
  sqlite.exec(`INSERT INTO accounts (name) VALUES ('bench');
    INSERT INTO schedules (account_id, days) VALUES (1, 'mon,tue,wed,thu,fri,sat,sun');
    INSERT INTO campaigns (account_id, schedule_id, start_date, end_date, start_url) VALUES (1, 1, '2026-01-01', '2026-12-31', 'http://voice.example/start');`);
  const rows = Array.from({ length: ROWS }, (_, i) => row(i));
  const insert = sqlite.prepare('INSERT INTO calls (campaign_id, phone_number, ani, message_reference) VALUES (1, ?, ?, ?)');
  const started = performance.now();
  sqlite.transaction(() => {
    for (const [phone, ani, ref] of rows) insert.run(phone, ani, ref);
  })();
  const seconds = (performance.now() - started) / 1000;
  const count = (sqlite.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;
  if (count !== ROWS) throw new Error(`baseline stored ${count} rows`);
  sqlite.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return seconds;
}

/** Processes in the server's process group (npx, next, next-server). */
function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) start after the last ')': state, ppid, pgrp.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process of the group holding the most memory: next-server (the CLI wrapper is small). */
function serverPid(server: TestServer): number {
  const pids = groupPids(server.proc.pid!);
  let best = server.proc.pid!;
  for (const pid of pids) if (statusKb(pid, 'VmRSS') > statusKb(best, 'VmRSS')) best = pid;
  return best;
}

interface Upload {
  seconds: number;
  /** The server's RSS just before the upload (started, campaign created). */
  idleMb: number;
  /** The server's own figures (its 'phone list ingested' log line): parse + validate, and the insert transaction. */
  validateSeconds: number;
  storeSeconds: number;
  sampledPeakMb: number;
  hwmMb: number;
  polls: number;
  pollFailures: number;
  maxPollMs: number;
  /** Writes (PATCH a schedule) meanwhile: they wait for the ingest's insert transaction. */
  writes: number;
  maxWriteMs: number;
  writeStatuses: Record<string, number>;
}

/** The server of the upload in progress, stopped (with its process group) if the bench is interrupted. */
let current: TestServer | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (current?.stop() ?? Promise.resolve()).finally(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

async function upload(file: string, name: string): Promise<Upload> {
  const server = await startServer({ env: { PACER: 'off', LOG_LEVEL: 'info' } });
  current = server;
  try {
    const api = new ApiClient(server.url, server.token('bench'));
    const schedule = await api.createSchedule(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], 'bench');
    const profile = await api.createProfile({ nickname: 'bench' });
    const campaign = await api.createCampaign({
      schedule,
      profiles: [{ profile, start_time: '09:00', end_time: '17:00' }],
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      start_url: 'http://voice.example/start',
    });
    const pid = serverPid(server);
    const idleMb = statusKb(pid, 'VmRSS') / 1024;

    let sampledPeakKb = statusKb(pid, 'VmRSS');
    const sampler = setInterval(() => (sampledPeakKb = Math.max(sampledPeakKb, statusKb(pid, 'VmRSS'))), 20);
    // Another client meanwhile: the server must keep answering while it ingests.
    let polling = true;
    let polls = 0;
    let pollFailures = 0;
    let maxPollMs = 0;
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        const ok = await api.get('/api/campaigns').then((r) => r.status === 200, () => false);
        if (!ok) pollFailures++;
        maxPollMs = Math.max(maxPollMs, performance.now() - started);
        polls++;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    // Optionally a writer too: its writes wait while the ingest holds the write lock (the insert
    // phase), and better-sqlite3 waits synchronously, so the whole event loop waits with them.
    let writes = 0;
    let maxWriteMs = 0;
    const writeStatuses: Record<string, number> = {};
    const writer = (async () => {
      while (WRITES && polling) {
        const started = performance.now();
        const status = await api.patch(`/api/schedules/${schedule}`, { json: { nickname: `bench-${writes}` } }).then(
          (r) => String(r.status),
          (e: Error) => e.message,
        );
        writeStatuses[status] = (writeStatuses[status] ?? 0) + 1;
        maxWriteMs = Math.max(maxWriteMs, performance.now() - started);
        writes++;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();

    const form = new FormData();
    form.append('campaign_id', String(campaign));
    form.append('phone_numbers', await fs.openAsBlob(file), name);
    const started = performance.now();
    const r = await api.post('/api/campaigns/add-calls', { multipart: form });
    const seconds = (performance.now() - started) / 1000;
    polling = false;
    await poller;
    await writer;
    clearInterval(sampler);
    if (r.status !== 200 || r.body?.added !== ROWS || r.body?.duplicates !== 0)
      throw new Error(`upload of ${name}: ${r.status} ${r.text.slice(0, 500)}`);
    const logged = server
      .output()
      .split('\n')
      .filter((line) => line.includes('"phone list ingested"'))
      .map((line) => JSON.parse(line) as { validateMs: number; storeMs: number })
      .pop();
    return {
      seconds,
      idleMb,
      validateSeconds: (logged?.validateMs ?? NaN) / 1000,
      storeSeconds: (logged?.storeMs ?? NaN) / 1000,
      sampledPeakMb: sampledPeakKb / 1024,
      hwmMb: statusKb(pid, 'VmHWM') / 1024,
      polls,
      pollFailures,
      maxPollMs,
      writes,
      maxWriteMs,
      writeStatuses,
    };
  } finally {
    await server.stop();
    current = null;
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `bench:ingest — ${ROWS.toLocaleString()} rows (${ORDER} order), ${RUNS} run(s) of each; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  const { csv, lines } = writeFiles();
  console.log(`  files: CSV ${(fs.statSync(csv).size / 1e6).toFixed(1)} MB, entry lines ${(fs.statSync(lines).size / 1e6).toFixed(1)} MB`);

  const baselines: number[] = [];
  const cachedBaselines: number[] = [];
  const results: Record<'csv' | 'lines', Upload[]> = { csv: [], lines: [] };
  for (let run = 1; run <= RUNS; run++) {
    const b = baseline(run);
    baselines.push(b);
    console.log(`  run ${run}: baseline bare insert ${b.toFixed(2)} s (${Math.round(ROWS / b).toLocaleString()} rows/s)`);
    const bc = baseline(run, INGEST_CACHE_KIB);
    cachedBaselines.push(bc);
    console.log(`  run ${run}: the same with a ${INGEST_CACHE_KIB / 1024} MB page cache (as the ingest worker) ${bc.toFixed(2)} s`);
    for (const [kind, file, name] of [['csv', csv, 'calls.csv'], ['lines', lines, 'calls.txt']] as const) {
      const u = await upload(file, name);
      results[kind].push(u);
      console.log(
        `  run ${run}: ${kind === 'csv' ? 'CSV        ' : 'entry lines'} upload ${u.seconds.toFixed(2)} s (${Math.round(ROWS / u.seconds).toLocaleString()} rows/s, ratio ${(u.seconds / b).toFixed(2)}), ` +
          `server: parse+validate ${u.validateSeconds.toFixed(2)} s, insert transaction ${u.storeSeconds.toFixed(2)} s, ` +
          `upload+spool+HTTP ${(u.seconds - u.validateSeconds - u.storeSeconds).toFixed(2)} s; ` +
          `RSS ${u.idleMb.toFixed(0)} MB before, peak ${u.sampledPeakMb.toFixed(0)} MB sampled / ${u.hwmMb.toFixed(0)} MB VmHWM, ` +
          `${u.polls} GET /api/campaigns meanwhile (${u.pollFailures} failed), slowest ${u.maxPollMs.toFixed(0)} ms` +
          (WRITES ? `; ${u.writes} PATCH /api/schedules meanwhile (${Object.entries(u.writeStatuses).map(([k, v]) => `${v}× ${k}`).join(', ')}), slowest ${u.maxWriteMs.toFixed(0)} ms` : ''),
      );
    }
  }

  const b = median(baselines);
  const bc = median(cachedBaselines);
  const summary = (kind: 'csv' | 'lines') => {
    const seconds = median(results[kind].map((u) => u.seconds));
    const rss = Math.max(...results[kind].map((u) => Math.max(u.sampledPeakMb, u.hwmMb)));
    const slowestPoll = Math.max(...results[kind].map((u) => u.maxPollMs));
    const pollFailures = results[kind].reduce((sum, u) => sum + u.pollFailures, 0);
    const store = median(results[kind].map((u) => u.storeSeconds));
    // Each upload against the baseline measured just before it: less exposed to a noisy machine.
    const pairedRatio = median(results[kind].map((u, i) => u.seconds / baselines[i]));
    return { seconds, ratio: seconds / b, pairedRatio, rss, slowestPoll, pollFailures, store };
  };
  const c = summary('csv');
  const l = summary('lines');
  console.log('');
  console.log(`baseline (bare prepared INSERT, one transaction): ${b.toFixed(2)} s, ${Math.round(ROWS / b).toLocaleString()} rows/s (median of ${RUNS})`);
  console.log(`  with the ingest worker's ${INGEST_CACHE_KIB / 1024} MB page cache: ${bc.toFixed(2)} s (median); ratios against it: CSV ${(c.seconds / bc).toFixed(2)}, entry lines ${(l.seconds / bc).toFixed(2)}`);
  for (const [label, s] of [['CSV upload        ', c], ['entry-line upload ', l]] as const) {
    const ok = s.ratio <= TARGET_RATIO && s.rss < TARGET_RSS_MB;
    console.log(
      `${label}: ${s.seconds.toFixed(2)} s, ${Math.round(ROWS / s.seconds).toLocaleString()} rows/s, ratio ${s.ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}; median of per-run ratios ${s.pairedRatio.toFixed(2)}), ` +
        `peak RSS ${s.rss.toFixed(0)} MB (target < ${TARGET_RSS_MB}), slowest concurrent GET ${s.slowestPoll.toFixed(0)} ms (${s.pollFailures} failed) — ${ok ? 'OK' : 'MISSED'}`,
    );
  }
  console.log(
    JSON.stringify({
      bench: 'ingest',
      rows: ROWS,
      order: ORDER,
      seconds: round(c.seconds),
      baseline_seconds: round(b),
      ratio: round(c.ratio),
      peak_rss_mb: Math.round(c.rss),
      paired_ratio: round(c.pairedRatio),
      store_seconds: round(c.store),
      lines_seconds: round(l.seconds),
      lines_ratio: round(l.ratio),
      lines_paired_ratio: round(l.pairedRatio),
      lines_peak_rss_mb: Math.round(l.rss),
      baseline_ingest_cache_seconds: round(bc),
      runs: RUNS,
    }),
  );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
