import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { postResult } from './deliver';

// A name that answers a public address to the check before connecting and 127.0.0.1 to the
// connect itself: DNS rebinding. The receiver on 127.0.0.1 counts what reaches it.
const REBINDING_HOST = 'rebinding.callpace.test';
let receiver: http.Server;
let received = 0;
let url: string;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    received++;
    req.resume();
    res.end('ok');
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://${REBINDING_HOST}:${(receiver.address() as AddressInfo).port}/results`;
  vi.spyOn(dns.promises, 'lookup').mockImplementation((async (host: string) => {
    if (host !== REBINDING_HOST) throw new Error(`unexpected lookup of ${host}`);
    return [{ address: '93.184.216.34', family: 4 }];
  }) as unknown as typeof dns.promises.lookup);
  vi.spyOn(dns, 'lookup').mockImplementation(((host: string, _options: unknown, callback: (e: null, a: dns.LookupAddress[]) => void) => {
    if (host !== REBINDING_HOST) throw new Error(`unexpected lookup of ${host}`);
    callback(null, [{ address: '127.0.0.1', family: 4 }]);
  }) as unknown as typeof dns.lookup);
});

afterEach(() => {
  delete process.env.RESULT_URL_DENY_PRIVATE;
  received = 0;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise((r) => receiver.close(r));
});

const delivery = { id: 7, url: '', payload: '{"call_id":1}', attempts: 0 };

describe('result deliveries resolve the host at connect time', () => {
  it('RESULT_URL_DENY_PRIVATE=1: a name that turns private after the check is refused, nothing is sent', async () => {
    process.env.RESULT_URL_DENY_PRIVATE = '1';
    const result = await postResult({ ...delivery, url }, 5_000);
    expect(result).toEqual({ ok: false, statusCode: null, error: expect.stringContaining('refusing to connect to 127.0.0.1') });
    expect(received).toBe(0);
  });

  it('with the flag off the same name is delivered to (the connect used that lookup)', async () => {
    const result = await postResult({ ...delivery, url }, 5_000);
    expect(result).toEqual({ ok: true, statusCode: 200, error: null });
    expect(received).toBe(1);
  });
});
