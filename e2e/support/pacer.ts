import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readEasternClock } from '../../lib/pacing/testing/easternOracle';
import type { ApiClient, Body } from './api';

/**
 * Helpers for the pacer's tests on the real server: Eastern wall-clock windows that cover "now"
 * (never across midnight), a local result_url receiver, and polling.
 */

/** An instant's Eastern date ('YYYY-MM-DD'), weekday ('thu') and wall time ('HH:MM'). */
export function eastern(t: number): { date: string; day: string; time: string } {
  const { date, weekday, time } = readEasternClock(t);
  return { date, day: weekday, time };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PlannedWindow {
  /** The instant the window opens: a whole minute (Eastern offsets are whole hours). */
  startsAt: number;
  date: string;
  day: string;
  startTime: string;
  endTime: string;
}

/**
 * A window of `minutes` opening at the next whole minute at least `leadMs` away. When it would
 * cross Eastern midnight (windows cannot), waits for the new Eastern day first.
 */
export async function upcomingWindow(minutes: number, leadMs = 4_000): Promise<PlannedWindow> {
  for (;;) {
    const startsAt = Math.ceil((Date.now() + leadMs) / 60_000) * 60_000;
    const start = eastern(startsAt);
    const end = eastern(startsAt + minutes * 60_000);
    if (end.date === start.date && end.time > start.time) return { startsAt, date: start.date, day: start.day, startTime: start.time, endTime: end.time };
    await sleep(Math.min(60_000, startsAt + minutes * 60_000 - Date.now()));
  }
}

/**
 * A window that is open now and stays open `minutes` more (starts at the current minute), for
 * tests that only need dialing to happen. Waits out the end of the Eastern day if needed.
 */
export async function openWindow(minutes: number): Promise<PlannedWindow> {
  for (;;) {
    const startsAt = Math.floor(Date.now() / 60_000) * 60_000;
    const start = eastern(startsAt);
    const end = eastern(startsAt + (minutes + 1) * 60_000);
    if (end.date === start.date && end.time > start.time) return { startsAt, date: start.date, day: start.day, startTime: start.time, endTime: end.time };
    await sleep(Math.min(60_000, startsAt + (minutes + 1) * 60_000 - Date.now()));
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface ReceivedResult {
  at: number;
  deliveryId: string | undefined;
  body: Body;
}

export interface ResultReceiver {
  url: string;
  port: number;
  results: ReceivedResult[];
  /** Answers with this status while set (e.g. 503), instead of 200. */
  failWith: number | null;
  listen(): Promise<void>;
  close(): Promise<void>;
}

/** A local result_url. It can be closed and reopened on the same port to simulate an outage. */
export async function resultReceiver(): Promise<ResultReceiver> {
  let server: http.Server | null = null;
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  const receiver: ResultReceiver = {
    url: `http://127.0.0.1:${port}/results`,
    port,
    results: [],
    failWith: null,
    async listen() {
      server = http.createServer((req, res) => {
        let raw = '';
        req.on('data', (d) => (raw += d));
        req.on('end', () => {
          if (receiver.failWith !== null) {
            res.statusCode = receiver.failWith;
            res.end();
            return;
          }
          receiver.results.push({ at: Date.now(), deliveryId: req.headers['callpace-delivery-id'] as string | undefined, body: JSON.parse(raw) });
          res.end('ok');
        });
      });
      server.keepAliveTimeout = 1;
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    },
    async close() {
      if (!server) return;
      const s = server;
      server = null;
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    },
  };
  return receiver;
}

export interface CallRecord {
  call_id: number;
  phone_number: string;
  message_reference: string | null;
  status: string;
  outcome: string | null;
  attempt: number;
  slot_at: string | null;
  dialed_at: string | null;
  ended_at: string | null;
}

/** Every call of a campaign through the calls API, following next_cursor. */
export async function allCalls(api: ApiClient, campaignId: number): Promise<CallRecord[]> {
  const out: CallRecord[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1_000; page++) {
    const r = await api.get(`/api/campaigns/${campaignId}/calls?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200) throw new Error(`GET calls → ${r.status} ${r.text}`);
    out.push(...r.body.calls);
    cursor = r.body.next_cursor;
    if (!cursor) return out;
  }
  throw new Error('too many pages');
}

/** `count` phone-list entries with a message_reference each: "tel:+1202555XXXX; ani=…, ref-i". */
export function phoneEntries(count: number, prefix = 'ref'): string[] {
  return Array.from({ length: count }, (_, i) => `tel:+1202555${String(1000 + i).padStart(4, '0')}; ani=+12025550100, ${prefix}-${i}`);
}

/** A schedule for one weekday, a profile, and a stopped campaign with `calls` queued calls. */
export async function pacedCampaign(
  api: ApiClient,
  o: { window: PlannedWindow; windowEnd?: string; profile: { period: number; amount_per_period: number; time_between_periods: number }; calls: number; resultUrl?: string; refPrefix?: string },
): Promise<number> {
  const schedule = await api.createSchedule([o.window.day]);
  const profile = await api.createProfile(o.profile);
  return api.createCampaign({
    start_date: o.window.date,
    end_date: o.window.date,
    schedule,
    profiles: [{ profile, start_time: o.window.startTime, end_time: o.windowEnd ?? o.window.endTime }],
    start_url: 'http://voice.example/start.vxml',
    ...(o.resultUrl && { result_url: o.resultUrl }),
    phone_numbers: phoneEntries(o.calls, o.refPrefix),
  });
}

export async function startCampaign(api: ApiClient, id: number): Promise<void> {
  const r = await api.post('/api/campaigns/start', { json: { campaign_id: id } });
  if (r.status !== 200) throw new Error(`start → ${r.status} ${r.text}`);
}

export async function stopCampaign(api: ApiClient, id: number): Promise<void> {
  const r = await api.post('/api/campaigns/stop', { json: { campaign_id: id } });
  if (r.status !== 200) throw new Error(`stop → ${r.status} ${r.text}`);
}
