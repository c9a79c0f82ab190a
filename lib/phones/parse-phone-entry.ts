import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError, toPhoneEntry, type EntryLabel } from './to-phone-entry';

/** `ani =` after the `;`, matched in place (sticky) so the hot path copies no substrings. */
const ANI_PARAMETER = /\s*ani\s*=\s*/iy;

/**
 * Parses one entry, `tel:+12223334444; ani=7778889999, message_reference`, where `tel:`,
 * `; ani=...` and `, message_reference` are optional. Everything after the first comma is the
 * reference, so a reference may itself contain commas (as it can in a quoted CSV field).
 */
export function parsePhoneEntry(text: string, line: number): PhoneEntry | PhoneEntryError {
  return parseLabelledEntry(text, line, 'line');
}

export function parseLabelledEntry(
  text: string,
  position: number,
  label: EntryLabel,
): PhoneEntry | PhoneEntryError {
  const comma = text.indexOf(',');
  const numbers = comma === -1 ? text : text.slice(0, comma);
  const reference = comma === -1 ? null : text.slice(comma + 1);

  const semicolon = numbers.indexOf(';');
  const phone = (semicolon === -1 ? numbers : numbers.slice(0, semicolon)).trim();
  let ani: string | null = null;
  if (semicolon !== -1) {
    ANI_PARAMETER.lastIndex = semicolon + 1;
    if (!ANI_PARAMETER.test(numbers)) {
      return entryError(position, label, 'expected "ani=<number>" after ";"');
    }
    ani = numbers.slice(ANI_PARAMETER.lastIndex);
  }

  return toPhoneEntry(withoutTelPrefix(phone), ani, reference, position, label);
}

/** Drops a leading `tel:` in any case; a char test because this runs once per entry. */
function withoutTelPrefix(phone: string): string {
  const hasPrefix =
    phone.length >= 4 &&
    (phone.charCodeAt(0) | 0x20) === 0x74 && // t
    (phone.charCodeAt(1) | 0x20) === 0x65 && // e
    (phone.charCodeAt(2) | 0x20) === 0x6c && // l
    phone.charCodeAt(3) === 0x3a; // :
  return hasPrefix ? phone.slice(4) : phone;
}
