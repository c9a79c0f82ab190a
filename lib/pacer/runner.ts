import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { CallEnd, Dialer, DialerEvents } from '../dialers';
import { logger } from '../log';
import { onDatabaseError } from '../ops/db-guard';
import { pacerStopped, pacerTicked } from '../ops/runtime-stats';
import type { ResultDeliveryConfig } from '../results/config';
import { createResultSender } from '../results/deliver';
import { claimSlots, type CampaignSlots } from './claim-slots';
import type { PacerConfig } from './config';
import { dueSlots } from './due-slots';
import { completeCalls } from './end-calls';
import { HEARTBEAT_MS, heartbeat, registerInstance } from './instances';
import { recoverOrphanedCalls } from './recover';
import { SlotCache } from './slot-cache';
import { updateCampaignStatuses } from './tick';
import { prepared } from './statements';

export interface PacerDeps {
  /**
   * The connection, fetched again at every use: lib/ops/db-guard replaces it after an error
   * that leaves it unusable (read-only, I/O), and the pacer must pick up the new one.
   */
  db: () => Db;
  clock: () => Date;
  /** Builds the dialer, wired to the runner's event sink. */
  dialer: (events: DialerEvents) => Dialer;
  config: PacerConfig;
  results: ResultDeliveryConfig;
  fetch?: typeof fetch;
  isAlive?: (pid: number) => boolean;
}

export interface Pacer {
  readonly instanceId: string;
  /**
   * Registers this process (at once), then resolves calls left dialing by dead ones; the promise
   * settles when that is done. Ticks may run meanwhile: they never touch another process's calls.
   */
  start(): Promise<void>;
  /** One tick: statuses, slots up to a tick ahead on timers, result deliveries. Call every second. */
  tick(): void;
  /** Stops claiming at once (cancels slot timers; later ticks plan nothing); call ends are still recorded. */
  pause(): void;
  /** Cancels timers, records the call ends already reported, stops the dialer and result sender. */
  stop(): void;
}

/** Call ends are written in batches: one transaction per this many ms instead of one per call. */
const END_FLUSH_MS = 25;

/**
 * The live pacer of one server process. Each tick plans the slots due in the next tick interval
 * (plus slack) and sets one timer per bucket of slots; when a timer fires, its slots are claimed
 * in one transaction (claimSlots) and the calls handed to the dialer right away. Claiming at the
 * slot instant, not at the tick, keeps dial-time error to the timer's lateness and means a campaign
 * stopped a moment before a slot dials nothing.
 */
export function createPacer(deps: PacerDeps): Pacer {
  const { db, clock, config } = deps;
  // Short: every claimed call stores it, and a row that grows less is cheaper to claim.
  const instanceId = randomBytes(9).toString('base64url');
  const cache = new SlotCache();
  const timers = new Set<NodeJS.Timeout>();
  /** Per campaign, the instant up to which its slots are already on timers. */
  let planned = new Map<number, number>();
  let lastHeartbeat = 0;
  let recovering = false;
  let paused = false;
  /** Dials and their lateness (ms past the slot) since the last tick, for lib/ops/runtime-stats. */
  let dialed = 0;
  let dialErrors: number[] = [];
  const pendingEnds: CallEnd[] = [];
  let flushTimer: NodeJS.Timeout | null = null;

  const results = createResultSender({ db, clock, config: deps.results, fetch: deps.fetch });

  function flushEnds(): void {
    flushTimer = null;
    const batch = pendingEnds.splice(0);
    try {
      completeCalls(db(), batch, clock());
      results.pump();
    } catch (err) {
      onDatabaseError(err);
      // Kept and retried: losing a reported outcome would turn the call into `interrupted`.
      logger.error({ err, calls: batch.length }, 'recording call ends failed; retrying');
      pendingEnds.unshift(...batch);
      flushTimer = setTimeout(flushEnds, 1_000);
    }
  }

  const dialer = deps.dialer({
    ended(end) {
      pendingEnds.push(end);
      flushTimer ??= setTimeout(flushEnds, END_FLUSH_MS);
    },
    accepted(callId, dialerRef) {
      try {
        prepared(db(), 'UPDATE calls SET dialer_ref = ? WHERE id = ?').run(dialerRef, callId);
      } catch (err) {
        // Only costs the ability to ask the platform about this call after a crash.
        onDatabaseError(err);
        logger.warn({ err, callId }, 'recording the dialer reference failed');
      }
    },
  });

  function fire(group: CampaignSlots[], fireAt: number): void {
    // Timers may fire a millisecond early by the wall clock; a slot is never dialed before its instant.
    const early = fireAt - clock().getTime();
    if (early > 0) return void arm(group, fireAt, early);
    if (paused) return;
    try {
      const claimed = claimSlots(db(), group, { now: clock(), instanceId, maxConcurrentCalls: config.maxConcurrentCalls, graceMs: config.graceMs });
      for (const call of claimed) {
        dialErrors.push(clock().getTime() - call.slotAt);
        dialer.dial(call);
      }
      dialed += claimed.length;
    } catch (err) {
      onDatabaseError(err);
      logger.error({ err }, 'claiming due calls failed');
    }
  }

  /** Groups slots into buckets of config.bucketMs; each bucket fires at its last slot, never early. */
  function scheduleSlots(due: CampaignSlots[]): void {
    const buckets = new Map<number, { fireAt: number; group: Map<number, CampaignSlots & { slots: number[] }> }>();
    for (const c of due) {
      for (const slot of c.slots) {
        const key = Math.floor(slot / config.bucketMs);
        let bucket = buckets.get(key);
        if (!bucket) buckets.set(key, (bucket = { fireAt: slot, group: new Map() }));
        bucket.fireAt = Math.max(bucket.fireAt, slot);
        const entry = bucket.group.get(c.campaignId);
        if (entry) entry.slots.push(slot);
        else bucket.group.set(c.campaignId, { campaignId: c.campaignId, startUrl: c.startUrl, slots: [slot] });
      }
    }
    for (const { fireAt, group } of buckets.values()) fire([...group.values()], fireAt);
  }

  function arm(group: CampaignSlots[], fireAt: number, delay: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fire(group, fireAt);
    }, delay);
    timers.add(timer);
  }

  async function recover(): Promise<void> {
    if (recovering) return;
    recovering = true;
    try {
      await recoverOrphanedCalls({ db: db(), dialer, instanceId, clock, isAlive: deps.isAlive });
    } catch (err) {
      onDatabaseError(err);
      logger.error({ err }, 'recovering interrupted calls failed');
    } finally {
      recovering = false;
    }
  }

  return {
    instanceId,
    start() {
      const now = clock();
      lastHeartbeat = now.getTime();
      registerInstance(db(), instanceId, now);
      return recover();
    },
    tick() {
      if (paused) return;
      const started = performance.now();
      try {
        const now = clock();
        const conn = db();
        if (now.getTime() - lastHeartbeat >= HEARTBEAT_MS) {
          lastHeartbeat = now.getTime();
          heartbeat(conn, instanceId, now);
          void recover();
        }
        updateCampaignStatuses(conn, now);
        const until = now.getTime() + config.lookaheadMs;
        // A campaign this process did not plan last tick (just started, just refilled, or this
        // process just started) dials from now on: the slots it missed are skipped, never sent
        // late in a burst. Planned ones continue after what is already on timers.
        const notBefore = (id: number) => planned.get(id) ?? now.getTime();
        const due = dueSlots(conn, { now, until, graceMs: config.graceMs, notBefore, cache });
        // Planning many campaigns at once (the first tick after a start) takes a while: a newly
        // picked-up campaign dials from when its plan is ready, not late in a burst.
        const readyAt = clock().getTime();
        const before = planned;
        planned = new Map(due.map((c) => [c.campaignId, until]));
        scheduleSlots(due.map((c) => (before.has(c.campaignId) ? c : { ...c, slots: c.slots.filter((s) => s > readyAt) })));
      } catch (err) {
        onDatabaseError(err);
        logger.error({ err }, 'pacer tick failed');
      }
      results.pump();
      pacerTicked({ durationMs: performance.now() - started, dialed, errorsMs: dialErrors });
      dialed = 0;
      dialErrors = [];
    },
    pause() {
      paused = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
    stop() {
      paused = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      if (flushTimer) clearTimeout(flushTimer);
      if (pendingEnds.length > 0) flushEnds();
      dialer.close?.();
      results.close();
      pacerStopped();
    },
  };
}
