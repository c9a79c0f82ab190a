import { CAMPAIGN_STATUSES } from '../enums';
import { z } from './zod';

/** Reply bodies, for the API document. Routes build them in lib/wire/views.ts and reply.ts. */

export const successReply = z.object({ status: z.literal('success') }).openapi('Success');

export const idNicknameReply = z
  .object({ status: z.literal('success'), response: z.object({ id: z.number().int(), nickname: z.string().nullable() }) })
  .openapi('IdNicknameReply');

export const scheduleUpdateReply = z
  .object({
    status: z.literal('success'),
    response: z.object({
      id: z.number().int(),
      days: z.string().openapi({ description: 'The days as a JSON-encoded string, as the reference shows.', example: '["mon","wed"]' }),
      nickname: z.string().nullable(),
    }),
  })
  .openapi('ScheduleUpdateReply');

export const idReply = z.object({ status: z.literal('success'), response: z.object({ id: z.number().int() }) }).openapi('IdReply');

const callCounts = z.object({ added: z.number().int(), duplicates: z.number().int() });

export const createCampaignReply = z
  .object({ status: z.literal('success'), response: z.object({ id: z.number().int() }) })
  .extend(callCounts.shape)
  .openapi('CreateCampaignReply');

export const addCallsReply = z.object({ status: z.literal('success') }).extend(callCounts.shape).openapi('AddCallsReply');

export const campaignStatusReply = z
  .object({ status: z.literal('success'), campaign_status: z.enum(CAMPAIGN_STATUSES) })
  .openapi('CampaignStatusReply');

export const campaignView = z
  .object({
    campaign_id: z.number().int(),
    start_date: z.string().openapi({ example: '2022-01-01 00:00:00' }),
    end_date: z.string().openapi({ example: '2022-01-05 00:00:00' }),
    start_url: z.string(),
    result_url: z.string().nullable(),
    schedule_nickname: z.string(),
    profiles: z.array(z.object({ profile_id: z.number().int(), nickname: z.string().nullable(), start_time: z.string(), end_time: z.string() })),
    schedule_id: z.number().int(),
    status: z.enum(CAMPAIGN_STATUSES),
    next_dial_at: z.string().nullable().openapi({ format: 'date-time' }),
    calls: z.object({ total: z.number(), queued: z.number(), dialing: z.number(), completed: z.number(), interrupted: z.number() }),
    outcomes: z.object({ answered: z.number(), busy: z.number(), 'no-answer': z.number(), failed: z.number() }),
  })
  .openapi('Campaign');

export const errorReply = z.object({ status: z.literal('error'), error: z.string() }).openapi('Error');

export const validationReply = z
  .record(z.string(), z.array(z.string()))
  .openapi('ValidationErrors', { example: { nickname: ['The nickname has already been taken.'] } });
