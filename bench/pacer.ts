/**
 * `npm run bench:pacer` — the pacer's three targets, measured on temp databases:
 *  1. tick cost with 1,000 running campaigns over 5,000,000 queued calls vs 5,000 queued calls,
 *     same due load (every campaign has one slot per second): ratio ≤ 1.5;
 *  2. sustained dial throughput of the live runner (timers, claims, simulated dialer, call ends),
 *     1,000 campaigns on 25 profiles of 60–84 calls a minute (1,200 calls/s offered): ≥ 1,000 calls/s;
 *  3. dial-time error (instant handed to the dialer − ideal slot) in that run: p99 < 250 ms.
 * Also shown, not a target: the error when all 1,000 campaigns share one profile, so every slot
 * instant carries 1,000 calls at once. Prints figures, then one line of JSON. About 4 minutes;
 * BENCH_CALLS, BENCH_ROUNDS and BENCH_SECONDS resize it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../db/client';
import { createSimulatedDialer } from '../lib/dialers/simulated';
import type { ClaimedCall } from '../lib/pacer/claim-slots';
import { DEFAULT_PACER_CONFIG } from '../lib/pacer/config';
import { startCheckpointer } from '../lib/pacer/checkpointer';
import { createPacer } from '../lib/pacer/runner';
import { SlotCache } from '../lib/pacer/slot-cache';
import { runPacerTick } from '../lib/pacer/tick';
import type { Dialer, DialRequest } from '../lib/dialers';

const CAMPAIGNS = 1_000;
const BIG = Number(process.env.BENCH_CALLS ?? 5_000_000);
const SMALL = 5_000;
/** The live run's 25 profiles: 60, 61, … 84 calls a minute (72 on average: 1,200 calls/s offered). */
const LIVE_PROFILES = Array.from({ length: 25 }, (_, i) => 60 + i);
/** A Wednesday noon, Eastern (EDT): every campaign's window 00:00–23:59 covers it. */
const NOON = Date.parse('2026-06-10T12:00:00-04:00');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-bench-pacer-'));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * 1,000 stopped campaigns with `calls` queued in all (in per-campaign blocks, as uploaded lists
 * are), all on profile 1 (60 calls a minute); profiles 2… are the live run's.
 */
function buildDb(file: string, calls: number): Db {
  const db = openDb(file);
  const sqlite = db.$client;
  sqlite.pragma('cache_size = -262144'); // 256 MB: building 5M rows stays in memory until commit
  const started = performance.now();
  sqlite.transaction(() => {
    sqlite.prepare("INSERT INTO accounts (name) VALUES ('bench')").run();
    sqlite.prepare("INSERT INTO schedules (account_id, days) VALUES (1, 'mon,tue,wed,thu,fri,sat,sun')").run();
    const profile = sqlite.prepare('INSERT INTO profiles (account_id, period, amount_per_period, time_between_periods) VALUES (1, 1, ?, 0)');
    for (const perMinute of [60, ...LIVE_PROFILES]) profile.run(perMinute);
    const campaign = sqlite.prepare(
      "INSERT INTO campaigns (account_id, schedule_id, start_date, end_date, start_url, status, paced_through, calls_total, calls_queued) VALUES (1, 1, '2026-01-01', '2026-12-31', 'http://voice.example/start', 'stopped', ?, ?, ?)",
    );
    const window = sqlite.prepare("INSERT INTO campaign_profiles (campaign_id, profile_id, start_time, end_time, position) VALUES (?, 1, '00:00', '23:59', 0)");
    const call = sqlite.prepare('INSERT INTO calls (campaign_id, phone_number, message_reference) VALUES (?, ?, ?)');
    const per = calls / CAMPAIGNS;
    for (let c = 1; c <= CAMPAIGNS; c++) {
      campaign.run(NOON, per, per);
      window.run(c);
    }
    for (let c = 1; c <= CAMPAIGNS; c++) for (let i = 0; i < per; i++) call.run(c, `+1${String(c).padStart(4, '0')}${String(i).padStart(6, '0')}`, null);
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma(`cache_size = ${process.env.BENCH_CACHE ?? -2000}`); // back to SQLite's default, as the server runs
  // As the server does (lib/pacer/start.ts): checkpoints in a worker thread, not in claims.
  startCheckpointer(db, file);
  console.log(`  built ${calls.toLocaleString()} queued calls in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return db;
}

function setRunning(db: Db, pacedThrough: number): void {
  db.$client.prepare("UPDATE campaigns SET status = 'running', paced_through = ?").run(pacedThrough);
}

/** Puts claimed calls back in the queue so another round of ticks sees the same queue. */
function requeue(db: Db): void {
  db.$client.prepare("UPDATE calls SET status = 'queued', attempt = 0, slot_at = NULL, dialed_at = NULL, claimed_by = NULL WHERE status = 'dialing'").run();
}

const noDialer: Dialer = { name: 'none', dial() {} };

/** One round: ticks at base+1 s … base+4 s, each claiming 1,000 calls; returns the last three tick times (ms). */
function tickRound(db: Db, base: number): number[] {
  setRunning(db, base);
  const cache = new SlotCache();
  const times: number[] = [];
  for (let s = 1; s <= 4; s++) {
    const t0 = performance.now();
    const report = runPacerTick({ db, now: new Date(base + s * 1000), dialer: noDialer, instanceId: 'bench', maxConcurrentCalls: null, graceMs: 2000, cache });
    const ms = performance.now() - t0;
    if (report.claimed.length !== CAMPAIGNS) throw new Error(`tick claimed ${report.claimed.length} calls, expected ${CAMPAIGNS}`);
    if (s > 1) times.push(ms); // the first tick of a round also plans every campaign ahead
  }
  requeue(db);
  return times;
}

/**
 * Tick cost on both databases, rounds interleaved so that load from other processes on the
 * machine falls on both alike; the ratio is the median of the per-round ratios. Each round uses
 * a fresh hour, so no slot of an earlier round is reused.
 */
function tickCosts(small: Db, big: Db, rounds: number): { small: number[]; big: number[]; ratios: number[] } {
  const out = { small: [] as number[], big: [] as number[], ratios: [] as number[] };
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  for (let r = 0; r < rounds; r++) {
    const base = NOON - 6 * 3_600_000 + r * 60_000;
    const s = tickRound(small, base);
    const b = tickRound(big, base);
    out.small.push(...s);
    out.big.push(...b);
    out.ratios.push(median(b) / median(s));
  }
  for (const a of Object.values(out)) a.sort((x, y) => x - y);
  return out;
}

/** Runs the live pacer for `seconds` on a wall clock mapped to `hour`:00 Eastern; returns dial figures. */
async function sustained(
  db: Db,
  seconds: number,
  hour: number,
): Promise<{ offered: number; dialed: number; perSecond: number; errors: number[]; ended: number; cpuShare: number; cpuUsPerCall: number }> {
  const offset = NOON + (hour - 12) * 3_600_000 - Date.now();
  const clock = () => new Date(Date.now() + offset);
  setRunning(db, clock().getTime());
  const errors: number[] = [];
  let ended = 0;
  const pacer = createPacer({
    db: () => db,
    clock,
    config: DEFAULT_PACER_CONFIG,
    results: { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5, timeoutMs: 5000, concurrency: 8 },
    dialer: (events) => {
      const sim = createSimulatedDialer({ answerRate: 0.6, callSeconds: 2, seed: 7, clock }, { ...events, ended: (e) => (ended++, events.ended(e)) });
      const dial = (call: DialRequest) => {
        errors.push(clock().getTime() - (call as ClaimedCall).slotAt);
        sim.dial(call);
      };
      return { ...sim, dial };
    },
  });
  await pacer.start();
  // Ticks aligned to the wall-clock second, as node-cron fires them.
  await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000)));
  const t0 = clock().getTime();
  const cpu0 = process.cpuUsage();
  const interval = setInterval(() => pacer.tick(), 1000);
  pacer.tick();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(interval);
  const t1 = clock().getTime();
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // Stop dialing, let the calls in progress end and be recorded, and leave as a server would.
  db.$client.prepare("UPDATE campaigns SET status = 'stopped'").run();
  const inProgress = db.$client.prepare("SELECT count(*) AS n FROM calls WHERE status = 'dialing'");
  for (let i = 0; i < 100 && (inProgress.get() as { n: number }).n > 0; i++) await new Promise((r) => setTimeout(r, 100));
  pacer.stop();
  db.$client.prepare('DELETE FROM pacer_instances').run();
  const dialed = (db.$client.prepare('SELECT count(*) AS n FROM calls WHERE dialed_at >= ? AND dialed_at < ?').get(t0, t1) as { n: number }).n;
  const perMinute = db.$client
    .prepare('SELECT sum(p.amount_per_period) AS n FROM campaign_profiles w JOIN profiles p ON p.id = w.profile_id')
    .get() as { n: number };
  return {
    offered: perMinute.n / 60,
    dialed,
    perSecond: dialed / ((t1 - t0) / 1000),
    errors: errors.sort((a, b) => a - b),
    ended,
    cpuShare: cpuMs / (t1 - t0),
    cpuUsPerCall: (cpuMs * 1000) / Math.max(1, dialed),
  };
}

async function main(): Promise<void> {
  console.log(`pacer bench: ${CAMPAIGNS} running campaigns, 1 slot/s each (tick cost), ${os.cpus().length} cores`);
  console.log('building databases…');
  const small = buildDb(path.join(dir, 'small.db'), SMALL);
  const big = buildDb(path.join(dir, 'big.db'), BIG);

  const costs = tickCosts(small, big, Number(process.env.BENCH_ROUNDS ?? 15));
  const s = { median: quantile(costs.small, 0.5), p95: quantile(costs.small, 0.95) };
  const b = { median: quantile(costs.big, 0.5), p95: quantile(costs.big, 0.95) };
  const ratio = quantile(costs.ratios, 0.5);
  console.log(`\n1. tick cost, 1,000 calls claimed per tick (median of ${costs.small.length} ticks each)`);
  console.log(`   ${SMALL.toLocaleString()} queued:     median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`);
  console.log(`   ${BIG.toLocaleString()} queued: median ${b.median.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms`);
  console.log(`   ratio ${ratio.toFixed(2)} (median of ${costs.ratios.length} interleaved rounds; target ≤ 1.5)`);
  small.$client.close();

  // 2 and 3: the live runner on the big database.
  big.$client.prepare(`UPDATE campaign_profiles SET profile_id = 2 + campaign_id % ${LIVE_PROFILES.length}`).run();
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const run = await sustained(big, seconds, 19);
  const errs = run.errors;
  console.log(`\n2. sustained throughput over ${seconds} s (offered ${run.offered.toLocaleString()} calls/s, simulated 2 s calls)`);
  console.log(`   dialed ${run.dialed.toLocaleString()} calls: ${run.perSecond.toFixed(0)} calls/s (target ≥ 1,000); ${run.ended.toLocaleString()} ended and recorded`);
  console.log(`   CPU: ${(run.cpuShare * 100).toFixed(0)} % of one core, ${run.cpuUsPerCall.toFixed(0)} µs per dialed call (claim, dial, end, timers, checkpoints)`);
  console.log(`3. dial-time error vs ideal slot over ${errs.length.toLocaleString()} dials`);
  console.log(`   p50 ${quantile(errs, 0.5)} ms, p99 ${quantile(errs, 0.99)} ms, max ${errs[errs.length - 1]} ms (target p99 < 250 ms); load average ${os.loadavg()[0].toFixed(1)}`);

  // Worst case, for the record: one profile for all, so each slot instant is 1,000 claims at once.
  big.$client.prepare('UPDATE campaign_profiles SET profile_id = 1').run();
  const burst = await sustained(big, 10, 20);
  console.log(`   all on one profile (1,000 calls per slot instant, ${burst.perSecond.toFixed(0)} calls/s): p50 ${quantile(burst.errors, 0.5)} ms, p99 ${quantile(burst.errors, 0.99)} ms`);
  big.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(
    JSON.stringify({
      bench: 'pacer',
      campaigns: CAMPAIGNS,
      tick_ms_small: round(s.median),
      tick_ms_big: round(b.median),
      queued_small: SMALL,
      queued_big: BIG,
      tick_cost_ratio: round(ratio),
      throughput_calls_per_s: Math.round(run.perSecond),
      offered_calls_per_s: run.offered,
      cpu_us_per_call: Math.round(run.cpuUsPerCall),
      dial_error_ms_p50: quantile(errs, 0.5),
      dial_error_ms_p99: quantile(errs, 0.99),
      dial_error_ms_max: errs[errs.length - 1],
      dial_error_ms_p99_one_profile: quantile(burst.errors, 0.99),
      load_average: round(os.loadavg()[0], 1),
      pass: ratio <= 1.5 && run.perSecond >= 1000 && quantile(errs, 0.99) < 250,
    }),
  );
}

void main();
