import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns, schedules } from '../../db/schema';
import { WEEKDAYS, type Weekday } from '../enums';
import { InUseError, NotFoundError } from '../errors';
import { describe, rethrowNicknameTaken } from '../nicknames';
import type { ResourceRef } from '../schemas/campaign';
import type { ScheduleInput, ScheduleUpdate } from '../schemas/schedule';

export type ScheduleRow = typeof schedules.$inferSelect;

export function parseDays(stored: string): Weekday[] {
  return stored.split(',').filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
}

export function createSchedule(db: Db, accountId: number, input: ScheduleInput): ScheduleRow {
  try {
    return db
      .insert(schedules)
      .values({ accountId, nickname: input.nickname ?? null, days: input.days.join(',') })
      .returning()
      .get();
  } catch (e) {
    rethrowNicknameTaken(e);
  }
}

export function listSchedules(db: Db, accountId: number): ScheduleRow[] {
  return db.select().from(schedules).where(eq(schedules.accountId, accountId)).orderBy(schedules.id).all();
}

export function getSchedule(db: Db, accountId: number, id: number): ScheduleRow {
  const row = db.select().from(schedules).where(and(eq(schedules.id, id), eq(schedules.accountId, accountId))).get();
  if (!row) throw new NotFoundError('Schedule', id);
  return row;
}

/** A schedule named by id or nickname (a digit string is tried as an id first, then as a nickname). */
export function findScheduleByRef(db: Db, accountId: number, ref: ResourceRef): ScheduleRow | undefined {
  const asId = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : null;
  const scoped = (cond: ReturnType<typeof eq>) => db.select().from(schedules).where(and(cond, eq(schedules.accountId, accountId))).get();
  return (asId !== null ? scoped(eq(schedules.id, asId)) : undefined) ?? (typeof ref === 'string' ? scoped(eq(schedules.nickname, ref)) : undefined);
}

export function updateSchedule(db: Db, accountId: number, id: number, input: ScheduleUpdate): ScheduleRow {
  const current = getSchedule(db, accountId, id);
  const changes = { ...(input.days && { days: input.days.join(',') }), ...(input.nickname !== undefined && { nickname: input.nickname }) };
  if (Object.keys(changes).length === 0) return current;
  try {
    return db.update(schedules).set(changes).where(and(eq(schedules.id, id), eq(schedules.accountId, accountId))).returning().get()!;
  } catch (e) {
    rethrowNicknameTaken(e);
  }
}

export function deleteSchedule(db: Db, accountId: number, id: number): void {
  db.transaction((tx) => {
    const row = getSchedule(tx as unknown as Db, accountId, id);
    const user = tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.scheduleId, id)).orderBy(desc(campaigns.id)).limit(1).get();
    if (user) throw new InUseError(`${describe('Schedule', row)} is being used with campaign id ${user.id}.`);
    tx.delete(schedules).where(eq(schedules.id, id)).run();
  });
}
