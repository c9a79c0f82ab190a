import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors';
import { assertSignInAllowed, clearSignInFailures, MAX_FAILURES, MAX_FAILURES_PER_EMAIL, recordSignInFailure, WINDOW_MS } from './sign-in-limiter';

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

describe('failures per email across addresses', () => {
  it('refuses an email after MAX_FAILURES_PER_EMAIL failures even from rotating addresses', () => {
    const email = 'rotating@example.com';
    const now = 1_000_000;
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) recordSignInFailure(email, `10.0.0.${i}`, now);
    expect(() => assertSignInAllowed(email, '10.9.9.9', now)).toThrow(RateLimitedError);
    expect(() => assertSignInAllowed('other@example.com', '10.9.9.9', now)).not.toThrow();
    clearSignInFailures(email, '10.9.9.9');
    expect(() => assertSignInAllowed(email, '10.9.9.9', now)).not.toThrow();
  });
});
