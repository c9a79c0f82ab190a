import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { newSecret, sha256Hex } from './secrets';

export const SESSION_COOKIE = 'callpace_session';
export const SESSION_DAYS = 14;

/** Starts a dashboard session for a user; returns the cookie value (stored only as a digest). */
export function createSession(db: Db, userId: number, now = new Date()): { value: string; expiresAt: Date } {
  const value = newSecret('s_');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  db.insert(sessions).values({ idHash: sha256Hex(value), userId, expiresAt }).run();
  return { value, expiresAt };
}

export interface SessionUser {
  userId: number;
  accountId: number;
  email: string;
}

export function userForSession(db: Db, value: string, now = new Date()): SessionUser | null {
  const row = db
    .select({ userId: users.id, accountId: users.accountId, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256Hex(value)), gt(sessions.expiresAt, now)))
    .get();
  return row ?? null;
}

export function endSession(db: Db, value: string): void {
  db.delete(sessions).where(eq(sessions.idHash, sha256Hex(value))).run();
}
