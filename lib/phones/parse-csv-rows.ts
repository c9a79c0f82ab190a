import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse, type CsvError, type Info, type Options } from 'csv-parse';
import { columnsOf, PHONE_CSV_OPTIONS, rowToEntry, type CsvColumns } from './csv-columns';
import { readHead, replay, type Chunk } from './chunks';
import { consumeCsvLines, initialFastCsvState, type FastCsvState } from './csv-fast-path';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';
import { entryError } from './to-phone-entry';

type Result = PhoneEntry | PhoneEntryError;

/**
 * Parses a streamed CSV phone list (header first; see csv-columns.ts). Line numbers count the
 * header and blank lines; a record spanning lines (a quoted newline) is named by its last line.
 */
export function parseCsvRows(chunks: AsyncIterable<Chunk>, batchSize: number): AsyncIterable<Result[]> {
  return readCsvRecords(chunks, new PhoneRowSink(), batchSize);
}

/**
 * Receives csv-parse's records (and line numbers) in order and turns them into results, batched.
 * `stopped` ends the file early.
 */
export abstract class CsvRecordSink<T> {
  batch: T[] = [];
  stopped = false;
  abstract take(record: string[], line: number): void;
  /** An unclosed quote: csv-parse's error, and its line (where the file ended). */
  abstract malformed(error: CsvError, line: number): void;

  *fullBatches(batchSize: number): Iterable<T[]> {
    while (this.batch.length >= batchSize) {
      yield this.batch.slice(0, batchSize);
      this.batch = this.batch.slice(batchSize);
    }
  }

  *lastBatch(): Iterable<T[]> {
    if (this.batch.length > 0) yield this.batch;
    this.batch = [];
  }
}

/** Phone-list rows: the first record is the header, the others entries. */
class PhoneRowSink extends CsvRecordSink<Result> {
  columns: CsvColumns | undefined;
  lastRecordLine = 0;

  take(record: string[], line: number): void {
    if (this.stopped) return;
    this.lastRecordLine = line;
    if (this.columns === undefined) {
      const header = columnsOf(record, line);
      if ('message' in header) {
        // An unusable header is the only result.
        this.batch = [header];
        this.stopped = true;
      } else {
        this.columns = header;
      }
      return;
    }
    this.batch.push(rowToEntry(record, this.columns, line));
  }

  malformed(error: CsvError): void {
    this.batch.push(malformedRecordError(error, this.lastRecordLine + 1));
  }
}

/**
 * The records of a streamed CSV file, exactly as csv-parse gives them with PHONE_CSV_OPTIONS,
 * fed to `sink` in order; yields the sink's batches as they fill.
 *
 * Records come from csv-fast-path.ts while it can prove it gives csv-parse's records, and from
 * csv-parse itself for the rest of the file from the first line it cannot (an odd quote, a
 * quoted newline, a stray CR), or for the whole file when it starts with a UTF-16LE BOM (which
 * csv-parse decodes; parsePhoneFile decodes UTF-16 itself before this, so only direct callers
 * with raw bytes get there).
 */
export async function* readCsvRecords<T>(
  chunks: AsyncIterable<Chunk>,
  sink: CsvRecordSink<T>,
  batchSize: number,
): AsyncIterable<T[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    yield* readCsvSource(iterator, sink, batchSize);
  } finally {
    // Stops reading the source when the consumer stops early (or the sink stops).
    await iterator.return?.();
  }
}

async function* readCsvSource<T>(
  iterator: AsyncIterator<Chunk>,
  sink: CsvRecordSink<T>,
  batchSize: number,
): AsyncIterable<T[]> {
  const { head, done } = await readHead(iterator, 3);
  if (startsWithUtf16Bom(head)) {
    yield* csvParseRecords(replay(head, done ? null : iterator), PHONE_CSV_OPTIONS, 0, sink, batchSize);
    return;
  }

  const state = initialFastCsvState();
  const onRecord = (record: string[], line: number) => sink.take(record, line);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let rest: string | null = null;
  const feed = (text: string, final: boolean) => {
    if (rest !== null) {
      rest += text;
      return;
    }
    const consumed = consumeCsvLines(text, final, state, onRecord);
    if (state.stopped) rest = text.slice(consumed);
    else pending = text.slice(consumed);
  };
  for (const chunk of head) feed(rest === null ? pending + decode(decoder, chunk) : decode(decoder, chunk), false);
  while (!done && rest === null && !sink.stopped) {
    const next = await iterator.next();
    if (next.done) break;
    feed(pending + decode(decoder, next.value), false);
    if (!sink.stopped) yield* sink.fullBatches(batchSize);
  }
  if (rest === null && !sink.stopped) feed(pending + decoder.end(), true);
  if (sink.stopped || rest === null) {
    if (!sink.stopped) yield* sink.fullBatches(batchSize);
    yield* sink.lastBatch();
    return;
  }
  // Hand the rest over to csv-parse, continuing where the fast path stopped: the same delimiter
  // (csv-parse discovers it once), no BOM (only at the file's start), and line numbers counted
  // on from the stopping line.
  const options: Options = state.started
    ? { ...PHONE_CSV_OPTIONS, bom: false, record_delimiter: state.delimiter }
    : PHONE_CSV_OPTIONS;
  yield* csvParseRecords(decodedRest(rest, decoder, iterator), options, state.line - 1, sink, batchSize);
}

/** csv-parse over `chunks`, its line numbers shifted by `lineOffset`. */
async function* csvParseRecords<T>(
  chunks: AsyncIterable<Chunk>,
  options: Options,
  lineOffset: number,
  sink: CsvRecordSink<T>,
  batchSize: number,
): AsyncIterable<T[]> {
  let malformed: CsvError | undefined;
  const parser = parse({
    ...options,
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

  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    if (malformed !== undefined && info.lines >= Number(malformed.lines)) break;
    sink.take(record, info.lines + lineOffset);
    if (sink.stopped) break;
    yield* sink.fullBatches(batchSize);
  }
  if (sink.stopped) parser.destroy();
  else if (malformed !== undefined) sink.malformed(malformed, Number(malformed.lines) + lineOffset);
  yield* sink.lastBatch();
}

/** Names the line after the last good record: where an unclosed quote most likely opened. */
function malformedRecordError(error: CsvError, line: number): PhoneEntryError {
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : error.message;
  return entryError(line, 'line', `malformed CSV: ${reason}; the rest of the file was not read`);
}

function decode(decoder: StringDecoder, chunk: Chunk): string {
  return typeof chunk === 'string' ? chunk : decoder.write(chunk);
}

function startsWithUtf16Bom(head: Chunk[]): boolean {
  const start = Buffer.concat(head.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  return start.length >= 2 && start[0] === 0xff && start[1] === 0xfe;
}

/**
 * The text after where the fast path stopped, then the rest of the source decoded the same way.
 * csv-parse re-encodes it: the same bytes, except that invalid UTF-8 became U+FFFD, which
 * decodes to the same field text (see csv-fast-path.ts).
 */
async function* decodedRest(
  rest: string,
  decoder: StringDecoder,
  iterator: AsyncIterator<Chunk>,
): AsyncIterable<string> {
  if (rest !== '') yield rest;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const text = decode(decoder, next.value);
    if (text !== '') yield text;
  }
  const end = decoder.end();
  if (end !== '') yield end;
}
