import { parseLabelledEntry } from './parse-phone-entry';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError } from './to-phone-entry';

/** Parses a decoded JSON array of entry strings; errors name the 1-based index ("entry 3: ..."). */
export function parsePhoneArray(items: unknown[]): Array<PhoneEntry | PhoneEntryError> {
  return items.map((item, index) =>
    typeof item === 'string'
      ? parseLabelledEntry(item, index + 1, 'entry')
      : entryError(index + 1, 'entry', 'expected a string like "tel:+12223334444"'),
  );
}
