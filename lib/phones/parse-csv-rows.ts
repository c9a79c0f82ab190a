import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { columnsOf, PHONE_CSV_OPTIONS, rowToEntry, type CsvColumns } from './csv-columns';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError } from './to-phone-entry';

/**
 * Parses a streamed CSV phone list (header first; see csv-columns.ts). Line numbers count the
 * header and blank lines; a record spanning lines (a quoted newline) is named by its last line.
 */
export async function* parseCsvRows(
  chunks: AsyncIterable<Buffer | string>,
  batchSize: number,
): AsyncIterable<Array<PhoneEntry | PhoneEntryError>> {
  let malformed: CsvError | undefined;
  const parser = parse({
    ...PHONE_CSV_OPTIONS,
    // Lets the rows before a malformed record through (a failing stream would discard them).
    // With relax_quotes the only malformed record left is an unclosed quote, which runs to the
    // end of the file, so the list ends there.
    skip_records_with_error: true,
    on_skip: (error) => {
      malformed ??= error;
      return undefined;
    },
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
