import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../../db/client';
import { ensureAccount } from '../../auth/tokens';
import { startCampaign } from '../../campaigns/lifecycle';
import { createCampaign } from '../../campaigns/mutations';
import type { CallEnd, Dialer, DialRequest } from '../../dialers';
import type { Weekday } from '../../enums';
import { createProfile } from '../../profiles';
import { createSchedule } from '../../schedules';
import { SlotCache } from '../slot-cache';
import type { PacerTickDeps } from '../tick';

/** Eastern daylight time, e.g. edt('2026-06-10T12:00:00'). */
export const edt = (local: string) => new Date(`${local}-04:00`);

export interface CampaignSeed {
  account?: string;
  days?: Weekday[];
  startDate?: string;
  endDate?: string;
  windows?: Array<{ start: string; end: string; period: number; amount: number; idle: number }>;
  calls?: number;
  resultUrl?: string;
}

let counter = 0;

/** A stopped campaign with `calls` queued calls, in order +15550000000, +15550000001, … */
export function seedCampaign(db: Db, seed: CampaignSeed = {}): { accountId: number; campaignId: number } {
  const accountId = ensureAccount(db, seed.account ?? 'acme');
  const n = ++counter;
  const schedule = createSchedule(db, accountId, { days: seed.days ?? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], nickname: `s${n}` });
  const windows = (seed.windows ?? [{ start: '12:00', end: '13:00', period: 1, amount: 12, idle: 1 }]).map((w, i) => {
    const p = createProfile(db, accountId, { period: w.period, amount_per_period: w.amount, time_between_periods: w.idle, nickname: `p${n}-${i}` });
    return { profile: p.id, start_time: w.start, end_time: w.end };
  });
  const phones = Array.from({ length: seed.calls ?? 50 }, (_, i) => ({
    phoneNumber: `+1555${String(i).padStart(7, '0')}`,
    ani: '+15550009999',
    messageReference: `ref-${i}`,
  }));
  const { id } = createCampaign(
    db,
    accountId,
    {
      start_date: seed.startDate ?? '2026-06-01',
      end_date: seed.endDate ?? '2026-06-30',
      schedule: schedule.id,
      profiles: windows,
      start_url: 'http://voice.example/start',
      result_url: seed.resultUrl,
    },
    phones,
  );
  return { accountId, campaignId: id };
}

export function start(db: Db, ids: { accountId: number; campaignId: number }, now: Date): void {
  startCampaign(db, ids.accountId, ids.campaignId, now);
}

/** A dialer that records what it is asked to dial; the test ends calls itself. */
export class FakeDialer implements Dialer {
  readonly name = 'fake';
  readonly dialed: DialRequest[] = [];
  reports: CallEnd[] = [];
  dial(call: DialRequest): void {
    this.dialed.push(call);
  }
  async outcomesOf(): Promise<CallEnd[]> {
    return this.reports;
  }
}

export function tickDeps(db: Db, dialer: Dialer, now: Date, extra: Partial<PacerTickDeps> = {}): PacerTickDeps {
  return { db, now, dialer, instanceId: 'test-instance', maxConcurrentCalls: null, graceMs: 2_000, cache: new SlotCache(), ...extra };
}

const tempDirs: string[] = [];

/** A temp database file (for tests that need two connections, like two server processes). */
export function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-pacer-'));
  tempDirs.push(dir);
  return path.join(dir, 'test.db');
}

/** Deletes the temp databases made so far (call from afterAll). */
export function removeTempDbs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export { openDb };
