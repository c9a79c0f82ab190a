/**
 * Enumerations shared by the database columns, the zod schemas and the UI.
 * Each list is the single source of truth for its values.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * stopped: created or stopped by the user; running: the pacer may dial it;
 * completed: its queue ran dry while running (adding calls makes it running again);
 * ended: its end_date has passed in Eastern time.
 */
export const CAMPAIGN_STATUSES = ['stopped', 'running', 'completed', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * queued: waiting in the campaign's queue; dialing: claimed by a pacer tick and handed to the
 * dialer; completed: the dialer reported an outcome; interrupted: found in `dialing` after a
 * crash with no outcome from the dialer (never redialed blindly).
 */
export const CALL_STATUSES = ['queued', 'dialing', 'completed', 'interrupted'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** What happened on a completed call, as reported by the dialer. */
export const CALL_OUTCOMES = ['answered', 'busy', 'no-answer', 'failed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** pending: waiting for its next attempt; delivered: the result_url answered 2xx; dead: gave up. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
