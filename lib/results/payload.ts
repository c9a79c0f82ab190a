/** A call as it ended, read back from the calls table (times in ms). */
export interface EndedCallRow {
  id: number;
  campaign_id: number;
  phone_number: string;
  ani: string | null;
  message_reference: string | null;
  status: 'completed' | 'interrupted';
  outcome: string | null;
  attempt: number;
  dialed_at: number | null;
  ended_at: number | null;
  duration_seconds: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The body POSTed to a campaign's result_url (delivery_id is added at send time: it is the
 * outbox row's id). `status` is the call's outcome, or `interrupted` when a crash lost it.
 */
export function resultPayload(call: EndedCallRow) {
  return {
    campaign_id: call.campaign_id,
    call_id: call.id,
    phone_number: call.phone_number,
    ani: call.ani,
    message_reference: call.message_reference,
    status: call.status === 'completed' ? call.outcome : 'interrupted',
    attempt: call.attempt,
    dialed_at: iso(call.dialed_at),
    ended_at: iso(call.ended_at),
    duration_seconds: call.duration_seconds,
  };
}
