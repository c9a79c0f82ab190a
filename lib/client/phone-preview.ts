import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { parsePhoneEntry } from '../phones/parse-phone-entry';
import { isPhoneEntryError, type PhoneEntry, type PhoneEntryError } from '../phones/phone-entry';
import { columnsOf, hasPhoneNumberColumn, PHONE_CSV_OPTIONS, rowToEntry, type CsvColumns } from '../phones/csv-columns';
import { FILE_NOT_TEXT_MESSAGE, looksLikeNonText, phoneFileEncoding } from '../phones/file-encoding';
import { entryError } from '../phones/to-phone-entry';

/**
 * The browser's preview of a phone list, checked line by line with the same pure functions the
 * server uses (lib/phones), so the errors shown before submit are the ones the API would give.
 * The streaming file parser in lib/phones needs node streams; here the text is in memory, so CSV
 * goes through csv-parse's browser build with the shared options and column rules
 * (lib/phones/csv-columns.ts). phone-preview.test.ts checks the two agree line for line.
 */
export interface PhonePreview {
  format: 'csv' | 'lines';
  valid: number;
  /** The first few valid entries, to show what will be called. */
  sample: PhoneEntry[];
  errors: PhoneEntryError[];
  errorCount: number;
  /** Only the start of a large file was checked; the server checks the rest on submit. */
  partial: boolean;
  checkedLines: number;
}

const SAMPLE = 8;
const MAX_ERRORS = 100;
/** Files up to this size are checked whole; larger ones by their first PARTIAL_BYTES. */
export const FULL_CHECK_BYTES = 5 * 1024 * 1024;
const PARTIAL_BYTES = 1024 * 1024;

function isCsvHeader(line: string): boolean {
  try {
    const [fields] = parseCsv(line, { ...PHONE_CSV_OPTIONS, info: false }) as string[][];
    return fields !== undefined && hasPhoneNumberColumn(fields);
  } catch {
    return false;
  }
}

class Collector {
  valid = 0;
  sample: PhoneEntry[] = [];
  errors: PhoneEntryError[] = [];
  errorCount = 0;
  take(result: PhoneEntry | PhoneEntryError) {
    if (isPhoneEntryError(result)) {
      if (this.errorCount++ < MAX_ERRORS) this.errors.push(result);
    } else {
      this.valid++;
      if (this.sample.length < SAMPLE) this.sample.push(result);
    }
  }
}

function previewLines(lines: string[], out: Collector) {
  lines.forEach((raw, i) => {
    const entry = raw.trim();
    if (entry !== '') out.take(parsePhoneEntry(entry, i + 1));
  });
}

/**
 * CSV through csv-parse's browser build with the server's options (lib/phones/csv-columns.ts),
 * its column rules and row checks, and its handling of an unclosed quote: the rows before it
 * count, the rest of the file is not read.
 */
function previewCsv(text: string, out: Collector) {
  let malformed: (Error & { code?: string; lines?: number }) | undefined;
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parseCsv(text, {
      ...PHONE_CSV_OPTIONS,
      skip_records_with_error: true,
      on_skip: (error) => {
        malformed ??= error ?? undefined;
        return undefined;
      },
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    malformed = e as Error & { code?: string; lines?: number };
    rows = [];
  }
  let columns: CsvColumns | undefined;
  let lastLine = 0;
  for (const { record, info } of rows) {
    if (malformed !== undefined && info.lines >= Number(malformed.lines)) break;
    lastLine = info.lines;
    if (columns === undefined) {
      const header = columnsOf(record, info.lines);
      if ('message' in header) {
        out.take(header);
        return;
      }
      columns = header;
      continue;
    }
    out.take(rowToEntry(record, columns, info.lines));
  }
  if (malformed !== undefined) {
    const reason = malformed.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : malformed.message;
    out.take(entryError(lastLine + 1, 'line', `malformed CSV: ${reason}; the rest of the file was not read`));
  }
}

/** Checks a phone list given as text (a file's content or pasted lines). */
export function previewPhoneText(text: string, partial = false): PhonePreview {
  let body = text;
  if (partial) {
    // Drop the last, probably cut, line of a partial read.
    const cut = body.lastIndexOf('\n');
    body = cut === -1 ? '' : body.slice(0, cut);
  }
  const lines = body.split('\n');
  const firstLine = lines.find((l) => l.trim() !== '');
  const out = new Collector();
  const format = firstLine !== undefined && isCsvHeader(firstLine) ? 'csv' : 'lines';
  if (format === 'csv') previewCsv(body, out);
  else previewLines(lines, out);
  return { format, valid: out.valid, sample: out.sample, errors: out.errors, errorCount: out.errorCount, partial, checkedLines: lines.length };
}

/** A file's content, in the encodings the server reads (lib/phones/file-encoding.ts). */
export async function previewPhoneFile(file: File): Promise<PhonePreview> {
  const partial = file.size > FULL_CHECK_BYTES;
  const bytes = new Uint8Array(await (partial ? file.slice(0, PARTIAL_BYTES) : file).arrayBuffer());
  const encoding = phoneFileEncoding(bytes);
  if (encoding === 'utf-8' && looksLikeNonText(bytes)) {
    return { format: 'lines', valid: 0, sample: [], errors: [{ line: 1, message: FILE_NOT_TEXT_MESSAGE }], errorCount: 1, partial, checkedLines: 0 };
  }
  return previewPhoneText(new TextDecoder(encoding).decode(bytes), partial);
}
