import { getDb, type Db } from '../../db/client';
import { logger } from '../log';
import { interruptCalls } from '../pacer/end-calls';
import { resultDeliveryConfigFromEnv } from '../results/config';
import { createResultSender } from '../results/deliver';
import { isShuttingDown, markShuttingDown } from './shutdown-state';

/**
 * Graceful shutdown on SIGTERM/SIGINT, bounded by SHUTDOWN_TIMEOUT_MS (default 9 s, inside
 * Docker's 10 s stop timeout):
 *
 *   1. /api/health answers 503 (load balancers stop sending traffic); the API keeps serving.
 *   2. The pacer stops claiming: pacer.pause() stops its tick task and cancels the slots already
 *      on timers.
 *   3. In-flight calls get until SHUTDOWN_CALLS_MS (default 5 s) to end and be recorded.
 *   4. pacer.stop() records the ends already reported and closes the dialer; calls of this
 *      process still `dialing` are then marked `interrupted` (their results queued) — unless the
 *      dialer can report outcomes after a restart (DIALER=http): those are left for start-up
 *      recovery, which asks the dialer.
 *   5. The outbox is flushed: due deliveries are POSTed until none is due or the deadline.
 *   6. This process's pacer_instances row is removed, the WAL checkpointed, and the process exits
 *      (through Next's own signal handler, which closes the HTTP server, when it had one).
 *
 * A watchdog exits with status 1 at the deadline whatever step is still running; everything
 * not done is durable (queued calls, pending deliveries) or recovered at start-up.
 */

/** The pacer as shutdown sees it (lib/pacer/pacer-thread's handle). */
export interface ShutdownPacer {
  readonly instanceId: string;
  /** Stop ticking and claiming, keep recording call ends. */
  pause(): void | Promise<void>;
  /** Cancel timers, record reported ends, close the dialer and result sender. */
  stop(): void | Promise<void>;
}

export interface ShutdownOptions {
  pacer: ShutdownPacer | null;
  timeoutMs?: number;
  callsMs?: number;
  /** true: leave this process's in-flight calls `dialing` for start-up recovery (dialers with outcomesOf). */
  leaveInFlightForRecovery?: boolean;
  db?: () => Db;
  exit?: (code: number) => void;
  /** Called after the drain instead of exit(), e.g. Next's own handler. */
  then?: () => void;
}

export interface ShutdownReport {
  signal: string;
  waitedForCallsMs: number;
  callsEndedDuringGrace: number;
  callsInterrupted: number;
  callsLeftForRecovery: number;
  deliveriesFlushed: number;
  deliveriesLeftPending: number;
  totalMs: number;
  timedOut: boolean;
}

const envMs = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dialingOf(db: Db, instanceId: string): number[] {
  return db.$client.prepare("SELECT id FROM calls WHERE status = 'dialing' AND claimed_by = ?").pluck().all(instanceId) as number[];
}

/** Runs steps 1–6 above and resolves with what happened; never throws. */
export async function drain(signal: string, options: ShutdownOptions): Promise<ShutdownReport> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? envMs('SHUTDOWN_TIMEOUT_MS', 9_000);
  const deadline = started + timeoutMs - 500; // leave time to exit
  const callsDeadline = Math.min(deadline, started + (options.callsMs ?? envMs('SHUTDOWN_CALLS_MS', 5_000)));
  const db = options.db ?? getDb;
  const report: ShutdownReport = {
    signal,
    waitedForCallsMs: 0,
    callsEndedDuringGrace: 0,
    callsInterrupted: 0,
    callsLeftForRecovery: 0,
    deliveriesFlushed: 0,
    deliveriesLeftPending: 0,
    totalMs: 0,
    timedOut: false,
  };
  const step = async (name: string, fn: () => unknown) => {
    try {
      await fn();
    } catch (err) {
      logger.error({ err, step: name }, 'shutdown step failed');
    }
  };

  markShuttingDown();
  const pacer = options.pacer;
  if (pacer) {
    await step('stop claiming', () => pacer.pause());
    await step('wait for calls', async () => {
      const before = dialingOf(db(), pacer.instanceId).length;
      let left = before;
      while (left > 0 && Date.now() < callsDeadline) {
        await sleep(100);
        left = dialingOf(db(), pacer.instanceId).length;
      }
      report.waitedForCallsMs = Date.now() - started;
      report.callsEndedDuringGrace = Math.max(0, before - left);
    });
    await step('stop pacer', () => pacer.stop());
    await step('resolve in-flight calls', () => {
      const left = dialingOf(db(), pacer.instanceId);
      if (options.leaveInFlightForRecovery ?? process.env.DIALER === 'http') report.callsLeftForRecovery = left.length;
      else report.callsInterrupted = interruptCalls(db(), left, new Date());
    });
  }

  await step('flush outbox', async () => {
    const config = resultDeliveryConfigFromEnv();
    const sender = createResultSender({ db: db(), clock: () => new Date(), config: { ...config, timeoutMs: Math.min(config.timeoutMs, Math.max(100, deadline - Date.now())) } });
    const pendingDue = () =>
      db().$client.prepare("SELECT count(*) FROM result_deliveries WHERE status = 'pending' AND next_attempt_at <= ?").pluck().get(Date.now()) as number;
    const before = pendingDue();
    while (Date.now() < deadline && pendingDue() > 0) {
      sender.pump();
      await Promise.race([sender.idle(), sleep(Math.max(0, deadline - Date.now()))]);
      await sleep(20); // never a tight loop, whatever the sender did
    }
    sender.close();
    const after = pendingDue();
    report.deliveriesFlushed = Math.max(0, before - after);
    report.deliveriesLeftPending = after;
  });

  await step('forget instance', () => {
    if (pacer) db().$client.prepare('DELETE FROM pacer_instances WHERE id = ?').run(pacer.instanceId);
  });
  await step('checkpoint', () => db().$client.pragma('wal_checkpoint(PASSIVE)'));
  report.totalMs = Date.now() - started;
  report.timedOut = Date.now() >= deadline;
  return report;
}

const holder = globalThis as typeof globalThis & { __callpaceShutdownInstalled?: boolean };

/**
 * Installs the SIGTERM/SIGINT handler once per process. Next's `next start` registers its own
 * handler (close the HTTP server, exit 143) before instrumentation runs, and would exit at once;
 * that handler is taken off and called after the drain instead, so the process still closes its
 * server and exits the way Next intends. With NEXT_MANUAL_SIG_HANDLE=1 there is none and the
 * drain ends with process.exit(0).
 */
export function installGracefulShutdown(options: Omit<ShutdownOptions, 'then'>): void {
  if (holder.__callpaceShutdownInstalled) return;
  holder.__callpaceShutdownInstalled = true;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const previous = process.listeners(signal);
    for (const l of previous) process.removeListener(signal, l);
    process.on(signal, () => {
      if (isShuttingDown()) return; // a second signal during the drain changes nothing; the watchdog bounds it
      const timeoutMs = options.timeoutMs ?? envMs('SHUTDOWN_TIMEOUT_MS', 9_000);
      const watchdog = setTimeout(() => {
        logger.error({ signal, timeoutMs }, 'graceful shutdown timed out; exiting');
        exit(1);
      }, timeoutMs);
      watchdog.unref();
      logger.info({ signal }, 'graceful shutdown started');
      void drain(signal, options).then((report) => {
        logger.info(report, 'graceful shutdown finished');
        clearTimeout(watchdog);
        if (previous.length > 0) for (const l of previous) (l as (s: NodeJS.Signals) => void)(signal);
        else exit(0);
      });
    });
  }
}
