import { days, MAX_NICKNAME, nickname, wireId } from './fields';
import { z } from './zod';

/** Create Schedule: `days` required, `nickname` optional. */
export const scheduleInput = z
  .object({ days, nickname: nickname.optional() })
  .openapi('ScheduleInput');
export type ScheduleInput = z.infer<typeof scheduleInput>;

/**
 * Update Schedule: only what is given changes. The reference names the nickname `name` in its
 * query parameters and `nickname` elsewhere; both are accepted (`nickname` wins if both).
 */
export const scheduleUpdate = z
  .object({ days: days.optional(), nickname: nickname.optional(), name: nickname.optional() })
  .transform(({ name, ...rest }) => ({ ...rest, nickname: rest.nickname ?? name }))
  .openapi('ScheduleUpdate');
export type ScheduleUpdate = z.infer<typeof scheduleUpdate>;

export const scheduleView = z
  .object({
    schedule_id: wireId('schedule_id'),
    nickname: z.string().max(MAX_NICKNAME).nullable(),
    days: z.array(z.string()),
  })
  .openapi('Schedule');
