import { describe, expect, it } from 'vitest';
import { clientKey, FailureLimiter } from './rate-limit';

const limiter = () => new FailureLimiter({ maxFailures: 3, windowMs: 60_000, maxGlobalFailures: 10, maxKeys: 5 });

describe('FailureLimiter', () => {
  it('refuses a key after maxFailures within the window, until the window ends', () => {
    const l = limiter();
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterSeconds('a', t)).toBe(0);
      l.recordFailure('a', t);
    }
    expect(l.retryAfterSeconds('a', t)).toBe(60);
    expect(l.retryAfterSeconds('a', t + 59_500)).toBe(1);
    expect(l.retryAfterSeconds('a', t + 60_000)).toBe(0);
    expect(l.retryAfterSeconds('b', t)).toBe(0); // other clients unaffected
  });

  it('reports a global flood without blocking any key by it', () => {
    const l = limiter();
    for (let i = 0; i < 10; i++) l.recordFailure(`k${i}`, 5_000);
    expect(l.globalRetryAfterSeconds(5_000)).toBe(60);
    expect(l.retryAfterSeconds('fresh', 5_000)).toBe(0);
    expect(l.globalRetryAfterSeconds(65_000)).toBe(0);
  });

  it('remembers at most maxKeys keys', () => {
    const l = limiter();
    for (let i = 0; i < 100; i++) l.recordFailure(`k${i}`, 1);
    expect(l.size).toBe(5);
  });

  it('reset forgets a key', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('a', 1);
    l.reset('a');
    expect(l.retryAfterSeconds('a', 2)).toBe(0);
  });
});

describe('clientKey', () => {
  const req = (xff?: string) => new Request('http://x/', { headers: xff ? { 'x-forwarded-for': xff } : {} });
  it('uses the last X-Forwarded-For hop (the one a reverse proxy appended)', () => {
    expect(clientKey(req('1.2.3.4'))).toBe('1.2.3.4');
    expect(clientKey(req('6.6.6.6, 10.0.0.1'))).toBe('10.0.0.1');
    expect(clientKey(req())).toBe('unknown');
    expect(clientKey(req('x'.repeat(500))).length).toBe(64);
  });
});
