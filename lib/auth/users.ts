import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, users } from '../../db/schema';
import { ConflictError, ValidationError } from '../errors';
import type { SetupInput, UserInput } from '../schemas/auth';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { ensureAccount } from './tokens';

export interface UserSummary {
  id: number;
  email: string;
  createdAt: Date;
}

export const SETUP_DONE = 'Callpace is already set up. Sign in instead, or ask a colleague to add you.';
const EMAIL_TAKEN = 'A user with this email already exists.';

/** Sign-up is open only while the database has no user at all. */
export function hasAnyUser(db: Db): boolean {
  return db.select({ id: users.id }).from(users).limit(1).get() !== undefined;
}

/**
 * First-run setup: creates the account (or adopts one the token CLI already made under that name)
 * and its first user. The password is hashed before the transaction, and the "no user yet" check
 * is repeated inside it, so two racing setups cannot both succeed.
 */
export async function setupFirstUser(db: Db, input: SetupInput): Promise<{ userId: number; accountId: number }> {
  if (hasAnyUser(db)) throw new ConflictError(SETUP_DONE);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (hasAnyUser(tx as unknown as Db)) throw new ConflictError(SETUP_DONE);
    const accountId = ensureAccount(tx as unknown as Db, input.account_name);
    const user = tx.insert(users).values({ accountId, email: input.email, passwordHash }).returning({ id: users.id }).get();
    return { userId: user.id, accountId };
  });
}

/** Adds a user to an account. Emails are unique across all accounts (they sign in by email alone). */
export async function addUser(db: Db, accountId: number, input: UserInput): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  try {
    const row = db.insert(users).values({ accountId, email: input.email, passwordHash }).returning().get();
    return { id: row.id, email: row.email, createdAt: row.createdAt };
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') throw ValidationError.of('email', EMAIL_TAKEN);
    throw e;
  }
}

export function listUsers(db: Db, accountId: number): UserSummary[] {
  return db
    .select({ id: users.id, email: users.email, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.accountId, accountId))
    .orderBy(asc(users.id))
    .all();
}

export function accountName(db: Db, accountId: number): string | null {
  return db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)).get()?.name ?? null;
}

/** The user with this email and password, or null. Takes the same time for unknown emails. */
export async function authenticate(db: Db, email: string, password: string): Promise<{ userId: number; accountId: number } | null> {
  const row = db.select().from(users).where(eq(users.email, email)).get();
  if (!row) {
    await verifyPassword(password, await decoyHash());
    return null;
  }
  return (await verifyPassword(password, row.passwordHash)) ? { userId: row.id, accountId: row.accountId } : null;
}
