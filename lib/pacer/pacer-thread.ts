import { Worker } from 'node:worker_threads';
import { getDb } from '../../db/client';
import { logger } from '../log';
import { applyRuntimeStatsEvent, type RuntimeStatsEvent } from '../ops/runtime-stats';
import { isShuttingDown } from '../ops/shutdown-state';
import { startTsWorker } from '../ts-worker';
import { forgetInstances } from './instances';
import { pacerSettingsFromEnv } from './start';

export type PacerThreadCommand = 'pause' | 'stop';
export interface PacerThreadRequest {
  id: number;
  command: PacerThreadCommand;
}

/** What the pacer thread posts: `started` once, `stats` for every runtime report, `done` per command. */
export type PacerThreadMessage =
  | { type: 'started'; instanceId: string }
  | { type: 'stats'; event: RuntimeStatsEvent }
  | { type: 'done'; id: number };

/** The server's handle on its pacer thread (lib/ops/shutdown drives it). */
export interface PacerThread {
  /** The running pacer's instance id; a new one after a restart. */
  readonly instanceId: string;
  /** Stops claiming; resolves once the pacer thread has. */
  pause(): Promise<void>;
  /** Records the reported call ends, closes the dialer and outbox, ends the thread; no restart after. */
  stop(): Promise<void>;
}

/**
 * A dead pacer thread is restarted after this, doubling per restart up to the cap; the delay
 * starts over once a thread has run STABLE_AFTER_MS.
 */
const RESTART_DELAY_MS = 1_000;
const RESTART_DELAY_CAP_MS = 30_000;
const STABLE_AFTER_MS = 60_000;
/** How long stop() waits for the thread to record what it has before ending it anyway. */
const STOP_WAIT_MS = 3_000;

// Next may load this module twice in one process and call register() more than once: the
// promise on globalThis makes every caller share one pacer thread.
const holder = globalThis as typeof globalThis & { __callpacePacer?: Promise<PacerThread | null> };

/**
 * Starts this process's pacer in a worker thread once; null when PACER=off. Rejects when the
 * configuration is invalid or the first pacer cannot start (the server should not run without
 * dialing). Why a thread: better-sqlite3 and the dial timers are synchronous work on an event
 * loop; sharing the server's loop, a slot timer waited behind whole API requests under load.
 */
export function startPacerOnce(): Promise<PacerThread | null> {
  holder.__callpacePacer ??= startPacerThread(spawnPacerWorker);
  return holder.__callpacePacer;
}

function spawnPacerWorker(): Worker {
  // Under Next (build, start, dev) Turbopack bundles the worker from this exact expression.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./pacer-worker.ts', import.meta.url));
  return startTsWorker('lib/pacer/pacer-worker.ts');
}

/** Starts a pacer thread made by `spawn`, restarting it (a fresh `spawn()`) whenever it dies. */
export async function startPacerThread(spawn: () => Worker): Promise<PacerThread | null> {
  const settings = pacerSettingsFromEnv();
  if (!settings.pacer.enabled) {
    logger.info('pacer disabled (PACER=off)');
    return null;
  }
  // A platform (DIALER=http) still reports the outcomes of calls a dead thread placed, by callback
  // or when asked: those calls wait for that (recovery asks once the heartbeat is stale). The
  // simulated dialer's calls died with the thread: they are resolved at once.
  const forgetDeadInstance = settings.dialer.kind !== 'http';
  // Migrations run here, on the server's connection, before the thread opens its own.
  getDb();
  let worker!: Worker;
  let alive = false;
  let instanceId = '';
  let stopping = false;
  let restartDelay = RESTART_DELAY_MS;
  let commandSeq = 0;
  const waiting = new Map<number, () => void>();

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const w = spawn();
      let startedAt = 0;
      worker = w;
      alive = true;
      w.on('message', (message: PacerThreadMessage) => {
        if (message.type === 'stats') applyRuntimeStatsEvent(message.event);
        else if (message.type === 'started') {
          startedAt = Date.now();
          instanceId = message.instanceId;
          resolve();
        } else waiting.get(message.id)?.();
      });
      w.on('error', (err) => {
        if (startedAt) logger.error({ err }, 'pacer thread failed');
        else reject(err);
      });
      w.on('exit', (code) => {
        alive = false;
        for (const done of waiting.values()) done();
        if (!startedAt) return reject(new Error(`pacer thread exited (code ${code}) before starting`));
        if (stopping || isShuttingDown()) return;
        logger.error({ code, instanceId }, 'pacer thread stopped unexpectedly; restarting');
        // The backoff starts over only after a thread that ran a good while: one that starts and
        // soon dies again is restarted ever more slowly, not every second forever.
        if (Date.now() - startedAt > STABLE_AFTER_MS) restartDelay = RESTART_DELAY_MS;
        // With its instance row gone, the next pacer's recovery resolves the calls it left
        // `dialing` at once instead of after the heartbeat goes stale.
        if (forgetDeadInstance) {
          try {
            forgetInstances(getDb(), [instanceId]);
          } catch (err) {
            logger.warn({ err }, 'could not forget the stopped pacer; its calls resolve after the heartbeat timeout');
          }
        }
        relaunch();
      });
    });

  const relaunch = () => {
    const delay = restartDelay;
    restartDelay = Math.min(RESTART_DELAY_CAP_MS, restartDelay * 2);
    setTimeout(() => {
      if (stopping || isShuttingDown()) return;
      launch().catch((err) => {
        logger.error({ err, retryInMs: restartDelay }, 'pacer thread failed to start; retrying');
        relaunch();
      });
    }, delay).unref();
  };

  /** Resolves when the thread has carried out `command`, has exited, or after `waitMs`. */
  const send = (command: PacerThreadCommand, waitMs: number) =>
    new Promise<void>((resolve) => {
      if (!alive) return resolve();
      const id = ++commandSeq;
      const timer = setTimeout(done, waitMs);
      function done() {
        clearTimeout(timer);
        waiting.delete(id);
        resolve();
      }
      waiting.set(id, done);
      worker.postMessage({ id, command } satisfies PacerThreadRequest);
    });

  await launch();
  return {
    get instanceId() {
      return instanceId;
    },
    pause: () => send('pause', STOP_WAIT_MS),
    async stop() {
      stopping = true;
      await send('stop', STOP_WAIT_MS);
      await worker.terminate();
    },
  };
}
