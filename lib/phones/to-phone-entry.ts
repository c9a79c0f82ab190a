import { normalizePhoneNumber } from './normalize-phone-number';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';

/** Where an entry came from, for error messages: a file line or a JSON array index. */
export type EntryLabel = 'line' | 'entry';

const MAX_MESSAGE_REFERENCE_LENGTH = 255;
/** Quoted input in messages is cut so one garbage line cannot produce a megabyte-long error. */
const MAX_QUOTED_LENGTH = 60;

/**
 * Validates and normalises the three fields of an entry, whatever format they came from.
 * `ani` null means "no ani given"; an empty string means "ani=" with nothing after it, an error.
 * The first problem found is reported.
 */
export function toPhoneEntry(
  phone: string,
  ani: string | null,
  reference: string | null,
  position: number,
  label: EntryLabel,
): PhoneEntry | PhoneEntryError {
  const phoneText = phone.trim();
  if (phoneText === '') return entryError(position, label, 'missing phone number');
  const phoneNumber = normalizePhoneNumber(phoneText);
  if (phoneNumber === null) {
    return entryError(position, label, `${quote(phoneText)} is not a valid phone number`);
  }

  let normalizedAni: string | null = null;
  if (ani !== null) {
    const aniText = ani.trim();
    if (aniText === '') return entryError(position, label, 'ani is empty');
    normalizedAni = normalizePhoneNumber(aniText);
    if (normalizedAni === null) {
      return entryError(position, label, `ani ${quote(aniText)} is not a valid phone number`);
    }
  }

  const messageReference = reference === null ? '' : reference.trim();
  if (characterCount(messageReference) > MAX_MESSAGE_REFERENCE_LENGTH) {
    return entryError(
      position,
      label,
      `message_reference is longer than ${MAX_MESSAGE_REFERENCE_LENGTH} characters`,
    );
  }

  return {
    phoneNumber,
    ani: normalizedAni,
    messageReference: messageReference === '' ? null : messageReference,
  };
}

export function entryError(position: number, label: EntryLabel, reason: string): PhoneEntryError {
  return { line: position, message: `${label} ${position}: ${reason}` };
}

function quote(text: string): string {
  return JSON.stringify(
    text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text,
  );
}

/** Counts code points, not UTF-16 units, so an emoji is one character; loops only on long text. */
function characterCount(text: string): number {
  if (text.length <= MAX_MESSAGE_REFERENCE_LENGTH) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}
