import fs from 'node:fs';
import type { Db } from '../../../db/client';
import { addCallsToCampaign, createCampaign } from '../../campaigns/mutations';
import { isPhoneEntryError, parsePhoneArray, parsePhoneFile, type PhoneEntry, type PhoneEntryError } from '../../phones';
import type { CampaignInput } from '../../schemas/campaign';
import type { AddedCalls } from '../insert-calls';
import { CallSpill } from './call-spill';

/** How many bad entries a 422 reply lists; the rest are counted. */
export const MAX_REPORTED_ERRORS = 100;

/** Entries parsed per step (and per spill batch). */
const BATCH = 5_000;
/** Bigger reads than the 64 KiB default: fewer chunks, fewer async steps. */
const READ_CHUNK_BYTES = 1 << 20;

/** A phone list from a request: an uploaded (spooled) file, or inline entries. Plain data, so it can cross to a worker. */
export type PhoneListSource = { kind: 'file'; path: string; size: number } | { kind: 'entries'; entries: string[] };

/** What to store the list into. `input` is plain data too (zod's output of the request). */
export type IngestTarget =
  | { kind: 'create'; accountId: number; input: CampaignInput }
  | { kind: 'add'; accountId: number; campaignId: number };

export interface IngestJob {
  target: IngestTarget;
  source: PhoneListSource | null;
  /** Where validated calls wait for the insert: memory for small lists, a temp file for big ones. */
  spill: 'memory' | 'file';
}

/** How long each phase took (ms), for the log line. */
export interface IngestTimings {
  validateMs: number;
  storeMs: number;
}

export type IngestOutcome =
  | ({ status: 'stored'; id?: number; timings: IngestTimings } & AddedCalls)
  /** The 422 messages for `phone_numbers`; nothing was stored. */
  | { status: 'invalid'; messages: string[]; timings: IngestTimings };

/**
 * Runs one ingest: phase 1 parses and validates the whole list into a spill, without touching
 * the database; phase 2, only when every entry is valid, stores the campaign (for create) and
 * the calls in one IMMEDIATE transaction read from the spill. So an invalid list never takes
 * the write lock, and a valid one holds it only for the inserts. Runs in the ingest worker for
 * big lists and on the caller's thread for small ones (see ./index.ts).
 */
export async function runIngestJob(db: Db, job: IngestJob, onWriting?: () => void): Promise<IngestOutcome> {
  const spill = job.spill === 'file' ? CallSpill.inTempFile() : CallSpill.inMemory();
  const started = performance.now();
  try {
    const messages = job.source === null ? null : await validateInto(job.source, spill);
    const validated = performance.now();
    if (messages !== null) return { status: 'invalid', messages, timings: { validateMs: validated - started, storeMs: 0 } };
    onWriting?.();
    const { target } = job;
    const stored =
      target.kind === 'create'
        ? createCampaign(db, target.accountId, target.input, spill)
        : addCallsToCampaign(db, target.accountId, target.campaignId, spill);
    return { status: 'stored', ...stored, timings: { validateMs: validated - started, storeMs: performance.now() - validated } };
  } finally {
    spill.dispose();
  }
}

/**
 * Phase 1: parses the whole list, appending valid entries to `spill` until the first invalid
 * one, then only collecting errors (the first 100, and a count of all). Returns the 422
 * messages, or null when the list is valid and not empty.
 */
async function validateInto(source: PhoneListSource, spill: CallSpill): Promise<string[] | null> {
  const errors: PhoneEntryError[] = [];
  let errorCount = 0;
  const take = (batch: Array<PhoneEntry | PhoneEntryError>) => {
    const valid: PhoneEntry[] = [];
    for (const item of batch) {
      if (!isPhoneEntryError(item)) valid.push(item);
      else if (errorCount++ < MAX_REPORTED_ERRORS) errors.push(item);
    }
    if (errorCount === 0) spill.append(valid);
  };
  if (source.kind === 'file') {
    const stream = fs.createReadStream(source.path, { highWaterMark: READ_CHUNK_BYTES });
    for await (const batch of parsePhoneFile(stream)) take(batch);
  } else {
    for (let i = 0; i < source.entries.length; i += BATCH) take(parsePhoneArray(source.entries.slice(i, i + BATCH), i));
  }
  if (errorCount > 0) {
    const messages = errors.map((e) => e.message);
    if (errorCount > errors.length) messages.push(`… and ${errorCount - errors.length} more invalid entries (${errorCount} in all).`);
    return messages;
  }
  if (spill.count === 0) return ['The phone numbers list contains no entries.'];
  return null;
}
