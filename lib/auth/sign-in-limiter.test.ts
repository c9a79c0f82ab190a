import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors';
import { assertSignInAllowed, clearSignInFailures, MAX_FAILURES, recordSignInFailure, WINDOW_MS } from './sign-in-limiter';

describe('sign-in limiter', () => {
  it(`refuses after ${MAX_FAILURES} failures in the window, per email and address`, () => {
    const t0 = 1_000_000;
    for (let i = 0; i < MAX_FAILURES; i++) {
      assertSignInAllowed('a@example.com', '1.2.3.4', t0 + i);
      recordSignInFailure('a@example.com', '1.2.3.4', t0 + i);
    }
    expect(() => assertSignInAllowed('a@example.com', '1.2.3.4', t0 + 100)).toThrow(RateLimitedError);
    // Another address, or another email, is not affected.
    expect(() => assertSignInAllowed('a@example.com', '5.6.7.8', t0 + 100)).not.toThrow();
    expect(() => assertSignInAllowed('b@example.com', '1.2.3.4', t0 + 100)).not.toThrow();
    // The oldest failure leaves the window: allowed again.
    expect(() => assertSignInAllowed('a@example.com', '1.2.3.4', t0 + WINDOW_MS + 1)).not.toThrow();
  });

  it('tells how long to wait', () => {
    const t0 = 5_000_000;
    for (let i = 0; i < MAX_FAILURES; i++) recordSignInFailure('c@example.com', 'x', t0);
    try {
      assertSignInAllowed('c@example.com', 'x', t0 + 60_000);
      expect.unreachable();
    } catch (e) {
      expect((e as RateLimitedError).retryAfterSeconds).toBe((WINDOW_MS - 60_000) / 1000);
    }
  });

  it('a success clears the count', () => {
    for (let i = 0; i < MAX_FAILURES; i++) recordSignInFailure('d@example.com', 'x', 10);
    clearSignInFailures('d@example.com', 'x');
    expect(() => assertSignInAllowed('d@example.com', 'x', 20)).not.toThrow();
  });
});
