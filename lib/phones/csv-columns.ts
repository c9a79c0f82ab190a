import type { Options } from 'csv-parse';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError, toPhoneEntry } from './to-phone-entry';

/**
 * How phone-list CSV is read, shared by the streaming server parser and any in-memory reader
 * (the browser preview) so both accept the same files and name the same lines.
 */
export const PHONE_CSV_OPTIONS = {
  // Not `trim`: with it, csv-parse rejects `"x"y` and its recovery then drops the rows after.
  // Values are trimmed by toPhoneEntry, header names by columnsOf.
  relax_quotes: true,
  bom: true,
  skip_empty_lines: true,
  // Spreadsheets export blank rows as ",,"; they are not entries.
  skip_records_with_empty_values: true,
  // Too few fields just means empty trailing cells; too many is reported by rowToEntry.
  relax_column_count: true,
  // Records come with `info.lines`, the line number errors name.
  info: true,
} as const satisfies Options;

export interface CsvColumns {
  count: number;
  phone: number;
  ani: number;
  reference: number;
}

/** Whether a parsed first line is a phone-list CSV header. */
export function hasPhoneNumberColumn(fields: string[]): boolean {
  return fields.some((field) => field.trim().toLowerCase() === 'phone_number');
}

/** Locates the known columns by name (any order, any case); other columns are ignored. */
export function columnsOf(header: string[], line: number): CsvColumns | PhoneEntryError {
  const names = header.map((name) => name.trim().toLowerCase());
  for (const name of ['phone_number', 'ani', 'message_reference']) {
    if (names.indexOf(name) !== names.lastIndexOf(name)) {
      return entryError(line, 'line', `column "${name}" appears twice in the header`);
    }
  }
  const phone = names.indexOf('phone_number');
  if (phone === -1) return entryError(line, 'line', 'the header has no phone_number column');
  return {
    count: names.length,
    phone,
    ani: names.indexOf('ani'),
    reference: names.indexOf('message_reference'),
  };
}

/** One data row; an empty ani cell means no ani. */
export function rowToEntry(
  record: string[],
  columns: CsvColumns,
  line: number,
): PhoneEntry | PhoneEntryError {
  if (record.length > columns.count) {
    return entryError(
      line,
      'line',
      `${record.length} fields but the header has ${columns.count}` +
        ' (quote a message_reference that contains commas)',
    );
  }
  const ani = columns.ani === -1 ? '' : (record[columns.ani] ?? '').trim();
  return toPhoneEntry(
    record[columns.phone] ?? '',
    ani === '' ? null : ani,
    columns.reference === -1 ? null : (record[columns.reference] ?? null),
    line,
    'line',
  );
}
