import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError, toPhoneEntry } from './to-phone-entry';

interface CsvColumns {
  count: number;
  phone: number;
  ani: number;
  reference: number;
}

/**
 * Parses a CSV phone list whose header names `phone_number` and optionally `ani` and
 * `message_reference` (any order, any case); other columns are ignored. Line numbers count the
 * header and blank lines; a record spanning lines (a quoted newline) is named by its last line.
 */
export async function* parseCsvRows(
  chunks: AsyncIterable<Buffer | string>,
  batchSize: number,
): AsyncIterable<Array<PhoneEntry | PhoneEntryError>> {
  let malformed: CsvError | undefined;
  const parser = parse({
    // Not `trim`: with it, csv-parse rejects `"x"y` and its recovery then drops the rows after.
    // Values are trimmed by toPhoneEntry instead.
    relax_quotes: true,
    bom: true,
    skip_empty_lines: true,
    // Spreadsheets export blank rows as ",,"; they are not entries.
    skip_records_with_empty_values: true,
    // Too few fields just means empty trailing cells; too many is reported per line below.
    relax_column_count: true,
    // Lets the rows before a malformed record through (a failing stream would discard them).
    // With relax_quotes the only malformed record left is an unclosed quote, which runs to the
    // end of the file, so the list ends there.
    skip_records_with_error: true,
    on_skip: (error) => {
      malformed ??= error;
      return undefined;
    },
    info: true,
  });
  // Source errors surface through the parser's iterator below.
  pipeline(Readable.from(chunks), parser, () => {});

  let columns: CsvColumns | undefined;
  let lastRecordLine = 0;
  let batch: Array<PhoneEntry | PhoneEntryError> = [];
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    if (malformed !== undefined && info.lines >= Number(malformed.lines)) break;
    lastRecordLine = info.lines;
    if (columns === undefined) {
      const header = columnsOf(record, info.lines);
      if ('message' in header) {
        yield [header];
        return;
      }
      columns = header;
      continue;
    }
    batch.push(rowToEntry(record, columns, info.lines));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (malformed !== undefined) batch.push(malformedRecordError(malformed, lastRecordLine + 1));
  if (batch.length > 0) yield batch;
}

/** Names the line after the last good record: where an unclosed quote most likely opened. */
function malformedRecordError(error: CsvError, line: number): PhoneEntryError {
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : error.message;
  return entryError(line, 'line', `malformed CSV: ${reason}; the rest of the file was not read`);
}

function columnsOf(header: string[], line: number): CsvColumns | PhoneEntryError {
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

function rowToEntry(
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
