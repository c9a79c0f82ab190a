import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client';
import { ensureAccount } from '../../auth/tokens';
import { ValidationError } from '../../errors';
import { createProfile } from '../../profiles';
import { createSchedule } from '../../schedules';
import type { CampaignInput } from '../../schemas/campaign';
import { addPhoneListToCampaign, createCampaignWithPhoneList, type PhoneListSource } from '../phone-list';
import { bulkInsertRunning, INLINE_MAX_FILE_BYTES, INLINE_MAX_ENTRIES, onBulkInsertChange } from '.';

let dir: string;
let db: Db;
let accountId: number;
let fields: CampaignInput;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-ingest-'));
  db = openDb(path.join(dir, 'test.db'));
  accountId = ensureAccount(db, 'ingest');
  createSchedule(db, accountId, { nickname: 'every-day', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
  createProfile(db, accountId, { nickname: 'steady', period: 1, amount_per_period: 10, time_between_periods: 0 });
  fields = {
    schedule: 'every-day',
    profiles: [{ profile: 'steady', start_time: '09:00', end_time: '17:00' }],
    start_date: '2026-01-01',
    end_date: '2026-12-31',
    start_url: 'http://voice.example/start',
  } as CampaignInput;
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A distinct valid number per i (NXX-NXX: exchange 200-999), E.164. */
const number = (i: number) => `+1212${200 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, '0')}`;

let fileCounter = 0;
function file(lines: string[]): PhoneListSource {
  const p = path.join(dir, `list-${++fileCounter}.txt`);
  fs.writeFileSync(p, lines.join('\n') + '\n');
  return { kind: 'file', path: p, size: fs.statSync(p).size };
}

function callsOf(campaignId: number): Array<{ phone_number: string; ani: string | null; message_reference: string | null }> {
  return db.$client
    .prepare('SELECT phone_number, ani, message_reference FROM calls WHERE campaign_id = ? ORDER BY id')
    .all(campaignId) as Array<{ phone_number: string; ani: string | null; message_reference: string | null }>;
}

function counters(campaignId: number) {
  return db.$client.prepare('SELECT calls_total AS total, calls_queued AS queued FROM campaigns WHERE id = ?').get(campaignId);
}

const campaignCount = () => (db.$client.prepare('SELECT count(*) AS n FROM campaigns').get() as { n: number }).n;

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

// Each case runs on the caller's thread (small list) and in the worker (over the thresholds).
const SIZES = [
  { label: 'small, on the caller thread', lines: 50 },
  { label: 'big, in the worker', lines: 20_000 },
];

describe.each(SIZES)('ingest ($label)', ({ lines: size }) => {
  it('uses the path it claims to', () => {
    const big = file(Array.from({ length: size }, (_, i) => `tel:${number(i)}; ani=3105550199, ref-${i}`));
    expect(big.kind === 'file' && big.size > INLINE_MAX_FILE_BYTES).toBe(size > 1_000);
    expect(size > INLINE_MAX_ENTRIES).toBe(size > 1_000);
  });

  it('create: stores the campaign and every call in file order, with counters', async () => {
    const lines = Array.from({ length: size }, (_, i) => `tel:${number(i)}; ani=3105550199, ref-${i}`);
    const { id, added, duplicates } = await createCampaignWithPhoneList(db, accountId, fields, file(lines));
    expect({ added, duplicates }).toEqual({ added: size, duplicates: 0 });
    const calls = callsOf(id);
    expect(calls).toHaveLength(size);
    expect(calls[0]).toEqual({ phone_number: number(0), ani: '+13105550199', message_reference: 'ref-0' });
    expect(calls.every((c, i) => c.phone_number === number(i) && c.message_reference === `ref-${i}`)).toBe(true);
    expect(counters(id)).toEqual({ total: size, queued: size });
  });

  it('create: one invalid line at the very end stores nothing, not even the campaign', async () => {
    const before = campaignCount();
    const lines = Array.from({ length: size }, (_, i) => number(i));
    lines.push('+1 201 555');
    const error = await rejection(createCampaignWithPhoneList(db, accountId, fields, file(lines)));
    expect(error.fields).toEqual({ phone_numbers: [`line ${size + 1}: "+1 201 555" is not a valid phone number`] });
    expect(campaignCount()).toBe(before);
  });

  it('create: an unknown schedule is a 422 after a valid list, and nothing is stored', async () => {
    const before = campaignCount();
    const lines = Array.from({ length: size }, (_, i) => number(i));
    const error = await rejection(createCampaignWithPhoneList(db, accountId, { ...fields, schedule: 'nope' }, file(lines)));
    expect(Object.keys(error.fields)).toEqual(['schedule']);
    expect(campaignCount()).toBe(before);
  });

  it('add: an invalid line at the end adds nothing; the queue and counters are unchanged', async () => {
    const { id } = await createCampaignWithPhoneList(db, accountId, fields, { kind: 'entries', entries: [number(0)] });
    const lines = Array.from({ length: size }, (_, i) => number(i + 1));
    lines.push('2125551234; ani=12');
    const error = await rejection(addPhoneListToCampaign(db, accountId, id, file(lines)));
    expect(error.fields.phone_numbers).toEqual([`line ${size + 1}: ani "12" is not a valid phone number`]);
    expect(callsOf(id).map((c) => c.phone_number)).toEqual([number(0)]);
    expect(counters(id)).toEqual({ total: 1, queued: 1 });
  });

  it('add: appends after existing calls in file order, skipping and counting duplicates within the list and against the queue', async () => {
    const { id } = await createCampaignWithPhoneList(db, accountId, fields, {
      kind: 'entries',
      entries: [number(5), number(3)],
    });
    // number(0..size-1) in order, where 3 and 5 are already queued and every 7th repeats an earlier one.
    const lines: string[] = [];
    let expectedDuplicates = 0;
    for (let i = 0; i < size; i++) {
      lines.push(i % 7 === 6 ? `(212) ${number(i - 1).slice(5, 8)}-${number(i - 1).slice(8)}` : number(i));
      if (i % 7 === 6 || i === 3 || i === 5) expectedDuplicates++;
    }
    const result = await addPhoneListToCampaign(db, accountId, id, file(lines));
    expect(result).toEqual({ added: size - expectedDuplicates, duplicates: expectedDuplicates });
    const expectedOrder = [number(5), number(3)];
    for (let i = 0; i < size; i++) if (i % 7 !== 6 && i !== 3 && i !== 5) expectedOrder.push(number(i));
    expect(callsOf(id).map((c) => c.phone_number)).toEqual(expectedOrder);
    expect(counters(id)).toEqual({ total: expectedOrder.length, queued: expectedOrder.length });
  });

  it('names the first 100 invalid lines and counts the rest', async () => {
    const lines = Array.from({ length: size }, (_, i) => (i % 3 === 0 ? `bad-${i}` : number(i)));
    const bad = Math.ceil(size / 3);
    const error = await rejection(createCampaignWithPhoneList(db, accountId, fields, file(lines)));
    const messages = error.fields.phone_numbers;
    expect(messages).toHaveLength(Math.min(bad, 100) + (bad > 100 ? 1 : 0));
    expect(messages[0]).toBe('line 1: "bad-0" is not a valid phone number');
    if (bad > 100) expect(messages[100]).toBe(`… and ${bad - 100} more invalid entries (${bad} in all).`);
  });

  it('reads CSV files through the same pipeline', async () => {
    const lines = ['phone_number,ani,message_reference', ...Array.from({ length: size }, (_, i) => `${number(i)},,"ref, ${i}"`)];
    const { id, added } = await createCampaignWithPhoneList(db, accountId, fields, file(lines));
    expect(added).toBe(size);
    expect(callsOf(id)[size - 1]).toEqual({ phone_number: number(size - 1), ani: null, message_reference: `ref, ${size - 1}` });
  });

  it('inline entries: same rules, errors named by entry', async () => {
    const entries = Array.from({ length: size }, (_, i) => `tel:${number(i)}`);
    const { id, added } = await createCampaignWithPhoneList(db, accountId, fields, { kind: 'entries', entries });
    expect(added).toBe(size);
    const error = await rejection(addPhoneListToCampaign(db, accountId, id, { kind: 'entries', entries: [...entries, 'x'] }));
    expect(error.fields.phone_numbers).toEqual([`entry ${size + 1}: "x" is not a valid phone number`]);
    expect(counters(id)).toEqual({ total: size, queued: size });
  });
});

describe('ingest edge cases', () => {
  it('an empty list is a 422; a campaign without a list is created empty', async () => {
    const error = await rejection(createCampaignWithPhoneList(db, accountId, fields, file(['', '   '])));
    expect(error.fields).toEqual({ phone_numbers: ['The phone numbers list contains no entries.'] });
    const { id, added, duplicates } = await createCampaignWithPhoneList(db, accountId, fields, null);
    expect({ added, duplicates }).toEqual({ added: 0, duplicates: 0 });
    expect(callsOf(id)).toEqual([]);
  });

  it('add: an unknown or foreign campaign is a 404 from the worker too', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => number(i));
    await expect(addPhoneListToCampaign(db, accountId, 999_999, file(lines))).rejects.toThrow('Campaign id 999999 was not found.');
  });

  it('add: a missing list is a 422', async () => {
    const error = await rejection(addPhoneListToCampaign(db, accountId, 1, null));
    expect(error.fields).toEqual({ phone_numbers: ['The phone numbers field is required.'] });
  });

  it('a big list is ingested off the main thread: the event loop keeps turning, and the write phase is flagged and announced', async () => {
    const { id } = await createCampaignWithPhoneList(db, accountId, fields, null);
    const list = file(Array.from({ length: 60_000 }, (_, i) => `tel:${number(i)}; ani=3105550199, r${i}`));
    let maxLag = 0;
    let sawWriting = false;
    const changes: boolean[] = [];
    const unsubscribe = onBulkInsertChange((running) => changes.push(running));
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last);
      last = now;
      sawWriting ||= bulkInsertRunning();
    }, 1);
    const started = performance.now();
    const result = await addPhoneListToCampaign(db, accountId, id, list);
    const took = performance.now() - started;
    clearInterval(timer);
    unsubscribe();
    expect(result).toEqual({ added: 60_000, duplicates: 0 });
    expect(sawWriting).toBe(true);
    expect(changes).toEqual([true, false]);
    expect(bulkInsertRunning()).toBe(false);
    // Relative, as the machine may be slow: on the main thread the loop would stall for ~all of it.
    expect(maxLag, `max lag ${maxLag.toFixed(0)} ms of ${took.toFixed(0)} ms`).toBeLessThan(took / 3);
  });

  it('while a worker writes, a small list queues behind it instead of waiting for the lock on the main thread', async () => {
    const { id } = await createCampaignWithPhoneList(db, accountId, fields, null);
    const big = addPhoneListToCampaign(db, accountId, id, file(Array.from({ length: 60_000 }, (_, i) => number(i))));
    const deadline = Date.now() + 60_000;
    while (!bulkInsertRunning() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(bulkInsertRunning()).toBe(true);
    const started = performance.now();
    const small = addPhoneListToCampaign(db, accountId, id, { kind: 'entries', entries: [number(70_000), number(70_001)] });
    // On the main thread, BEGIN IMMEDIATE would have blocked right here until the worker committed.
    expect(performance.now() - started).toBeLessThan(50);
    expect(await small).toEqual({ added: 2, duplicates: 0 });
    expect(await big).toEqual({ added: 60_000, duplicates: 0 });
    expect(callsOf(id).slice(-2).map((c) => c.phone_number)).toEqual([number(70_000), number(70_001)]);
  });

  it('worker jobs queue: concurrent big uploads each store all their calls', async () => {
    const { id } = await createCampaignWithPhoneList(db, accountId, fields, null);
    const lists = [0, 1, 2].map((k) => file(Array.from({ length: 10_000 }, (_, i) => number(k * 10_000 + i))));
    const results = await Promise.all(lists.map((list) => addPhoneListToCampaign(db, accountId, id, list)));
    expect(results).toEqual([0, 1, 2].map(() => ({ added: 10_000, duplicates: 0 })));
    expect(counters(id)).toEqual({ total: 30_000, queued: 30_000 });
  });
});
