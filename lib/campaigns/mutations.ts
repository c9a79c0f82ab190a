import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaignProfiles, campaigns } from '../../db/schema';
import { insertCalls, type AddedCalls, type CallRows } from '../calls/insert-calls';
import { ValidationError } from '../errors';
import { isPastEnd } from '../pacing';
import type { PhoneEntry } from '../phones';
import type { CampaignInput, CampaignUpdate } from '../schemas/campaign';
import { getCampaignRow } from './queries';
import { resolveSchedule, resolveWindows, type ResolvedWindow } from './resolve';

function replaceWindows(tx: Db, campaignId: number, windows: ResolvedWindow[]): void {
  tx.delete(campaignProfiles).where(eq(campaignProfiles.campaignId, campaignId)).run();
  tx.insert(campaignProfiles)
    .values(windows.map((w, position) => ({ campaignId, position, ...w })))
    .run();
}

/**
 * Creates a campaign (status `stopped`) with its windows and calls: one IMMEDIATE transaction,
 * so the campaign and its phone list are stored together or not at all. `calls` may stream
 * from a spill file (lib/calls/ingest), which is how big lists arrive here.
 */
export function createCampaign(
  db: Db,
  accountId: number,
  input: CampaignInput,
  calls: readonly PhoneEntry[] | CallRows = [],
): { id: number } & AddedCalls {
  // better-sqlite3's own transaction on the connection: drizzle statements on `db` join it,
  // and insertCalls needs the connection itself (drizzle's transaction object lacks $client).
  // IMMEDIATE takes the write lock up front instead of failing to upgrade a read later.
  return db.$client
    .transaction(() => {
      const scheduleId = resolveSchedule(db, accountId, input.schedule);
      const windows = resolveWindows(db, accountId, input.profiles);
      const { id } = db
        .insert(campaigns)
        .values({
          accountId,
          scheduleId,
          startDate: input.start_date,
          endDate: input.end_date,
          startUrl: input.start_url,
          resultUrl: input.result_url ?? null,
        })
        .returning({ id: campaigns.id })
        .get();
      replaceWindows(db, id, windows);
      return { id, ...insertCalls(db, id, calls) };
    })
    .immediate();
}

/**
 * Updates what the request names. An `ended` campaign whose end_date moves into the future
 * becomes `stopped` again, so it can be started.
 */
export function updateCampaign(db: Db, accountId: number, id: number, input: CampaignUpdate, now = new Date()): void {
  db.transaction((tx) => {
    const t = tx as unknown as Db;
    const current = getCampaignRow(t, accountId, id);
    const startDate = input.start_date ?? current.startDate;
    const endDate = input.end_date ?? current.endDate;
    if (endDate < startDate)
      throw ValidationError.of(input.end_date ? 'end_date' : 'start_date', 'The end date must be a date after or equal to start date.');
    const scheduleId = input.schedule !== undefined ? resolveSchedule(t, accountId, input.schedule) : undefined;
    if (input.profiles) replaceWindows(t, id, resolveWindows(t, accountId, input.profiles));
    const reopened = current.status === 'ended' && !isPastEnd({ endDate }, now);
    t.update(campaigns)
      .set({
        startDate,
        endDate,
        ...(scheduleId !== undefined && { scheduleId }),
        ...(input.start_url !== undefined && { startUrl: input.start_url }),
        ...(input.result_url !== undefined && { resultUrl: input.result_url }),
        ...(reopened && { status: 'stopped' as const }),
        updatedAt: now,
      })
      .where(and(eq(campaigns.id, id), eq(campaigns.accountId, accountId)))
      .run();
  });
}

export function deleteCampaign(db: Db, accountId: number, id: number): void {
  getCampaignRow(db, accountId, id);
  db.delete(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.accountId, accountId))).run();
}

/**
 * Appends calls to the end of the queue (one IMMEDIATE transaction: all or nothing); a
 * `completed` campaign goes back to `running`.
 */
export function addCallsToCampaign(
  db: Db,
  accountId: number,
  id: number,
  calls: readonly PhoneEntry[] | CallRows,
): AddedCalls {
  return db.$client
    .transaction(() => {
      const current = getCampaignRow(db, accountId, id);
      const result = insertCalls(db, id, calls);
      if (current.status === 'completed' && result.added > 0)
        db.update(campaigns).set({ status: 'running', updatedAt: new Date() }).where(eq(campaigns.id, id)).run();
      return result;
    })
    .immediate();
}
