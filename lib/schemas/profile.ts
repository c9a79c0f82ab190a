import { MAX_AMOUNT_PER_PERIOD, MAX_MINUTES, MAX_NICKNAME, nickname, wireId, wireInt } from './fields';
import { z } from './zod';

const profileFields = {
  period: wireInt(1, MAX_MINUTES, 'period').openapi({ description: 'Minutes of each active period.', example: 30 }),
  amount_per_period: wireInt(1, MAX_AMOUNT_PER_PERIOD, 'amount per period').openapi({
    description: 'Calls placed in each active period, spread evenly across it.',
    example: 100,
  }),
  time_between_periods: wireInt(0, MAX_MINUTES, 'time between periods').openapi({
    description: 'Idle minutes after each active period.',
    example: 10,
  }),
  nickname: nickname.optional(),
};

/** Create Profile. */
export const profileInput = z.object(profileFields).openapi('ProfileInput');
export type ProfileInput = z.infer<typeof profileInput>;

/** Update Profile: only what is given changes. */
export const profileUpdate = z.object(profileFields).partial().openapi('ProfileUpdate');
export type ProfileUpdate = z.infer<typeof profileUpdate>;

export const profileView = z
  .object({
    profile_id: wireId('profile_id'),
    nickname: z.string().max(MAX_NICKNAME).nullable(),
    period: z.number().int(),
    amount_per_period: z.number().int(),
    time_between_periods: z.number().int(),
  })
  .openapi('Profile');
