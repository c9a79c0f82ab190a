/**
 * `npm run bench:load` — the API under load while campaigns dial, on the real built server
 * (`next start`, needs `npx next build` first), 127.0.0.1 only.
 *
 *   1. Four running campaigns dial 100 calls/s in all (simulated dialer, 1 s calls).
 *   2. Baseline: BASELINE_SECONDS (20) of dialing with no API traffic.
 *   3. Load: CONNECTIONS (50) autocannon clients for LOAD_SECONDS (60) — reads (campaign list and
 *      detail, calls page, schedules, profiles), creates (schedules, profiles, campaigns) and
 *      add-calls into the running campaigns — while the dialing goes on.
 *
 * Figures: per endpoint p50/p99 latency and req/s; failed requests, non-2xx, 5xx and 503s (what
 * SQLITE_BUSY would become), SQLITE_BUSY in the server's log; the pacer's dial-time error
 * (dialed_at − slot_at, from the calls table) and dial rate with and without load, and their
 * ratio. LOADGEN_NICE (default 0) runs the load generator at that nice value, e.g. 10 to keep it
 * off the server's CPU as if it were on other machines. Last line: JSON. Exit status 1 when a requirement fails (any failure/5xx/503/BUSY, or
 * the dial p99 under load above max(2 × baseline, baseline + 25 ms) or 250 ms).
 */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../e2e/support/api';
import { openWindow, resultReceiver, type PlannedWindow, type ResultReceiver } from '../e2e/support/pacer';
import { createTokenCli, startServer, type TestServer } from '../e2e/support/server';

interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(path.join(process.cwd(), 'package.json'))('autocannon') as Autocannon;

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.BASELINE_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DIAL_RATE = Number(process.env.DIAL_RATE ?? 100); // calls/s over all campaigns
const LOADGEN_NICE = Number(process.env.LOADGEN_NICE ?? 0);
const CAMPAIGNS = 4;

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dialStats(dbFile: string, from: number, to: number) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const errors = (db.prepare('SELECT dialed_at - slot_at FROM calls WHERE dialed_at >= ? AND dialed_at < ? AND slot_at IS NOT NULL').pluck().all(from, to) as number[]).sort((a, b) => a - b);
    return {
      calls: errors.length,
      per_second: round(errors.length / ((to - from) / 1000)),
      p50_ms: quantile(errors, 0.5),
      p99_ms: quantile(errors, 0.99),
      max_ms: errors[errors.length - 1] ?? NaN,
    };
  } finally {
    db.close();
  }
}

/** 10-digit US numbers no other request uses: area 212, exchanges without N11, 10,000 lines each. */
let numberSeq = 0;
const EXCHANGES = Array.from({ length: 800 }, (_, i) => 200 + i).filter((e) => e % 100 !== 11);
function freshNumbers(n: number): string[] {
  return Array.from({ length: n }, () => {
    const i = numberSeq++;
    return `+1212${EXCHANGES[Math.floor(i / 10_000) % EXCHANGES.length]}${String(i % 10_000).padStart(4, '0')}`;
  });
}

async function setup(server: TestServer, window: PlannedWindow, receiver: ResultReceiver) {
  const dialerToken = server.token('dialer');
  const creatorToken = server.token('creator');
  const api = new ApiClient(server.url, dialerToken);
  const perCampaignPerMinute = Math.round((DIAL_RATE * 60) / CAMPAIGNS);
  const callsEach = Math.ceil(((BASELINE_SECONDS + LOAD_SECONDS + 30) * DIAL_RATE) / CAMPAIGNS);
  const schedule = await api.createSchedule([window.day], 'today');
  const profile = await api.createProfile({ period: 1, amount_per_period: perCampaignPerMinute, time_between_periods: 0, nickname: 'fast' });
  const ids: number[] = [];
  for (let c = 0; c < CAMPAIGNS; c++) {
    const id = await api.createCampaign({
      start_date: window.date,
      end_date: window.date,
      schedule,
      profiles: [{ profile, start_time: window.startTime, end_time: window.endTime }],
      start_url: 'http://voice.example/start.vxml',
      result_url: receiver.url,
      phone_numbers: freshNumbers(callsEach).map((n, i) => `tel:${n}; ani=+12025550100, c${c}-${i}`),
    });
    ids.push(id);
  }
  const creator = new ApiClient(server.url, creatorToken);
  const cSchedule = await creator.createSchedule(['mon', 'tue'], 'base');
  const cProfile = await creator.createProfile({ nickname: 'base' });
  return { api, dialerToken, creatorToken, ids, cSchedule, cProfile, callsEach, perCampaignPerMinute };
}

async function main(): Promise<void> {
  // Results are POSTed to a local receiver as in production, in both phases alike.
  const receiver = await resultReceiver();
  await receiver.listen();
  // BENCH_ATTACH_URL + BENCH_ATTACH_DB: measure a server started by hand (e.g. under
  // `node --cpu-prof node_modules/next/dist/bin/next start`) instead of starting one.
  const server: TestServer = process.env.BENCH_ATTACH_URL
    ? {
        url: process.env.BENCH_ATTACH_URL,
        port: Number(new URL(process.env.BENCH_ATTACH_URL).port),
        dbFile: process.env.BENCH_ATTACH_DB!,
        dir: '',
        proc: null as never,
        output: () => '',
        stop: async () => {},
        token: (account: string) => createTokenCli(process.env.BENCH_ATTACH_DB!, account),
      }
    : await startServer({ env: { SIM_CALL_SECONDS: '1', SIM_ANSWER_RATE: '0.6', SIM_SEED: '11', LOG_LEVEL: 'warn' } });
  // On a busy 2-core box the load generator (autocannon and the result receiver, in this thread)
  // takes the server's CPU; LOADGEN_NICE puts it below the server as clients elsewhere would be.
  // Set after the server started, which would inherit it.
  if (LOADGEN_NICE !== 0) os.setPriority(0, LOADGEN_NICE);
  let exitCode = 0;
  try {
    const window = await openWindow(Math.ceil((BASELINE_SECONDS + LOAD_SECONDS) / 60) + 2);
    const s = await setup(server, window, receiver);
    console.log(`server ${server.url}; ${CAMPAIGNS} campaigns × ${s.callsEach} calls at ${s.perCampaignPerMinute}/min each (${DIAL_RATE} calls/s in all)`);
    for (const id of s.ids) {
      const r = await s.api.post('/api/campaigns/start', { json: { campaign_id: id } });
      if (r.status !== 200) throw new Error(`start → ${r.status} ${r.text}`);
    }
    await sleep(3_000); // let the pacer reach its pace

    const b0 = Date.now();
    await sleep(BASELINE_SECONDS * 1000);
    const b1 = Date.now();
    const baseline = dialStats(server.dbFile, b0, b1);
    console.log(`baseline (no API load, ${BASELINE_SECONDS} s): ${baseline.per_second} dials/s, dial error p50 ${baseline.p50_ms} ms, p99 ${baseline.p99_ms} ms, max ${baseline.max_ms} ms`);

    const dialerAuth = { authorization: `Bearer ${s.dialerToken}` };
    const creatorAuth = { authorization: `Bearer ${s.creatorToken}`, 'content-type': 'application/json' };
    let seq = 0;
    const json = (o: unknown) => JSON.stringify(o);
    const endpoints: Array<{ name: string; connections: number; request: AutocannonRequest }> = [
      { name: 'GET /api/campaigns', connections: 8, request: { method: 'GET', path: '/api/campaigns', headers: dialerAuth } },
      { name: 'GET /api/campaigns/{id}', connections: 8, request: { method: 'GET', path: `/api/campaigns/${s.ids[0]}`, headers: dialerAuth } },
      { name: 'GET /api/campaigns/{id}/calls', connections: 6, request: { method: 'GET', path: `/api/campaigns/${s.ids[1]}/calls?limit=100`, headers: dialerAuth } },
      { name: 'GET /api/schedules', connections: 4, request: { method: 'GET', path: '/api/schedules', headers: dialerAuth } },
      { name: 'GET /api/profiles', connections: 4, request: { method: 'GET', path: '/api/profiles', headers: dialerAuth } },
      {
        name: 'POST /api/schedules',
        connections: 3,
        request: { method: 'POST', path: '/api/schedules', headers: creatorAuth, setupRequest: (r) => ({ ...r, body: json({ days: ['mon', 'wed'], nickname: `s${++seq}` }) }) },
      },
      {
        name: 'POST /api/profiles',
        connections: 3,
        request: { method: 'POST', path: '/api/profiles', headers: creatorAuth, setupRequest: (r) => ({ ...r, body: json({ period: 30, amount_per_period: 100, time_between_periods: 10, nickname: `p${++seq}` }) }) },
      },
      {
        name: 'POST /api/campaigns',
        connections: 4,
        request: {
          method: 'POST',
          path: '/api/campaigns',
          headers: creatorAuth,
          setupRequest: (r) => ({
            ...r,
            body: json({
              start_date: '2030-01-01',
              end_date: '2030-01-31',
              schedule: s.cSchedule,
              profiles: [{ profile: s.cProfile, start_time: '08:00', end_time: '11:00' }],
              start_url: 'https://voice.example/start',
              phone_numbers: freshNumbers(10),
            }),
          }),
        },
      },
      {
        name: 'POST /api/campaigns/add-calls',
        connections: 10,
        request: {
          method: 'POST',
          path: '/api/campaigns/add-calls',
          headers: { ...dialerAuth, 'content-type': 'application/json' },
          setupRequest: (r) => ({ ...r, body: json({ campaign_id: s.ids[seq++ % s.ids.length], phone_numbers: freshNumbers(20) }) }),
        },
      },
    ];
    const total = endpoints.reduce((n, e) => n + e.connections, 0);
    if (total !== 50 && CONNECTIONS === 50) throw new Error(`connections add up to ${total}`);
    const scale = CONNECTIONS / total;

    // One request per endpoint first: a route's first request loads its bundle, which would
    // otherwise stall the first wave of 50 clients and show up as seconds-long maximums.
    for (const { request } of endpoints) {
      const r = request.setupRequest ? request.setupRequest(request) : request;
      const res = await fetch(`${server.url}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
      if (!res.ok) throw new Error(`warm-up ${r.method} ${r.path} → ${res.status} ${await res.text()}`);
    }

    console.log(`load: ${CONNECTIONS} clients for ${LOAD_SECONDS} s…`);
    const l0 = Date.now();
    const results = await Promise.all(
      endpoints.map((e) =>
        autocannon({
          url: server.url,
          connections: Math.max(1, Math.round(e.connections * scale)),
          duration: LOAD_SECONDS,
          timeout: 30,
          requests: [e.request],
        }),
      ),
    );
    const l1 = Date.now();
    const underLoad = dialStats(server.dbFile, l0, l1);

    const perEndpoint: Record<string, { requests: number; rps: number; p50_ms: number; p99_ms: number; max_ms: number; non2xx: number; errors: number }> = {};
    let requests = 0;
    let failed = 0;
    let non2xx = 0;
    let fiveXX = 0;
    let s503 = 0;
    endpoints.forEach((e, i) => {
      const r = results[i];
      perEndpoint[e.name] = { requests: r.requests.total, rps: round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, max_ms: r.latency.max, non2xx: r.non2xx, errors: r.errors + r.timeouts };
      requests += r.requests.total;
      failed += r.errors + r.timeouts;
      non2xx += r.non2xx;
      fiveXX += r['5xx'];
      s503 += r.statusCodeStats['503']?.count ?? 0;
    });
    const busyInLog = (server.output().match(/SQLITE_BUSY/g) ?? []).length;
    const metrics = await (await fetch(`${server.url}/api/metrics`)).text();
    const outboxPending = Number(/^callpace_outbox_pending (\d+)$/m.exec(metrics)?.[1] ?? NaN);
    const resultsReceived = receiver.results.length;

    console.log('\nendpoint                          req/s    p50 ms   p99 ms   max ms  non-2xx');
    for (const [name, r] of Object.entries(perEndpoint))
      console.log(`${name.padEnd(32)} ${String(r.rps).padStart(6)} ${String(r.p50_ms).padStart(8)} ${String(r.p99_ms).padStart(8)} ${String(r.max_ms).padStart(8)} ${String(r.non2xx).padStart(8)}`);
    console.log(`\nrequests ${requests} (${round(requests / ((l1 - l0) / 1000))}/s), failed ${failed}, non-2xx ${non2xx}, 5xx ${fiveXX}, 503 ${s503}, SQLITE_BUSY in log ${busyInLog}`);
    console.log(`dialing under load: ${underLoad.per_second} dials/s, dial error p50 ${underLoad.p50_ms} ms, p99 ${underLoad.p99_ms} ms, max ${underLoad.max_ms} ms`);
    const p99Ratio = round(underLoad.p99_ms / Math.max(1, baseline.p99_ms), 2);
    const p99Bound = Math.min(250, Math.max(2 * baseline.p99_ms, baseline.p99_ms + 25));
    console.log(`dial error p99 load/baseline: ${p99Ratio} (bound ${p99Bound} ms)`);
    console.log(`results: ${resultsReceived} received by the result_url; outbox backlog at the end ${outboxPending}`);

    const ok = failed === 0 && non2xx === 0 && fiveXX === 0 && s503 === 0 && busyInLog === 0 && underLoad.p99_ms <= p99Bound && underLoad.per_second >= 0.9 * baseline.per_second;
    if (!ok) exitCode = 1;
    console.log(
      JSON.stringify({
        bench: 'load',
        seconds: LOAD_SECONDS,
        connections: CONNECTIONS,
        requests,
        rps: round(requests / ((l1 - l0) / 1000)),
        failed,
        non2xx,
        '5xx': fiveXX,
        '503': s503,
        sqlite_busy_in_log: busyInLog,
        endpoints: perEndpoint,
        dial_rate_target: DIAL_RATE,
        dial_baseline: baseline,
        dial_under_load: underLoad,
        dial_p99_ratio: p99Ratio,
        dial_p99_bound_ms: p99Bound,
        results_received: resultsReceived,
        outbox_pending_at_end: outboxPending,
        cpus: os.cpus().length,
        loadavg_1m: round(os.loadavg()[0], 2),
        loadgen_nice: LOADGEN_NICE,
        ok,
      }),
    );
  } finally {
    await server.stop();
    await receiver.close();
  }
  process.exit(exitCode);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
