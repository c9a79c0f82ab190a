import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaignProfiles, campaigns, profiles, schedules } from '../../db/schema';
import { NotFoundError } from '../errors';

export type CampaignRow = typeof campaigns.$inferSelect;

export interface CampaignWindow {
  profileId: number;
  nickname: string | null;
  startTime: string;
  endTime: string;
  period: number;
  amountPerPeriod: number;
  timeBetweenPeriods: number;
}

/** A campaign with everything needed to show or pace it. */
export interface CampaignDetail extends CampaignRow {
  schedule: { id: number; nickname: string | null; days: string };
  windows: CampaignWindow[];
}

export function getCampaignRow(db: Db, accountId: number, id: number): CampaignRow {
  const row = db.select().from(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.accountId, accountId))).get();
  if (!row) throw new NotFoundError('Campaign', id);
  return row;
}

/** Loads campaigns with their schedule and windows in three queries, whatever their number. */
export function loadCampaignDetails(db: Db, rows: CampaignRow[]): CampaignDetail[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const scheduleRows = db
    .select({ id: schedules.id, nickname: schedules.nickname, days: schedules.days })
    .from(schedules)
    .where(inArray(schedules.id, [...new Set(rows.map((r) => r.scheduleId))]))
    .all();
  const windowRows = db
    .select({
      campaignId: campaignProfiles.campaignId,
      profileId: campaignProfiles.profileId,
      nickname: profiles.nickname,
      startTime: campaignProfiles.startTime,
      endTime: campaignProfiles.endTime,
      period: profiles.period,
      amountPerPeriod: profiles.amountPerPeriod,
      timeBetweenPeriods: profiles.timeBetweenPeriods,
    })
    .from(campaignProfiles)
    .innerJoin(profiles, eq(profiles.id, campaignProfiles.profileId))
    .where(inArray(campaignProfiles.campaignId, ids))
    .orderBy(asc(campaignProfiles.campaignId), asc(campaignProfiles.position))
    .all();
  const scheduleById = new Map(scheduleRows.map((s) => [s.id, s]));
  const windowsByCampaign = new Map<number, CampaignWindow[]>();
  for (const { campaignId, ...w } of windowRows) {
    const list = windowsByCampaign.get(campaignId) ?? [];
    list.push(w);
    windowsByCampaign.set(campaignId, list);
  }
  return rows.map((r) => ({ ...r, schedule: scheduleById.get(r.scheduleId)!, windows: windowsByCampaign.get(r.id) ?? [] }));
}

export function listCampaignDetails(db: Db, accountId: number): CampaignDetail[] {
  return loadCampaignDetails(db, db.select().from(campaigns).where(eq(campaigns.accountId, accountId)).orderBy(campaigns.id).all());
}

export function getCampaignDetail(db: Db, accountId: number, id: number): CampaignDetail {
  return loadCampaignDetails(db, [getCampaignRow(db, accountId, id)])[0];
}
