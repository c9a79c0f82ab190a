import type { DeliveryRow } from '../results/list-deliveries';
import type { CallView, DeliveryView } from '../schemas/calls';
import type { CallRow } from './list-calls';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Wire shape of one call (GET /api/campaigns/{id}/calls; also the CSV columns, in this order). */
export function callView(c: CallRow): CallView {
  return {
    call_id: c.id,
    phone_number: c.phoneNumber,
    ani: c.ani,
    message_reference: c.messageReference,
    status: c.status,
    outcome: c.outcome,
    attempt: c.attempt,
    slot_at: iso(c.slotAt),
    dialed_at: iso(c.dialedAt),
    ended_at: iso(c.endedAt),
    duration_seconds: c.durationSeconds,
  };
}

/** Wire shape of one result delivery (GET /api/campaigns/{id}/deliveries). */
export function deliveryView(d: DeliveryRow): DeliveryView {
  return {
    delivery_id: d.id,
    call_id: d.callId,
    status: d.status,
    attempts: d.attempts,
    // Only a pending delivery has a next attempt; the column keeps its last value otherwise.
    next_attempt_at: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    last_error: d.lastError,
    last_status_code: d.lastStatusCode,
    delivered_at: iso(d.deliveredAt),
  };
}
