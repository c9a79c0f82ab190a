import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { parsePhoneEntry } from '../phones/parse-phone-entry';
import { isPhoneEntryError, type PhoneEntry, type PhoneEntryError } from '../phones/phone-entry';
import { entryError, toPhoneEntry } from '../phones/to-phone-entry';

/**
 * The browser's preview of a phone list, checked line by line with the same pure functions the
 * server uses (lib/phones), so the errors shown before submit are the ones the API would give.
 * The streaming file parser in lib/phones needs node streams; here the text is in memory, so CSV
 * goes through csv-parse's browser build with the same options and the same header rules.
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
    const [fields] = parseCsv(line.toLowerCase(), { bom: true, trim: true, relax_quotes: true }) as string[][];
    return fields !== undefined && fields.includes('phone_number');
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

function previewCsv(text: string, out: Collector) {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parseCsv(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const err = e as Error & { lines?: number };
    out.take(entryError(Number(err.lines) || 1, 'line', `malformed CSV: ${err.message}`));
    return;
  }
  const [header, ...body] = rows;
  if (!header) return;
  const names = header.record.map((n) => n.toLowerCase());
  for (const name of ['phone_number', 'ani', 'message_reference']) {
    if (names.indexOf(name) !== names.lastIndexOf(name)) {
      out.take(entryError(header.info.lines, 'line', `column "${name}" appears twice in the header`));
      return;
    }
  }
  const phone = names.indexOf('phone_number');
  const ani = names.indexOf('ani');
  const reference = names.indexOf('message_reference');
  for (const { record, info } of body) {
    if (record.length > names.length) {
      out.take(entryError(info.lines, 'line', `${record.length} fields but the header has ${names.length} (quote a message_reference that contains commas)`));
      continue;
    }
    const aniText = ani === -1 ? '' : (record[ani] ?? '').trim();
    out.take(toPhoneEntry(record[phone] ?? '', aniText === '' ? null : aniText, reference === -1 ? null : (record[reference] ?? null), info.lines, 'line'));
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

export async function previewPhoneFile(file: File): Promise<PhonePreview> {
  const partial = file.size > FULL_CHECK_BYTES;
  const text = await (partial ? file.slice(0, PARTIAL_BYTES) : file).text();
  return previewPhoneText(text, partial);
}
