// Server components only (reads the request cookies through next/headers).
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { getDb } from '../../db/client';
import { SESSION_COOKIE, userForSession, type SessionUser } from './sessions';
import { hasAnyUser } from './users';

/** Where a page request stands: no user exists yet, signed out, or signed in as `user`. */
export type PageSession = { state: 'setup' } | { state: 'signed-out' } | { state: 'signed-in'; user: SessionUser };

export async function pageSession(): Promise<PageSession> {
  // Never prerendered at build time: the answer depends on the database and the request.
  await connection();
  const db = getDb();
  if (!hasAnyUser(db)) return { state: 'setup' };
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  const user = value ? userForSession(db, value) : null;
  return user ? { state: 'signed-in', user } : { state: 'signed-out' };
}
