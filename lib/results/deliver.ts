import type { Db } from '../../db/client';
import { logger } from '../log';
import { onDatabaseError } from '../ops/db-guard';
import { deliveryAttempted } from '../ops/runtime-stats';
import { assertPublicDestination, PrivateTargetError } from '../ops/private-address';
import { retryDelayMs, type ResultDeliveryConfig } from './config';
import { prepared } from '../pacer/statements';
import { resultFetch } from './result-fetch';

export interface DueDelivery {
  id: number;
  url: string;
  payload: string;
  attempts: number;
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** Extra lease time past the POST timeout before another sender may retry a claimed delivery. */
const LEASE_MARGIN_MS = 5_000;

/**
 * Takes up to `limit` due deliveries by pushing their next_attempt_at past the POST's timeout
 * (a lease), in one statement: two processes never send the same attempt, and a delivery whose
 * sender died mid-POST is retried when the lease runs out. Delivery is therefore at least once;
 * receivers de-duplicate by the Callpace-Delivery-Id header.
 */
export function claimDueDeliveries(db: Db, now: Date, limit: number, timeoutMs: number): DueDelivery[] {
  return prepared(
    db,
    `UPDATE result_deliveries SET next_attempt_at = ?
       WHERE id IN (SELECT id FROM result_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?)
       RETURNING id, url, payload, attempts`,
  ).all(now.getTime() + timeoutMs + LEASE_MARGIN_MS, now.getTime(), limit) as DueDelivery[];
}

/** One POST of a result; any 2xx is success, anything else (3xx included) or no answer in time is a failure. */
export async function postResult(d: DueDelivery, timeoutMs: number, doFetch: typeof fetch = resultFetch): Promise<AttemptResult> {
  const body = JSON.stringify({ ...JSON.parse(d.payload), delivery_id: d.id });
  try {
    // RESULT_URL_DENY_PRIVATE=1: refuse private addresses, here (IP literals, and a clear error
    // before any connection) and again at connect time (resultFetch's lookup).
    await assertPublicDestination(d.url);
    const res = await doFetch(d.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'callpace-delivery-id': String(d.id), 'user-agent': 'callpace' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return res.status >= 200 && res.status < 300 ? { ok: true, statusCode: res.status, error: null } : { ok: false, statusCode: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const error =
      err.name === 'TimeoutError'
        ? `timed out after ${timeoutMs} ms`
        : err.cause instanceof PrivateTargetError
          ? err.cause.message
          : (err.cause?.code ?? err.message);
    return { ok: false, statusCode: null, error: String(error).slice(0, 500) };
  }
}

/** Records an attempt: delivered, retried later with backoff, or dead after maxAttempts. */
export function recordAttempt(db: Db, d: DueDelivery, result: AttemptResult, now: Date, config: ResultDeliveryConfig, random: () => number): void {
  const attempts = d.attempts + 1;
  deliveryAttempted(result.ok ? 'delivered' : attempts >= config.maxAttempts ? 'dead' : 'failed');
  if (result.ok) {
    prepared(
      db,
      "UPDATE result_deliveries SET status = 'delivered', attempts = ?, delivered_at = ?, last_status_code = ?, last_error = NULL WHERE id = ? AND status = 'pending'",
    ).run(attempts, now.getTime(), result.statusCode, d.id);
  } else if (attempts >= config.maxAttempts) {
    prepared(
      db,
      "UPDATE result_deliveries SET status = 'dead', attempts = ?, last_status_code = ?, last_error = ? WHERE id = ? AND status = 'pending'",
    ).run(attempts, result.statusCode, result.error, d.id);
  } else {
    prepared(
      db,
      "UPDATE result_deliveries SET attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ? WHERE id = ? AND status = 'pending'",
    ).run(attempts, now.getTime() + retryDelayMs(attempts, config, random), result.statusCode, result.error, d.id);
  }
}

export interface ResultSenderDeps {
  /** A connection, or a function giving the current one (the pacer's: lib/ops/db-guard may replace it). */
  db: Db | (() => Db);
  clock: () => Date;
  config: ResultDeliveryConfig;
  fetch?: typeof fetch;
  random?: () => number;
}

export interface ResultSender {
  /** Starts POSTs for due deliveries up to the concurrency limit; call it every tick. */
  pump(): void;
  /** Resolves when no POST is in flight (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

/** The outbox worker: keeps up to `concurrency` POSTs in flight, refilling as each one finishes. */
export function createResultSender(deps: ResultSenderDeps): ResultSender {
  const { clock, config } = deps;
  const db = typeof deps.db === 'function' ? deps.db : () => deps.db as Db;
  const random = deps.random ?? Math.random;
  let inflight = 0;
  let closed = false;
  let waiters: Array<() => void> = [];

  async function attempt(d: DueDelivery): Promise<void> {
    const result = await postResult(d, config.timeoutMs, deps.fetch);
    if (!closed) recordAttempt(db(), d, result, clock(), config, random);
  }

  function pump(): void {
    try {
      while (!closed && inflight < config.concurrency) {
        const batch = claimDueDeliveries(db(), clock(), config.concurrency - inflight, config.timeoutMs);
        if (batch.length === 0) break;
        for (const d of batch) {
          inflight++;
          attempt(d)
            .catch((err) => {
              onDatabaseError(err);
              logger.error({ err, deliveryId: d.id }, 'result delivery bookkeeping failed');
            })
            .finally(() => {
              inflight--;
              pump();
              if (inflight === 0) for (const w of waiters.splice(0)) w();
            });
        }
      }
    } catch (err) {
      onDatabaseError(err);
      logger.error({ err }, 'result delivery claim failed');
    }
  }

  return {
    pump,
    idle: () => (inflight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    close() {
      closed = true;
      waiters = [];
    },
  };
}
