import { describe, expect, it } from 'vitest';
import { dialerConfigFromEnv } from '../dialers';
import { resultDeliveryConfigFromEnv } from '../results/config';
import { pacerConfigFromEnv } from './config';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    expect(pacerConfigFromEnv({})).toMatchObject({ enabled: true, maxConcurrentCalls: null, graceMs: 2_000 });
    expect(dialerConfigFromEnv({})).toMatchObject({ kind: 'simulated', answerRate: 0.5, callSeconds: null, seed: expect.any(Number) });
    expect(resultDeliveryConfigFromEnv({})).toEqual({ baseDelayMs: 1_000, maxDelayMs: 900_000, maxAttempts: 25, timeoutMs: 10_000, concurrency: 16 });
  });

  it('reads every variable', () => {
    expect(pacerConfigFromEnv({ PACER: 'off', MAX_CONCURRENT_CALLS: '40' })).toMatchObject({ enabled: false, maxConcurrentCalls: 40 });
    expect(dialerConfigFromEnv({ SIM_ANSWER_RATE: '0.25', SIM_CALL_SECONDS: '3', SIM_SEED: '9' })).toEqual({ kind: 'simulated', answerRate: 0.25, callSeconds: 3, seed: 9 });
    expect(dialerConfigFromEnv({ DIALER: 'http', DIALER_HTTP_URL: 'https://pbx.example/calls', DIALER_HTTP_SECRET: 's', PORT: '4000' })).toEqual({
      kind: 'http',
      url: 'https://pbx.example/calls',
      secret: 's',
      timeoutMs: 10_000,
      publicUrl: 'http://127.0.0.1:4000',
    });
    expect(resultDeliveryConfigFromEnv({ RESULT_RETRY_BASE_MS: '200', RESULT_RETRY_MAX_MS: '50', RESULT_MAX_ATTEMPTS: '3' })).toMatchObject({
      baseDelayMs: 200,
      maxDelayMs: 200, // never below the base
      maxAttempts: 3,
    });
  });

  it.each([
    [() => pacerConfigFromEnv({ PACER: 'maybe' }), 'PACER'],
    [() => pacerConfigFromEnv({ MAX_CONCURRENT_CALLS: '-1' }), 'MAX_CONCURRENT_CALLS'],
    [() => dialerConfigFromEnv({ DIALER: 'carrier-pigeon' }), 'DIALER'],
    [() => dialerConfigFromEnv({ SIM_ANSWER_RATE: '2' }), 'SIM_ANSWER_RATE'],
    [() => dialerConfigFromEnv({ DIALER: 'http', DIALER_HTTP_SECRET: 's' }), 'DIALER_HTTP_URL'],
    [() => dialerConfigFromEnv({ DIALER: 'http', DIALER_HTTP_URL: 'ftp://x/y', DIALER_HTTP_SECRET: 's' }), 'DIALER_HTTP_URL'],
    [() => resultDeliveryConfigFromEnv({ RESULT_TIMEOUT_MS: 'soon' }), 'RESULT_TIMEOUT_MS'],
  ])('rejects a bad value, naming the variable (%#)', (read, name) => {
    expect(read).toThrow(name);
  });
});
