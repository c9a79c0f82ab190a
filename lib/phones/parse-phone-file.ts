import { StringDecoder } from 'node:string_decoder';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { readHead, replay, type Chunk } from './chunks';
import { hasPhoneNumberColumn, PHONE_CSV_OPTIONS } from './csv-columns';
import {
  ENCODING_SNIFF_BYTES,
  FILE_NOT_TEXT_MESSAGE,
  looksLikeNonText,
  phoneFileEncoding,
  type PhoneFileEncoding,
} from './file-encoding';
import { parseCsvRows } from './parse-csv-rows';
import { parseEntryLines } from './parse-entry-lines';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';

/** Big enough to amortise per-batch work (one SQL transaction each), small enough to stream. */
const BATCH_SIZE = 5_000;

/**
 * Parses an uploaded phone list as it streams in, yielding batches of ~5,000 results in file
 * order. UTF-8, or UTF-16 with a byte order mark, decoded as it streams (file-encoding.ts); a
 * file with NUL bytes near its start and no UTF-16 BOM is refused with one error. The file is
 * CSV when its first non-empty line has a `phone_number` field (any case), otherwise one entry
 * per line. Only the first line is buffered to decide, so a 1M-line file is never held whole.
 * Unreadable CSV ends the list with an error result; source errors are thrown.
 */
export async function* parsePhoneFile(
  source: AsyncIterable<Chunk>,
): AsyncIterable<Array<PhoneEntry | PhoneEntryError>> {
  const raw = source[Symbol.asyncIterator]();
  const { head, done } = await readHead(raw, ENCODING_SNIFF_BYTES);
  const start = headBytes(head);
  const encoding = start === null ? 'utf-8' : phoneFileEncoding(start);
  if (encoding === 'utf-8' && start !== null && looksLikeNonText(start)) {
    await raw.return?.();
    yield [{ line: 1, message: FILE_NOT_TEXT_MESSAGE }];
    return;
  }
  const bytesOrText = replay(head, done ? null : raw);
  // UTF-8 stays bytes: the parsers decode it themselves on their fast paths.
  const iterator = (encoding === 'utf-8' ? bytesOrText : decodeUtf16(bytesOrText, encoding))[Symbol.asyncIterator]();
  const { buffered, firstLine } = await readFirstNonEmptyLine(iterator);
  const chunks = replay(buffered, iterator);
  if (firstLine !== null && isCsvHeader(firstLine)) yield* parseCsvRows(chunks, BATCH_SIZE);
  else yield* parseEntryLines(chunks, BATCH_SIZE);
}

/** Reads chunks until the first non-blank line is complete; null when the file is blank. */
async function readFirstNonEmptyLine(
  iterator: AsyncIterator<Chunk>,
): Promise<{ buffered: Chunk[]; firstLine: string | null }> {
  const decoder = new StringDecoder('utf8');
  const buffered: Chunk[] = [];
  let pending = '';
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      pending += decoder.end();
      return { buffered, firstLine: pending.trim() === '' ? null : pending };
    }
    buffered.push(next.value);
    pending += typeof next.value === 'string' ? next.value : decoder.write(next.value);
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      if (line.trim() !== '') return { buffered, firstLine: line };
      pending = pending.slice(newline + 1);
    }
  }
}

function isCsvHeader(line: string): boolean {
  try {
    const [fields] = parseCsvSync(line, { ...PHONE_CSV_OPTIONS, info: false });
    return fields !== undefined && hasPhoneNumberColumn(fields);
  } catch {
    // A line csv-parse cannot read (an entry with a stray quote, say) is not a CSV header.
    return false;
  }
}

/** The first ENCODING_SNIFF_BYTES bytes, or null when the source gives text, not bytes. */
function headBytes(head: Chunk[]): Buffer | null {
  if (head.some((chunk) => typeof chunk === 'string')) return null;
  const buffers = head as Buffer[];
  const size = buffers.reduce((sum, b) => sum + b.length, 0);
  return Buffer.concat(buffers, Math.min(size, ENCODING_SNIFF_BYTES));
}

/**
 * UTF-16 bytes to text, chunk by chunk: `stream: true` keeps an odd byte or half a surrogate
 * pair for the next chunk. The BOM is dropped; unpaired surrogates and an odd last byte become
 * U+FFFD (which then fails as an entry, with its line number).
 */
async function* decodeUtf16(chunks: AsyncIterable<Chunk>, encoding: Exclude<PhoneFileEncoding, 'utf-8'>): AsyncIterable<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const end = decoder.decode();
  if (end !== '') yield end;
}
