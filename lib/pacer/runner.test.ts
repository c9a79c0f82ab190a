import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopCampaign } from '../campaigns/lifecycle';
import type { Dialer, DialerEvents, DialRequest } from '../dialers';
import { DEFAULT_PACER_CONFIG } from './config';
import { createPacer } from './runner';
import { edt, openDb, seedCampaign, start } from './testing/fixtures';

const results = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 3, timeoutMs: 1_000, concurrency: 2 };

/** Records the (fake) wall clock at each dial; ends every call 2 s later, answered. */
function recordingDialer(events: DialerEvents, log: Array<{ call: DialRequest; at: number }>): Dialer {
  return {
    name: 'recording',
    dial(call) {
      log.push({ call, at: Date.now() });
      setTimeout(() => events.ended({ callId: call.callId, outcome: 'answered', endedAt: new Date(), durationSeconds: 2 }), 2_000);
    },
  };
}

describe('the live runner (fake timers)', () => {
  afterEach(() => vi.useRealTimers());

  it('dials each slot at its exact instant from timers set one tick ahead, and records call ends', async () => {
    vi.useFakeTimers({ now: edt('2026-06-10T11:59:58.000') });
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { windows: [{ start: '12:00', end: '13:00', period: 1, amount: 600, idle: 0 }] }); // every 100 ms
    start(db, ids, new Date());
    const log: Array<{ call: DialRequest; at: number }> = [];
    const pacer = createPacer({ db: () => db, clock: () => new Date(), config: DEFAULT_PACER_CONFIG, results, dialer: (e) => recordingDialer(e, log) });
    await pacer.start();
    for (let s = 0; s < 4; s++) {
      pacer.tick();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    // Ticks at 11:59:58, :59, 12:00:00, :01 planned through 12:00:02.25; the clock is at 12:00:02.
    const slots = log.map((d) => d.at - edt('2026-06-10T12:00:00').getTime());
    expect(slots).toEqual(Array.from({ length: 21 }, (_, k) => k * 100));
    expect(log.map((d) => d.call.to)).toEqual(log.map((_, i) => `+1555${String(i).padStart(7, '0')}`));
    await vi.advanceTimersByTimeAsync(2_100);
    expect(db.$client.prepare("SELECT count(*) FROM calls WHERE status = 'completed'").pluck().get()).toBeGreaterThanOrEqual(21);
    pacer.stop();
  });

  it('dials nothing after a stop, even for slots already on a timer', async () => {
    vi.useFakeTimers({ now: edt('2026-06-10T11:59:59.000') });
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { windows: [{ start: '12:00', end: '13:00', period: 1, amount: 600, idle: 0 }] });
    start(db, ids, new Date());
    const log: Array<{ call: DialRequest; at: number }> = [];
    const pacer = createPacer({ db: () => db, clock: () => new Date(), config: DEFAULT_PACER_CONFIG, results, dialer: (e) => recordingDialer(e, log) });
    await pacer.start();
    pacer.tick();
    await vi.advanceTimersByTimeAsync(1_000);
    pacer.tick(); // timers for 12:00:00.1 … 12:00:01.2
    await vi.advanceTimersByTimeAsync(450);
    stopCampaign(db, ids.accountId, ids.campaignId, new Date());
    await vi.advanceTimersByTimeAsync(2_000);
    expect(log.map((d) => d.at - edt('2026-06-10T12:00:00').getTime())).toEqual([0, 100, 200, 300, 400]);
    pacer.stop();
  });

  it('skips the slots of the time the process was down', async () => {
    vi.useFakeTimers({ now: edt('2026-06-10T12:00:30.000') });
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { windows: [{ start: '12:00', end: '13:00', period: 1, amount: 600, idle: 0 }] });
    start(db, ids, edt('2026-06-10T11:59:00')); // started long ago; the server was down until 12:00:30
    const log: Array<{ call: DialRequest; at: number }> = [];
    const pacer = createPacer({ db: () => db, clock: () => new Date(), config: DEFAULT_PACER_CONFIG, results, dialer: (e) => recordingDialer(e, log) });
    await pacer.start();
    pacer.tick();
    await vi.advanceTimersByTimeAsync(500);
    expect(log.map((d) => d.at - edt('2026-06-10T12:00:30').getTime())).toEqual([100, 200, 300, 400, 500]);
    pacer.stop();
  });

  it('a campaign started between ticks dials from the next tick on, without a burst of the slots it missed', async () => {
    vi.useFakeTimers({ now: edt('2026-06-10T12:00:00.000') });
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { windows: [{ start: '12:00', end: '13:00', period: 1, amount: 600, idle: 0 }] });
    const log: Array<{ call: DialRequest; at: number }> = [];
    const pacer = createPacer({ db: () => db, clock: () => new Date(), config: DEFAULT_PACER_CONFIG, results, dialer: (e) => recordingDialer(e, log) });
    await pacer.start();
    pacer.tick();
    await vi.advanceTimersByTimeAsync(300);
    start(db, ids, new Date());
    await vi.advanceTimersByTimeAsync(700);
    pacer.tick();
    await vi.advanceTimersByTimeAsync(350);
    expect(log.map((d) => d.at - edt('2026-06-10T12:00:00').getTime())).toEqual([1_100, 1_200, 1_300]);
    pacer.stop();
  });
});
