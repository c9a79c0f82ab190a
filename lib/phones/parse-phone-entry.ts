import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError, toPhoneEntry, type EntryLabel } from './to-phone-entry';

const TEL_PREFIX = /^tel:/i;
const ANI_KEY = /^\s*ani\s*$/i;

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
    const parameter = numbers.slice(semicolon + 1);
    const equals = parameter.indexOf('=');
    if (equals === -1 || !ANI_KEY.test(parameter.slice(0, equals))) {
      return entryError(position, label, 'expected "ani=<number>" after ";"');
    }
    ani = parameter.slice(equals + 1);
  }

  return toPhoneEntry(phone.replace(TEL_PREFIX, ''), ani, reference, position, label);
}
