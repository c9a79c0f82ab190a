import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors';
import { edt, FakeDialer, openDb, seedCampaign, start, tickDeps } from '../pacer/testing/fixtures';
import { runPacerTick } from '../pacer/tick';
import { recordDialerCallback } from './callback';
import { callbackSecret } from './callback-token';
import { createHttpDialer } from './http';
import type { CallEnd, DialRequest } from './port';

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  body: Record<string, unknown> | null;
}

/** A tiny telephony platform: accepts calls (or refuses with `status`), and answers status lookups. */
async function platformStub(status = 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : null });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET') {
        res.statusCode = req.url!.endsWith('/plat-2') ? 200 : 404;
        res.end(JSON.stringify({ status: 'busy', duration_seconds: 4, ended_at: '2026-06-10T16:00:20Z' }));
        return;
      }
      res.statusCode = status;
      res.end(JSON.stringify({ id: `plat-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/calls`, received, close: () => new Promise((r) => server.close(r)) };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('http dialer against a platform stub', () => {
  const stubs: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    await Promise.all(stubs.splice(0).map((s) => s.close()));
  });

  function claimOne() {
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { resultUrl: 'http://results.example/in' });
    start(db, ids, edt('2026-06-10T11:59:59'));
    const fake = new FakeDialer();
    runPacerTick(tickDeps(db, fake, edt('2026-06-10T12:00:00')));
    return { db, call: fake.dialed[0] };
  }

  it('POSTs the call with the bearer secret and a signed callback URL that completes the call', async () => {
    const platform = await platformStub();
    stubs.push(platform);
    const { db, call } = claimOne();
    const ends: CallEnd[] = [];
    const refs: Array<[number, string]> = [];
    const dialer = createHttpDialer(
      { url: platform.url, secret: 's3cret', publicUrl: 'http://127.0.0.1:3999', callbackSecret: callbackSecret(db), timeoutMs: 2_000 },
      { ended: (e) => ends.push(e), accepted: (id, ref) => refs.push([id, ref]) },
    );
    dialer.dial(call);
    await until(() => refs.length > 0);
    const [req] = platform.received;
    expect(req.authorization).toBe('Bearer s3cret');
    expect(req.body).toMatchObject({ to: '+15550000000', ani: '+15550009999', start_url: 'http://voice.example/start', message_reference: 'ref-0', call_id: call.callId });
    expect(refs).toEqual([[call.callId, 'plat-1']]);
    expect(ends).toEqual([]);

    // The platform reports the outcome on the callback URL it was given.
    const callback = new URL(req.body!.status_callback_url as string);
    expect(callback.origin + callback.pathname).toBe('http://127.0.0.1:3999/api/dialer/callback');
    const query = Object.fromEntries(callback.searchParams);
    expect(() => recordDialerCallback(db, { ...query, token: 'forged' }, { status: 'answered' }, edt('2026-06-10T12:00:30'))).toThrow(ForbiddenError);
    expect(() => recordDialerCallback(db, { ...query, attempt: '2' }, { status: 'answered' }, edt('2026-06-10T12:00:30'))).toThrow(ForbiddenError);
    recordDialerCallback(db, query, { status: 'answered', duration_seconds: 25, ended_at: '2026-06-10T16:00:29Z' }, edt('2026-06-10T12:00:30'));
    expect(db.$client.prepare('SELECT status, outcome, duration_seconds, ended_at FROM calls WHERE id = ?').get(call.callId)).toEqual({
      status: 'completed',
      outcome: 'answered',
      duration_seconds: 25,
      ended_at: Date.parse('2026-06-10T16:00:29Z'),
    });
    // A repeated callback is accepted and changes nothing.
    recordDialerCallback(db, query, { status: 'busy' }, edt('2026-06-10T12:00:31'));
    expect(db.$client.prepare('SELECT outcome FROM calls WHERE id = ?').pluck().get(call.callId)).toBe('answered');
    expect(db.$client.prepare('SELECT count(*) FROM result_deliveries').pluck().get()).toBe(1);
  });

  it('ends a call as failed when the platform refuses it or cannot be reached (never redials)', async () => {
    const platform = await platformStub(503);
    stubs.push(platform);
    const ends: CallEnd[] = [];
    const base = { secret: 's', publicUrl: 'http://127.0.0.1:3999', callbackSecret: 'k', timeoutMs: 1_000 };
    const call: DialRequest = { callId: 5, campaignId: 1, to: '+15550000000', ani: null, startUrl: 'u', messageReference: null, attempt: 1 };
    createHttpDialer({ ...base, url: platform.url }, { ended: (e) => ends.push(e) }).dial(call);
    createHttpDialer({ ...base, url: 'http://127.0.0.1:9/calls' }, { ended: (e) => ends.push(e) }).dial({ ...call, callId: 6 });
    await until(() => ends.length === 2);
    expect(ends.map((e) => [e.callId, e.outcome]).sort()).toEqual([
      [5, 'failed'],
      [6, 'failed'],
    ]);
    expect(platform.received).toHaveLength(1);
  });

  it('asks the platform how calls placed before a crash ended', async () => {
    const platform = await platformStub();
    stubs.push(platform);
    const dialer = createHttpDialer({ url: platform.url, secret: 's', publicUrl: 'http://x', callbackSecret: 'k', timeoutMs: 1_000 }, { ended: () => {} });
    const ends = await dialer.outcomesOf!([
      { callId: 1, dialerRef: 'plat-1' },
      { callId: 2, dialerRef: 'plat-2' },
      { callId: 3, dialerRef: null },
    ]);
    expect(ends).toEqual([{ callId: 2, outcome: 'busy', endedAt: new Date('2026-06-10T16:00:20Z'), durationSeconds: 4 }]);
    expect(platform.received.map((r) => `${r.method} ${r.url} ${r.authorization}`)).toEqual(['GET /calls/plat-1 Bearer s', 'GET /calls/plat-2 Bearer s']);
  });
});
