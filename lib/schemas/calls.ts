import { CALL_OUTCOMES, CALL_STATUSES, DELIVERY_STATUSES } from '../enums';
import { wireId, wireInt } from './fields';
import { z } from './zod';

/** Keyset cursors are opaque to clients: base64url of "c<last id>". */
export function encodeCursor(lastId: number): string {
  return Buffer.from(`c${lastId}`).toString('base64url');
}

const cursor = z
  .string()
  .max(64)
  .transform((s, ctx) => {
    const m = /^c(\d{1,15})$/.exec(Buffer.from(s, 'base64url').toString());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'The cursor is not one this API returned.' });
      return z.NEVER;
    }
    return Number(m[1]);
  })
  .openapi({ type: 'string', description: 'next_cursor of the previous page.' });

const limit = wireInt(1, 1000, 'limit').default(100).openapi({ type: 'integer', minimum: 1, maximum: 1000, default: 100 });

/** GET /api/campaigns/{id}/calls query. `format=csv` streams every matching call (no paging). */
export const callsQuery = z
  .object({
    status: z.enum(CALL_STATUSES, { error: `The status must be one of ${CALL_STATUSES.join(', ')}.` }).optional(),
    limit,
    cursor: cursor.optional(),
    format: z.enum(['json', 'csv'], { error: 'The format must be json or csv.' }).default('json'),
  })
  .openapi('CallsQuery');
export type CallsQuery = z.infer<typeof callsQuery>;

/** GET /api/campaigns/{id}/deliveries query. */
export const deliveriesQuery = z
  .object({
    status: z.enum(DELIVERY_STATUSES, { error: `The status must be one of ${DELIVERY_STATUSES.join(', ')}.` }).optional(),
    limit,
    cursor: cursor.optional(),
  })
  .openapi('DeliveriesQuery');

const isoTime = z.string().openapi({ format: 'date-time' }).nullable();

export const callView = z
  .object({
    call_id: z.number().int(),
    phone_number: z.string(),
    ani: z.string().nullable(),
    message_reference: z.string().nullable(),
    status: z.enum(CALL_STATUSES),
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    attempt: z.number().int(),
    slot_at: isoTime,
    dialed_at: isoTime,
    ended_at: isoTime,
    duration_seconds: z.number().int().nullable(),
  })
  .openapi('Call');
export type CallView = z.infer<typeof callView>;

export const callsPage = z.object({ calls: z.array(callView), next_cursor: z.string().nullable() }).openapi('CallsPage');

export const deliveryView = z
  .object({
    delivery_id: z.number().int(),
    call_id: z.number().int(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    next_attempt_at: isoTime,
    last_error: z.string().nullable(),
    last_status_code: z.number().int().nullable(),
    delivered_at: isoTime,
  })
  .openapi('Delivery');
export type DeliveryView = z.infer<typeof deliveryView>;

export const deliveriesPage = z.object({ deliveries: z.array(deliveryView), next_cursor: z.string().nullable() }).openapi('DeliveriesPage');
export type DeliveriesPage = z.infer<typeof deliveriesPage>;

/** The dialer platform's status callback: query (signed per call attempt) and body. */
export const dialerCallbackQuery = z.object({
  call_id: wireId('call id'),
  attempt: wireInt(1, 1_000, 'attempt'),
  token: z.string().min(1).max(128),
});

export const dialerCallbackInput = z
  .object({
    status: z.enum(CALL_OUTCOMES, { error: `The status must be one of ${CALL_OUTCOMES.join(', ')}.` }),
    duration_seconds: wireInt(0, 86_400, 'duration seconds').optional(),
    ended_at: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('DialerCallback');
