import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaignProfiles, profiles } from '../../db/schema';
import { InUseError, NotFoundError } from '../errors';
import { describe, rethrowNicknameTaken } from '../nicknames';
import type { ResourceRef } from '../schemas/campaign';
import type { ProfileInput, ProfileUpdate } from '../schemas/profile';

export type ProfileRow = typeof profiles.$inferSelect;

function columns(input: ProfileUpdate) {
  return {
    ...(input.period !== undefined && { period: input.period }),
    ...(input.amount_per_period !== undefined && { amountPerPeriod: input.amount_per_period }),
    ...(input.time_between_periods !== undefined && { timeBetweenPeriods: input.time_between_periods }),
    ...(input.nickname !== undefined && { nickname: input.nickname }),
  };
}

export function createProfile(db: Db, accountId: number, input: ProfileInput): ProfileRow {
  try {
    return db
      .insert(profiles)
      .values({
        accountId,
        nickname: input.nickname ?? null,
        period: input.period,
        amountPerPeriod: input.amount_per_period,
        timeBetweenPeriods: input.time_between_periods,
      })
      .returning()
      .get();
  } catch (e) {
    rethrowNicknameTaken(e);
  }
}

export function listProfiles(db: Db, accountId: number): ProfileRow[] {
  return db.select().from(profiles).where(eq(profiles.accountId, accountId)).orderBy(profiles.id).all();
}

export function getProfile(db: Db, accountId: number, id: number): ProfileRow {
  const row = db.select().from(profiles).where(and(eq(profiles.id, id), eq(profiles.accountId, accountId))).get();
  if (!row) throw new NotFoundError('Profile', id);
  return row;
}

/** A profile named by nickname or id (a digit string is tried as an id first, then as a nickname). */
export function findProfileByRef(db: Db, accountId: number, ref: ResourceRef): ProfileRow | undefined {
  const asId = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : null;
  const scoped = (cond: ReturnType<typeof eq>) => db.select().from(profiles).where(and(cond, eq(profiles.accountId, accountId))).get();
  return (asId !== null ? scoped(eq(profiles.id, asId)) : undefined) ?? (typeof ref === 'string' ? scoped(eq(profiles.nickname, ref)) : undefined);
}

export function updateProfile(db: Db, accountId: number, id: number, input: ProfileUpdate): ProfileRow {
  const current = getProfile(db, accountId, id);
  const changes = columns(input);
  if (Object.keys(changes).length === 0) return current;
  try {
    return db.update(profiles).set(changes).where(and(eq(profiles.id, id), eq(profiles.accountId, accountId))).returning().get()!;
  } catch (e) {
    rethrowNicknameTaken(e);
  }
}

export function deleteProfile(db: Db, accountId: number, id: number): void {
  db.transaction((tx) => {
    const row = getProfile(tx as unknown as Db, accountId, id);
    const user = tx
      .select({ id: campaignProfiles.campaignId })
      .from(campaignProfiles)
      .where(eq(campaignProfiles.profileId, id))
      .orderBy(desc(campaignProfiles.campaignId))
      .limit(1)
      .get();
    if (user) throw new InUseError(`${describe('Profile', row)} is being used with campaign id ${user.id}.`);
    tx.delete(profiles).where(eq(profiles.id, id)).run();
  });
}
