import type { Db } from '../../db/client';
import { ValidationError } from '../errors';
import type { CampaignInput } from '../schemas/campaign';
import type { UploadedFile } from '../wire/decode';
import { ingestPhoneList, type PhoneListSource } from './ingest';
import type { AddedCalls } from './insert-calls';

export { MAX_REPORTED_ERRORS, type PhoneListSource } from './ingest';

/**
 * Create Campaign with its phone list: the campaign, its windows and its calls are stored
 * together or not at all. A list with any invalid entry is a 422 naming the first 100 of them
 * (and counting the rest); without a list the campaign starts empty.
 */
export async function createCampaignWithPhoneList(
  db: Db,
  accountId: number,
  input: CampaignInput,
  source: PhoneListSource | null,
): Promise<{ id: number } & AddedCalls> {
  // The inline list travels as the source; the campaign fields do not need it.
  const { phone_numbers: _, ...fields } = input;
  const { id, added, duplicates } = await ingestPhoneList(db, { kind: 'create', accountId, input: fields }, source);
  return { id: id!, added, duplicates };
}

/** Add Calls: appends the list to the end of the campaign's queue, all or nothing. */
export async function addPhoneListToCampaign(
  db: Db,
  accountId: number,
  campaignId: number,
  source: PhoneListSource | null,
): Promise<AddedCalls> {
  if (!source) throw ValidationError.of('phone_numbers', 'The phone numbers field is required.');
  const { added, duplicates } = await ingestPhoneList(db, { kind: 'add', accountId, campaignId }, source);
  return { added, duplicates };
}

/** The phone list of a request, if it carries one under `phone_numbers` (file upload wins). */
export function phoneListSource(files: UploadedFile[], inline: string[] | undefined): PhoneListSource | null {
  const file = files.find((f) => f.field === 'phone_numbers');
  if (file) return { kind: 'file', path: file.path, size: file.size };
  return inline ? { kind: 'entries', entries: inline } : null;
}
