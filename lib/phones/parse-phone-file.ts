import { StringDecoder } from 'node:string_decoder';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { hasPhoneNumberColumn, PHONE_CSV_OPTIONS } from './csv-columns';
import { parseCsvRows } from './parse-csv-rows';
import { parseEntryLines } from './parse-entry-lines';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';

/** Big enough to amortise per-batch work (one SQL transaction each), small enough to stream. */
const BATCH_SIZE = 5_000;

type Chunk = Buffer | string;

/**
 * Parses an uploaded phone list as it streams in, yielding batches of ~5,000 results in file
 * order. The file is CSV when its first non-empty line has a `phone_number` field (any case),
 * otherwise one entry per line. Only the first line is buffered to decide, so a 1M-line file is
 * never held whole. Unreadable CSV ends the list with an error result; source errors are thrown.
 */
export async function* parsePhoneFile(
  source: AsyncIterable<Chunk>,
): AsyncIterable<Array<PhoneEntry | PhoneEntryError>> {
  const iterator = source[Symbol.asyncIterator]();
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

async function* replay(buffered: Chunk[], rest: AsyncIterator<Chunk>): AsyncIterable<Chunk> {
  yield* buffered;
  yield* { [Symbol.asyncIterator]: () => rest };
}
