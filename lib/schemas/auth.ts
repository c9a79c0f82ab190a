import { z } from './zod';

/** Sign-in, setup and user schemas: shared by the route handlers and the dashboard forms. */

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;

const trimmedLower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

export const email = z.preprocess(
  trimmedLower,
  z
    .string({ error: 'The email field is required.' })
    .min(1, 'The email field is required.')
    .max(254, 'The email may not be greater than 254 characters.')
    .regex(/^[^\s@]+@[^\s@]+$/, 'The email must be a valid email address, such as name@example.com.'),
);

/** A new password: long enough to resist guessing, bounded so hashing stays cheap. */
export const newPassword = z
  .string({ error: 'The password field is required.' })
  .min(MIN_PASSWORD, `The password must be at least ${MIN_PASSWORD} characters.`)
  .max(MAX_PASSWORD, `The password may not be greater than ${MAX_PASSWORD} characters.`);

/** First-run setup: the first account and its first user. */
export const setupInput = z.object({
  account_name: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: 'The account name field is required.' }).min(1, 'The account name field is required.').max(64, 'The account name may not be greater than 64 characters.'),
  ),
  email,
  password: newPassword,
});
export type SetupInput = z.infer<typeof setupInput>;

export const signInInput = z.object({
  email,
  password: z.string({ error: 'The password field is required.' }).min(1, 'The password field is required.').max(MAX_PASSWORD, 'The email or password is incorrect.'),
});
export type SignInInput = z.infer<typeof signInInput>;

/** Add a user to the signed-in user's account (with an initial password to hand over). */
export const userInput = z.object({ email, password: newPassword });
export type UserInput = z.infer<typeof userInput>;

/** Create API token. */
export const tokenInput = z.object({
  label: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() || undefined : v === null ? undefined : v),
    z.string().max(100, 'The label may not be greater than 100 characters.').optional(),
  ),
});
export type TokenInput = z.infer<typeof tokenInput>;
