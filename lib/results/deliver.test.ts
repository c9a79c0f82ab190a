import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { ConflictError, NotFoundError } from '../errors';
import { completeCalls } from '../pacer/end-calls';
import { edt, FakeDialer, openDb, seedCampaign, start, tickDeps } from '../pacer/testing/fixtures';
import { runPacerTick } from '../pacer/tick';
import { retryDelayMs, type ResultDeliveryConfig } from './config';
import { claimDueDeliveries, createResultSender } from './deliver';
import { replayDelivery } from './replay';

const config: ResultDeliveryConfig = { baseDelayMs: 1_000, maxDelayMs: 4_000, maxAttempts: 5, timeoutMs: 200, concurrency: 4 };

/** One campaign whose first call has ended (answered), so one delivery is pending. */
function endedCall(resultUrl: string | null = 'http://results.example/in') {
  const db = openDb(':memory:');
  const ids = seedCampaign(db, { resultUrl: resultUrl ?? undefined });
  start(db, ids, edt('2026-06-10T11:59:59'));
  const dialer = new FakeDialer();
  runPacerTick(tickDeps(db, dialer, edt('2026-06-10T12:00:00')));
  const call = dialer.dialed[0];
  completeCalls(db, [{ callId: call.callId, outcome: 'answered', endedAt: edt('2026-06-10T12:00:42'), durationSeconds: 42 }], edt('2026-06-10T12:00:42'));
  return { db, ids, call };
}

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A fetch that answers from a list of statuses (or throws for 'down'), recording every request. */
function fakeFetch(answers: Array<number | 'down' | 'hang'>) {
  const sent: Sent[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    sent.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(init.body as string) });
    const answer = answers.shift() ?? 200;
    if (answer === 'down') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    if (answer === 'hang')
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'TimeoutError' }))));
    return new Response('ok', { status: answer });
  }) as unknown as typeof fetch;
  return { sent, impl };
}

const delivery = (db: Db) =>
  db.$client.prepare('SELECT id, status, attempts, next_attempt_at, last_error, last_status_code, delivered_at FROM result_deliveries').get() as {
    id: number;
    status: string;
    attempts: number;
    next_attempt_at: number;
    last_error: string | null;
    last_status_code: number | null;
    delivered_at: number | null;
  };

async function attemptAt(db: Db, at: Date, f: typeof fetch) {
  const sender = createResultSender({ db, clock: () => at, config, fetch: f, random: () => 1 });
  sender.pump();
  await sender.idle();
}

describe('result delivery (outbox)', () => {
  it('queues one delivery when a call ends and POSTs the result with its delivery id', async () => {
    const { db, ids, call } = endedCall();
    const { sent, impl } = fakeFetch([200]);
    await attemptAt(db, edt('2026-06-10T12:00:43'), impl);
    const d = delivery(db);
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('http://results.example/in');
    expect(sent[0].headers['callpace-delivery-id']).toBe(String(d.id));
    expect(sent[0].body).toEqual({
      campaign_id: ids.campaignId,
      call_id: call.callId,
      phone_number: '+15550000000',
      ani: '+15550009999',
      message_reference: 'ref-0',
      status: 'answered',
      attempt: 1,
      dialed_at: '2026-06-10T16:00:00.000Z',
      ended_at: '2026-06-10T16:00:42.000Z',
      duration_seconds: 42,
      delivery_id: d.id,
    });
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, delivered_at: edt('2026-06-10T12:00:43').getTime() });
  });

  it('creates no delivery for a campaign without result_url', () => {
    const { db } = endedCall(null);
    expect(db.$client.prepare('SELECT count(*) FROM result_deliveries').pluck().get()).toBe(0);
  });

  it('retries errors and timeouts with capped exponential backoff, then gives up as dead', async () => {
    const { db } = endedCall();
    const { sent, impl } = fakeFetch([500, 'down', 'hang', 503, 502]);
    let at = edt('2026-06-10T12:00:43').getTime();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await attemptAt(db, new Date(at), impl);
      const d = delivery(db);
      if (d.status === 'pending') {
        delays.push(d.next_attempt_at - at);
        // Not due a millisecond early.
        await attemptAt(db, new Date(d.next_attempt_at - 1), impl);
        at = d.next_attempt_at;
      }
    }
    expect(sent).toHaveLength(5);
    expect(delays).toEqual([1_000, 2_000, 4_000, 4_000]);
    expect(delivery(db)).toMatchObject({ status: 'dead', attempts: 5, last_status_code: 502, last_error: 'HTTP 502' });
  });

  it('records why an attempt failed', async () => {
    const { db } = endedCall();
    const { impl } = fakeFetch(['hang']);
    await attemptAt(db, edt('2026-06-10T12:00:43'), impl);
    expect(delivery(db)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'timed out after 200 ms', last_status_code: null });
    const down = fakeFetch(['down']);
    await attemptAt(db, edt('2026-06-10T12:00:45'), down.impl);
    expect(delivery(db)).toMatchObject({ attempts: 2, last_error: 'ECONNREFUSED' });
  });

  it('jitters each delay into [50 %, 100 %] of the exponential step', () => {
    expect(retryDelayMs(1, config, () => 0)).toBe(500);
    expect(retryDelayMs(3, config, () => 0.5)).toBe(3_000);
    expect(retryDelayMs(50, config, () => 1)).toBe(4_000);
  });

  it('leases a delivery while it is being sent, and resends it after a crash once the lease runs out', () => {
    const { db } = endedCall();
    const now = edt('2026-06-10T12:00:43');
    expect(claimDueDeliveries(db, now, 10, config.timeoutMs)).toHaveLength(1);
    // A second sender (another process) sees nothing while the lease holds…
    expect(claimDueDeliveries(db, now, 10, config.timeoutMs)).toHaveLength(0);
    // …and after the first one died without recording anything, the delivery is due again.
    expect(claimDueDeliveries(db, new Date(now.getTime() + config.timeoutMs + 5_000), 10, config.timeoutMs)).toHaveLength(1);
  });

  it('replays a dead delivery with fresh attempts, only for its own account', async () => {
    const { db, ids } = endedCall();
    const { impl } = fakeFetch([500, 500, 500, 500, 500]);
    db.$client.prepare('UPDATE result_deliveries SET attempts = 4').run();
    await attemptAt(db, edt('2026-06-10T12:00:43'), impl);
    const { id } = delivery(db);
    expect(delivery(db).status).toBe('dead');
    const other = seedCampaign(db, { account: 'other' });
    expect(() => replayDelivery(db, other.accountId, id, edt('2026-06-10T13:00:00'))).toThrow(NotFoundError);
    replayDelivery(db, ids.accountId, id, edt('2026-06-10T13:00:00'));
    expect(delivery(db)).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: edt('2026-06-10T13:00:00').getTime() });
    expect(() => replayDelivery(db, ids.accountId, id, edt('2026-06-10T13:00:00'))).toThrow(ConflictError);
    const ok = fakeFetch([200]);
    await attemptAt(db, edt('2026-06-10T13:00:00'), ok.impl);
    expect(delivery(db).status).toBe('delivered');
  });
});
