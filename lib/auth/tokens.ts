import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, apiTokens } from '../../db/schema';
import { bulkInsertRunning } from '../calls/ingest/bulk-insert';
import { NotFoundError } from '../errors';
import { newSecret, sameDigest, sha256Hex } from './secrets';

const TOKEN_PREFIX = 'cp_';
/** Characters of a token kept in clear to find and name it: "cp_" plus 8. */
const VISIBLE = TOKEN_PREFIX.length + 8;

export interface TokenSummary {
  id: number;
  prefix: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Finds an account by name, creating it if needed. */
export function ensureAccount(db: Db, name: string): number {
  const found = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, name)).get();
  if (found) return found.id;
  return db.insert(accounts).values({ name }).returning({ id: accounts.id }).get().id;
}

/** Creates a token for an account. The token itself is returned once and never stored. */
export function createToken(db: Db, accountId: number, label: string | null = null): { token: string; summary: TokenSummary } {
  const token = newSecret(TOKEN_PREFIX);
  const row = db
    .insert(apiTokens)
    .values({ accountId, prefix: token.slice(0, VISIBLE), tokenHash: sha256Hex(token), label })
    .returning()
    .get();
  return { token, summary: summarize(row) };
}

/** The account a bearer token belongs to, or null. The digest is compared in constant time. */
export function accountForToken(db: Db, token: string): number | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length < VISIBLE) return null;
  const digest = sha256Hex(token);
  const candidates = db
    .select({ id: apiTokens.id, accountId: apiTokens.accountId, tokenHash: apiTokens.tokenHash, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.prefix, token.slice(0, VISIBLE)), isNull(apiTokens.revokedAt)))
    .all();
  const match = candidates.find((c) => sameDigest(c.tokenHash, digest));
  if (!match) return null;
  // Recorded at minute resolution: a write on every request would contend with the pacer. Not
  // while an ingest worker holds the write lock: the write would wait for it (or fail), and
  // bookkeeping must not hold up or fail a read.
  const now = Date.now();
  if ((!match.lastUsedAt || now - match.lastUsedAt.getTime() > 60_000) && !bulkInsertRunning())
    db.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(eq(apiTokens.id, match.id)).run();
  return match.accountId;
}

export function listTokens(db: Db, accountId: number): TokenSummary[] {
  return db.select().from(apiTokens).where(eq(apiTokens.accountId, accountId)).orderBy(desc(apiTokens.id)).all().map(summarize);
}

/**
 * Revokes tokens by their visible prefix (as `token list` shows it), within one account when
 * given. Returns how many were revoked.
 */
export function revokeTokens(db: Db, prefix: string, accountId?: number): number {
  const where = and(
    eq(apiTokens.prefix, prefix.slice(0, VISIBLE)),
    isNull(apiTokens.revokedAt),
    accountId === undefined ? undefined : eq(apiTokens.accountId, accountId),
  );
  const n = db.update(apiTokens).set({ revokedAt: new Date() }).where(where).run().changes;
  if (n === 0) throw new NotFoundError('Token', prefix);
  return n;
}

export function revokeTokenById(db: Db, accountId: number, id: number): void {
  const n = db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
    .run().changes;
  if (n === 0) throw new NotFoundError('Token', id);
}

function summarize(row: typeof apiTokens.$inferSelect): TokenSummary {
  return { id: row.id, prefix: row.prefix, label: row.label, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}
