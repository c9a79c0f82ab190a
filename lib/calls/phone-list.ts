import fs from 'node:fs';
import { ValidationError } from '../errors';
import { isPhoneEntryError, parsePhoneArray, parsePhoneFile, type PhoneEntry, type PhoneEntryError } from '../phones';
import type { UploadedFile } from '../wire/decode';

/** How many bad entries a 422 reply lists; the rest are counted. */
export const MAX_REPORTED_ERRORS = 100;

/** A phone list from a request: an uploaded file, or inline entries (JSON array or lines). */
export type PhoneListSource = { file: UploadedFile } | { entries: string[] };

/**
 * Reads and validates a whole phone list before anything is stored: one bad entry rejects the
 * request with a 422 naming the first 100 bad lines, so a list is never half-added.
 */
export async function readPhoneList(source: PhoneListSource, field = 'phone_numbers'): Promise<PhoneEntry[]> {
  const entries: PhoneEntry[] = [];
  const errors: PhoneEntryError[] = [];
  let errorCount = 0;
  const take = (batch: Array<PhoneEntry | PhoneEntryError>) => {
    for (const item of batch) {
      if (!isPhoneEntryError(item)) entries.push(item);
      else if (errorCount++ < MAX_REPORTED_ERRORS) errors.push(item);
    }
  };
  if ('file' in source) {
    for await (const batch of parsePhoneFile(fs.createReadStream(source.file.path))) take(batch);
  } else {
    take(parsePhoneArray(source.entries));
  }
  if (errorCount > 0) {
    const messages = errors.map((e) => e.message);
    if (errorCount > errors.length) messages.push(`… and ${errorCount - errors.length} more invalid entries (${errorCount} in all).`);
    throw new ValidationError({ [field]: messages });
  }
  if (entries.length === 0) throw ValidationError.of(field, 'The phone numbers list contains no entries.');
  return entries;
}

/** The phone list of a request, if it carries one under `phone_numbers` (file upload wins). */
export function phoneListSource(files: UploadedFile[], inline: string[] | undefined): PhoneListSource | null {
  const file = files.find((f) => f.field === 'phone_numbers');
  if (file) return { file };
  return inline ? { entries: inline } : null;
}
