import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api';
import { allCalls, openWindow, pacedCampaign, resultReceiver, startCampaign, waitFor, type ResultReceiver } from '../support/pacer';
import { freePort, startServer, type TestServer } from '../support/server';

/**
 * DIALER=http against a platform stub: the server POSTs each call with the bearer secret; the
 * stub "rings" it and POSTs the outcome to the signed status_callback_url it was given.
 */

interface Placed {
  authorization: string | undefined;
  body: Record<string, unknown>;
  callback?: number;
}

async function platformStub() {
  const placed: Placed[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const call: Placed = { authorization: req.headers.authorization, body: JSON.parse(raw) };
      placed.push(call);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `plat-${placed.length}` }));
      // The call "rings" for 300 ms; odd ones are answered, even ones busy.
      setTimeout(async () => {
        const answered = (call.body.call_id as number) % 2 === 1;
        const r = await fetch(call.body.status_callback_url as string, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ status: answered ? 'answered' : 'busy', duration_seconds: answered ? 12 : 0 }),
        });
        call.callback = r.status;
      }, 300);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/calls`, placed, close: () => new Promise((r) => server.close(r)) };
}

let server: TestServer | undefined;
let receiver: ResultReceiver | undefined;
let platform: Awaited<ReturnType<typeof platformStub>> | undefined;

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
  await platform?.close();
});

describe('http dialer', () => {
  it('places calls on the platform and completes them from its signed status callbacks', async () => {
    platform = await platformStub();
    receiver = await resultReceiver();
    await receiver.listen();
    const port = await freePort();
    server = await startServer({
      port,
      env: { DIALER: 'http', DIALER_HTTP_URL: platform.url, DIALER_HTTP_SECRET: 'platform-s3cret', PUBLIC_URL: `http://127.0.0.1:${port}` },
    });
    const api = new ApiClient(server.url, server.token('http-dialer'));
    const id = await pacedCampaign(api, { window: await openWindow(2), profile: { period: 1, amount_per_period: 600, time_between_periods: 0 }, calls: 6, resultUrl: receiver.url });
    await startCampaign(api, id);
    await waitFor('the campaign to complete', async () => (await api.get(`/api/campaigns/${id}`)).body.status === 'completed', 30_000);

    expect(platform.placed).toHaveLength(6);
    for (const p of platform.placed) {
      expect(p.authorization).toBe('Bearer platform-s3cret');
      expect(Object.keys(p.body).sort()).toEqual(['ani', 'call_id', 'message_reference', 'start_url', 'status_callback_url', 'to']);
      expect(p.body.start_url).toBe('http://voice.example/start.vxml');
      expect(String(p.body.status_callback_url)).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/api/dialer/callback\\?call_id=\\d+&attempt=1&token=`));
      expect(p.callback).toBe(200);
    }
    const calls = await allCalls(api, id);
    expect(calls.map((c) => [c.status, c.outcome])).toEqual(calls.map((c) => ['completed', c.call_id % 2 === 1 ? 'answered' : 'busy']));
    await waitFor('every result', async () => receiver!.results.length >= 6, 10_000);
    expect(receiver.results.map((r) => r.body.status).sort()).toEqual(['answered', 'answered', 'answered', 'busy', 'busy', 'busy']);

    // The callback route is not behind bearer auth, but only a correctly signed URL is accepted.
    const url = new URL(String(platform.placed[0].body.status_callback_url));
    const post = (u: URL, body: unknown) => fetch(u, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const forged = new URL(url);
    forged.searchParams.set('token', 'x'.repeat(43));
    expect((await post(forged, { status: 'failed' })).status).toBe(403);
    const otherCall = new URL(url);
    otherCall.searchParams.set('call_id', String(Number(url.searchParams.get('call_id')) + 1));
    expect((await post(otherCall, { status: 'failed' })).status).toBe(403);
    expect((await post(url, { status: 'ringing' })).status).toBe(422);
    // A repeat of a genuine callback is accepted and changes nothing.
    expect((await post(url, { status: 'failed' })).status).toBe(200);
    expect((await allCalls(api, id)).find((c) => c.call_id === Number(url.searchParams.get('call_id')))!.outcome).not.toBe('failed');
  }, 120_000);
});
