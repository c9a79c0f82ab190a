import { parseLabelledEntry } from './parse-phone-entry';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError } from './to-phone-entry';

/**
 * Parses a decoded JSON array of entry strings; errors name the 1-based index ("entry 3: ...").
 * `firstIndex` is the index of `items[0]` in the whole list, for parsing it in slices.
 */
export function parsePhoneArray(items: readonly unknown[], firstIndex = 0): Array<PhoneEntry | PhoneEntryError> {
  return items.map((item, index) =>
    typeof item === 'string'
      ? parseLabelledEntry(item, firstIndex + index + 1, 'entry')
      : entryError(firstIndex + index + 1, 'entry', 'expected a string like "tel:+12223334444"'),
  );
}
