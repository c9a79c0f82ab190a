import type { Db } from '../../db/client';
import { ValidationError } from '../errors';
import { findProfileByRef } from '../profiles';
import { findScheduleByRef } from '../schedules';
import type { ProfileWindowInput, ResourceRef } from '../schemas/campaign';

export interface ResolvedWindow {
  profileId: number;
  startTime: string;
  endTime: string;
}

/** The schedule a campaign names, or a 422 naming the `schedule` field. */
export function resolveSchedule(db: Db, accountId: number, ref: ResourceRef): number {
  const row = findScheduleByRef(db, accountId, ref);
  if (!row) throw ValidationError.of('schedule', `The selected schedule "${ref}" does not exist.`);
  return row.id;
}

/** The profiles a campaign's windows name; every unknown one is reported against its index. */
export function resolveWindows(db: Db, accountId: number, windows: ProfileWindowInput[]): ResolvedWindow[] {
  const errors: Record<string, string[]> = {};
  const resolved = windows.map((w, i) => {
    const row = findProfileByRef(db, accountId, w.profile);
    if (!row) errors[`profiles.${i}.profile`] = [`The selected profile "${w.profile}" does not exist.`];
    return { profileId: row?.id ?? 0, startTime: w.start_time, endTime: w.end_time };
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return resolved;
}
