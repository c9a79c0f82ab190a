import { StringDecoder } from 'node:string_decoder';
import { parseLabelledEntry } from './parse-phone-entry';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';

/**
 * Parses a stream of entry lines (`tel:+1...; ani=..., ref`), skipping blank ones but counting
 * them in line numbers. `trim()` also drops the `\r` of CRLF and a leading UTF-8 BOM (U+FEFF is
 * whitespace to ECMAScript).
 */
export async function* parseEntryLines(
  chunks: AsyncIterable<Buffer | string>,
  batchSize: number,
): AsyncIterable<Array<PhoneEntry | PhoneEntryError>> {
  const decoder = new StringDecoder('utf8');
  let batch: Array<PhoneEntry | PhoneEntryError> = [];
  let lineNumber = 0;
  let pending = '';
  for await (const chunk of chunks) {
    const text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const entry = text.slice(start, end).trim();
      start = end + 1;
      lineNumber++;
      if (entry === '') continue;
      batch.push(parseLabelledEntry(entry, lineNumber, 'line'));
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
    pending = text.slice(start);
  }
  const lastEntry = (pending + decoder.end()).trim();
  if (lastEntry !== '') batch.push(parseLabelledEntry(lastEntry, lineNumber + 1, 'line'));
  if (batch.length > 0) yield batch;
}
