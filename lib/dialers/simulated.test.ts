import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallEnd, DialRequest } from './port';
import { createSimulatedDialer, simulateCall } from './simulated';

const call = (callId: number): DialRequest => ({ callId, campaignId: 1, to: '+15550000000', ani: null, startUrl: 'u', messageReference: null, attempt: 1 });

describe('simulated dialer', () => {
  afterEach(() => vi.useRealTimers());

  it('is repeatable with a seed: each call’s outcome and length depend only on (seed, call, attempt)', () => {
    const options = { answerRate: 0.5, callSeconds: null, seed: 42 };
    const a = Array.from({ length: 50 }, (_, i) => simulateCall(options, i, 1));
    const b = Array.from({ length: 50 }, (_, i) => simulateCall(options, i, 1));
    expect(a).toEqual(b);
    expect(Array.from({ length: 50 }, (_, i) => simulateCall({ ...options, seed: 43 }, i, 1))).not.toEqual(a);
    expect(a.every((r) => r.seconds >= 5 && r.seconds <= 60)).toBe(true);
  });

  it('answers about SIM_ANSWER_RATE of calls; the rest are busy, no-answer or failed', () => {
    const outcomes = Array.from({ length: 10_000 }, (_, i) => simulateCall({ answerRate: 0.3, callSeconds: 1, seed: 7 }, i, 1).outcome);
    const share = (o: string) => outcomes.filter((x) => x === o).length / outcomes.length;
    expect(share('answered')).toBeCloseTo(0.3, 1);
    for (const o of ['busy', 'no-answer', 'failed']) expect(share(o)).toBeCloseTo(0.7 / 3, 1);
    expect(simulateCall({ answerRate: 1, callSeconds: 1, seed: 1 }, 5, 1).outcome).toBe('answered');
    expect(simulateCall({ answerRate: 0, callSeconds: 1, seed: 1 }, 5, 1).outcome).not.toBe('answered');
  });

  it('ends each call after SIM_CALL_SECONDS with its outcome', () => {
    vi.useFakeTimers({ now: new Date('2026-06-10T16:00:00Z') });
    const ended: CallEnd[] = [];
    const dialer = createSimulatedDialer({ answerRate: 1, callSeconds: 3, seed: 1 }, { ended: (e) => ended.push(e) });
    dialer.dial(call(9));
    vi.advanceTimersByTime(2_999);
    expect(ended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ended).toEqual([{ callId: 9, outcome: 'answered', endedAt: new Date('2026-06-10T16:00:03Z'), durationSeconds: 3 }]);
  });
});
