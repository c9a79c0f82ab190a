import type { CallOutcome } from '../enums';
import type { CallEnd, Dialer, DialerEvents, DialRequest } from './port';

export interface SimulatedDialerOptions {
  /** Share of calls answered, 0..1; the rest are busy, no-answer or failed in equal parts. */
  answerRate: number;
  /** Fixed call length; null draws 5–60 s per call. */
  callSeconds: number | null;
  /** Makes outcomes and lengths repeatable: each depends only on (seed, call id, attempt). */
  seed: number;
  clock?: () => Date;
}

const UNANSWERED: readonly CallOutcome[] = ['busy', 'no-answer', 'failed'];

/** mulberry32: a tiny, good-enough PRNG; seeded per call so results do not depend on dial order. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The outcome and length the simulation gives one call attempt. */
export function simulateCall(options: SimulatedDialerOptions, callId: number, attempt: number): { outcome: CallOutcome; seconds: number } {
  const random = prng(Math.imul(options.seed, 0x9e3779b1) ^ Math.imul(callId, 0x85ebca6b) ^ attempt);
  const outcome = random() < options.answerRate ? 'answered' : UNANSWERED[Math.floor(random() * UNANSWERED.length)];
  const seconds = options.callSeconds ?? 5 + Math.floor(random() * 56);
  return { outcome, seconds };
}

/** A dialer that needs no carrier: every call "rings" for its length, then ends with an outcome. */
export function createSimulatedDialer(options: SimulatedDialerOptions, events: DialerEvents): Dialer {
  const clock = options.clock ?? (() => new Date());
  const timers = new Set<NodeJS.Timeout>();
  return {
    name: 'simulated',
    dial(call: DialRequest) {
      const { outcome, seconds } = simulateCall(options, call.callId, call.attempt);
      const timer = setTimeout(() => {
        timers.delete(timer);
        const end: CallEnd = { callId: call.callId, outcome, endedAt: clock(), durationSeconds: seconds };
        events.ended(end);
      }, seconds * 1000);
      timers.add(timer);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
