import { CALL_OUTCOMES, type CallOutcome } from '../enums';
import { logger } from '../log';
import { callbackUrl } from './callback-token';
import type { CallEnd, Dialer, DialerEvents, DialRequest, OrphanedCall } from './port';

export interface HttpDialerOptions {
  /** The platform endpoint that places calls (DIALER_HTTP_URL). */
  url: string;
  /** Sent as `Authorization: Bearer …` (DIALER_HTTP_SECRET). */
  secret: string;
  /** Our base URL as the platform reaches it, for status callbacks (PUBLIC_URL). */
  publicUrl: string;
  /** Signs the status-callback URLs. */
  callbackSecret: string;
  timeoutMs: number;
  clock?: () => Date;
  fetch?: typeof fetch;
}

function isOutcome(v: unknown): v is CallOutcome {
  return typeof v === 'string' && (CALL_OUTCOMES as readonly string[]).includes(v);
}

/**
 * Places calls on an HTTP telephony platform: POST {to, ani, start_url, message_reference,
 * call_id, status_callback_url}. The call ends when the platform POSTs its status to the
 * callback URL (app/api/dialer/callback). A request the platform refuses or that fails is the
 * outcome `failed`: the call is not retried, because a timed-out request may have been placed.
 */
export function createHttpDialer(options: HttpDialerOptions, events: DialerEvents): Dialer {
  const clock = options.clock ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;
  const headers = { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json', 'user-agent': 'callpace' };
  const failed = (callId: number): void => events.ended({ callId, outcome: 'failed', endedAt: clock(), durationSeconds: 0 });

  async function place(call: DialRequest): Promise<void> {
    const body = {
      to: call.to,
      ani: call.ani,
      start_url: call.startUrl,
      message_reference: call.messageReference,
      call_id: call.callId,
      status_callback_url: callbackUrl(options.publicUrl, options.callbackSecret, call.callId, call.attempt),
    };
    try {
      const res = await doFetch(options.url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(options.timeoutMs) });
      if (!res.ok) {
        logger.warn({ callId: call.callId, status: res.status }, 'dialer platform refused a call');
        failed(call.callId);
        return;
      }
      const reply = (await res.json().catch(() => null)) as { id?: unknown } | null;
      if (reply && (typeof reply.id === 'string' || typeof reply.id === 'number')) events.accepted?.(call.callId, String(reply.id));
    } catch (err) {
      logger.warn({ callId: call.callId, err: (err as Error).message }, 'dialer platform unreachable');
      failed(call.callId);
    }
  }

  /** Asks the platform (GET DIALER_HTTP_URL/{id}) how calls placed before a crash ended. */
  async function outcomesOf(calls: OrphanedCall[]): Promise<CallEnd[]> {
    const ends: CallEnd[] = [];
    for (const call of calls) {
      if (!call.dialerRef) continue;
      try {
        const res = await doFetch(`${options.url.replace(/\/$/, '')}/${encodeURIComponent(call.dialerRef)}`, {
          headers,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (!res.ok) continue;
        const s = (await res.json()) as { status?: unknown; ended_at?: unknown; duration_seconds?: unknown };
        if (!isOutcome(s.status)) continue;
        const endedAt = typeof s.ended_at === 'string' && !Number.isNaN(Date.parse(s.ended_at)) ? new Date(s.ended_at) : clock();
        const durationSeconds = typeof s.duration_seconds === 'number' && s.duration_seconds >= 0 ? Math.round(s.duration_seconds) : 0;
        ends.push({ callId: call.callId, outcome: s.status, endedAt, durationSeconds });
      } catch {
        // Unknown outcome: the call is recorded as interrupted.
      }
    }
    return ends;
  }

  return { name: 'http', dial: (call) => void place(call), outcomesOf };
}
