import { Histogram } from './prometheus';

/**
 * In-process figures that only the running pacer and outbox know (the database knows the rest):
 * when the pacer last ticked, how long ticks take, how many calls it dialed, how deliveries go.
 * The pacer and outbox report here; /api/health and /api/metrics read it. Kept on globalThis
 * because Next loads modules once for instrumentation and again for route bundles. The pacer
 * runs in a worker thread (lib/pacer/pacer-thread.ts), whose globals are its own: there every
 * report is also forwarded as a RuntimeStatsEvent, which the server thread applies to its copy.
 *
 * Contract for lib/pacer and lib/results (each call is O(1) and never throws):
 *   pacerStarted(instanceId)                 once, when the pacer's timer starts
 *   pacerTicked({ durationMs, dialed, errorsMs })  after every tick (errorsMs: dial instant − slot, ms)
 *   pacerStopped()                           when shutdown stops the timer
 *   deliveryAttempted('delivered' | 'failed' | 'dead')  after each result_url attempt
 */
export interface RuntimeStats {
  pacer: {
    instanceId: string | null;
    startedAt: number | null;
    stoppedAt: number | null;
    lastTickAt: number | null;
    lastTickDurationMs: number | null;
    ticks: number;
    dialsTotal: number;
    /** Dials per whole second (epoch second → count), last 60 s only. */
    perSecond: Map<number, number>;
    tickDuration: Histogram;
    dialError: Histogram;
  };
  deliveries: { delivered: number; failed: number; dead: number };
  processStartedAt: number;
}

const TICK_BOUNDS_MS = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];
const DIAL_ERROR_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500];

/** One report, as plain data that can cross to another thread. */
export type RuntimeStatsEvent =
  | { kind: 'started'; instanceId: string; now: number }
  | { kind: 'ticked'; tick: { durationMs: number; dialed: number; errorsMs?: readonly number[] }; now: number }
  | { kind: 'stopped'; now: number }
  | { kind: 'delivery'; outcome: 'delivered' | 'failed' | 'dead' };

const holder = globalThis as typeof globalThis & {
  __callpaceRuntimeStats?: RuntimeStats;
  __callpaceRuntimeStatsForward?: (event: RuntimeStatsEvent) => void;
};

/** Sends every report made in this thread to `forward` as well (the pacer's worker thread). */
export function forwardRuntimeStats(forward: (event: RuntimeStatsEvent) => void): void {
  holder.__callpaceRuntimeStatsForward = forward;
}

/** Applies a report forwarded from another thread, as if it had been made here. */
export function applyRuntimeStatsEvent(event: RuntimeStatsEvent): void {
  switch (event.kind) {
    case 'started':
      return pacerStarted(event.instanceId, event.now);
    case 'ticked':
      return pacerTicked(event.tick, event.now);
    case 'stopped':
      return pacerStopped(event.now);
    case 'delivery':
      return deliveryAttempted(event.outcome);
  }
}

export function runtimeStats(): RuntimeStats {
  holder.__callpaceRuntimeStats ??= {
    pacer: {
      instanceId: null,
      startedAt: null,
      stoppedAt: null,
      lastTickAt: null,
      lastTickDurationMs: null,
      ticks: 0,
      dialsTotal: 0,
      perSecond: new Map(),
      tickDuration: new Histogram(TICK_BOUNDS_MS),
      dialError: new Histogram(DIAL_ERROR_BOUNDS_MS),
    },
    deliveries: { delivered: 0, failed: 0, dead: 0 },
    processStartedAt: Date.now(),
  };
  return holder.__callpaceRuntimeStats;
}

/** Tests: start over. */
export function resetRuntimeStats(): void {
  delete holder.__callpaceRuntimeStats;
  delete holder.__callpaceRuntimeStatsForward;
}

export function pacerStarted(instanceId: string, now = Date.now()): void {
  const p = runtimeStats().pacer;
  p.instanceId = instanceId;
  p.startedAt = now;
  p.stoppedAt = null;
  holder.__callpaceRuntimeStatsForward?.({ kind: 'started', instanceId, now });
}

export function pacerStopped(now = Date.now()): void {
  runtimeStats().pacer.stoppedAt = now;
  holder.__callpaceRuntimeStatsForward?.({ kind: 'stopped', now });
}

export function pacerTicked(tick: { durationMs: number; dialed: number; errorsMs?: readonly number[] }, now = Date.now()): void {
  const p = runtimeStats().pacer;
  p.lastTickAt = now;
  p.lastTickDurationMs = tick.durationMs;
  p.ticks++;
  p.tickDuration.observe(tick.durationMs);
  if (tick.dialed > 0) {
    p.dialsTotal += tick.dialed;
    const sec = Math.floor(now / 1000);
    p.perSecond.set(sec, (p.perSecond.get(sec) ?? 0) + tick.dialed);
    for (const k of p.perSecond.keys()) if (k < sec - 60) p.perSecond.delete(k);
  }
  for (const e of tick.errorsMs ?? []) p.dialError.observe(e);
  holder.__callpaceRuntimeStatsForward?.({ kind: 'ticked', tick, now });
}

export function deliveryAttempted(outcome: 'delivered' | 'failed' | 'dead'): void {
  runtimeStats().deliveries[outcome]++;
  holder.__callpaceRuntimeStatsForward?.({ kind: 'delivery', outcome });
}

/** Mean dials per second over the last `seconds` whole seconds (the current one excluded). */
export function dialsPerSecond(seconds = 10, now = Date.now()): number {
  const p = runtimeStats().pacer;
  const cur = Math.floor(now / 1000);
  let n = 0;
  for (let s = cur - seconds; s < cur; s++) n += p.perSecond.get(s) ?? 0;
  return n / seconds;
}
