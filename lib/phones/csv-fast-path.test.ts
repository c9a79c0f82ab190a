import { parse as parseCsvSync, type CsvError } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONE_CSV_OPTIONS } from './csv-columns';
import { consumeCsvLines, initialFastCsvState, splitQuotedLine } from './csv-fast-path';
import { CsvRecordSink, readCsvRecords } from './parse-csv-rows';

type Parsed = { records: Array<[string[], number]>; malformed: [string, number] | null };

/** What csv-parse itself gives for the whole file at once: the definition to match. */
function csvParseReference(bytes: Buffer): Parsed {
  let malformed: CsvError | undefined;
  const rows = parseCsvSync(bytes, {
    ...PHONE_CSV_OPTIONS,
    skip_records_with_error: true,
    on_skip: (error) => {
      malformed ??= error;
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const records = rows
    .filter((row) => malformed === undefined || row.info.lines < Number(malformed.lines))
    .map((row): [string[], number] => [row.record, row.info.lines]);
  return { records, malformed: malformed ? [malformed.code, Number(malformed.lines)] : null };
}

class CollectingSink extends CsvRecordSink<[string[], number]> {
  malformedAt: [string, number] | null = null;
  take(record: string[], line: number) {
    this.batch.push([record, line]);
  }
  malformed(error: CsvError, line: number) {
    this.malformedAt = [error.code, line];
  }
}

/** The streaming reader (fast path, then csv-parse), fed `bytes` in chunks of the given sizes. */
async function readStreamed(bytes: Buffer, sizes: number[]): Promise<Parsed> {
  async function* chunks(): AsyncIterable<Buffer> {
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const size = sizes[i % sizes.length];
      yield bytes.subarray(at, at + size);
      at += size;
    }
  }
  const sink = new CollectingSink();
  const records: Array<[string[], number]> = [];
  for await (const batch of readCsvRecords(chunks(), sink, 7)) records.push(...batch);
  return { records, malformed: sink.malformedAt };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('CSV fast path', () => {
  it.each([
    ['plain LF', 'phone_number,ani\n2125551234,3105550199\n'],
    ['CRLF', 'phone_number,ani\r\n2125551234,3105550199\r\n\r\n,\r\n  \r\nx'],
    ['BOM and quoted fields', '\uFEFF"phone_number","ani","message_reference"\r\n"2125551234","3105550199","r ""1"", a"\r\n'],
    ['blank and whitespace lines count', '\n\n  \nphone_number\n\n,,\n2125551234\n'],
    ['no final newline', 'phone_number\n2125551234'],
    ['LF file with a CR inside a line', 'phone_number,message_reference\n2125551234,a\rb\n2125551234,c\n'],
    ['LF file whose later lines end in CRLF', 'phone_number\n2125551234\r\n3105550199\r\n'],
    ['CRLF file with a bare LF inside a record', 'phone_number,r\r\n2125551234,a\nb\r\n2125551234,c\r\n'],
    ['CR delimiter', 'phone_number,r\r2125551234,a\r'],
    ['quoted newline, then plain lines', 'phone_number,r\n2125551234,"two\nlines"\n2125551234,after\n'],
    ['quote mid-field (relax_quotes)', 'phone_number,r\n2125551234,say "hi"\n2125551234,x\n'],
    ['space after a closing quote', 'phone_number,r\n"2125551234" ,x\n'],
    ['unclosed quote', 'phone_number,r\n2125551234,ok\n2125551234,"never closed\n2125551234,lost\n'],
    ['trailing CR at the end of the file', 'phone_number\n2125551234\r'],
    ['BOM then a quote', '\uFEFF"phone_number"\n"1"'],
    ['UTF-16LE BOM', '\uFFFE'],
  ])('matches csv-parse: %s', async (_label, text) => {
    const bytes = text === '\uFFFE' ? Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00, 0x0a, 0x00]) : utf8(text);
    const expected = csvParseReference(bytes);
    for (const sizes of [[1], [2], [3], [5, 1, 64], [1 << 16]]) {
      expect(await readStreamed(bytes, sizes), JSON.stringify(sizes)).toEqual(expected);
    }
  });

  it('matches csv-parse on 4,000 random files made of CSV shapes, quirks and invalid UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile(), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }), async (bytes, sizes) => {
        expect(await readStreamed(bytes, sizes)).toEqual(csvParseReference(bytes));
      }),
      { numRuns: 4_000, seed: 424_242 },
    );
  }, 120_000);

  it('matches csv-parse on 2,000 random files of arbitrary characters', async () => {
    const unit = fc.constantFrom('a', '1', ' ', ',', ',', '"', '"', '\n', '\n', '\r', '\uFEFF', 'é', '😀', '\t', '\u00a0');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (text, size) => {
        const bytes = utf8(text);
        expect(await readStreamed(bytes, [size])).toEqual(csvParseReference(bytes));
      }),
      { numRuns: 2_000, seed: 7 },
    );
  }, 120_000);

  it('never hands over well-formed files, quoted or not, LF or CRLF', () => {
    for (const newline of ['\n', '\r\n']) {
      const lines = ['\uFEFFphone_number,ani,message_reference'];
      for (let i = 0; i < 2_000; i++) {
        lines.push(i % 2 ? `"212555${1000 + i}","3105550199","ref ""${i}"", with comma"` : `212555${1000 + i},,ref ${i}`);
        if (i % 100 === 0) lines.push('', '  ', ',,');
      }
      const state = initialFastCsvState();
      let records = 0;
      const text = lines.join(newline) + newline;
      expect(consumeCsvLines(text, true, state, () => records++)).toBe(text.length);
      expect(state.stopped).toBe(false);
      expect(records).toBe(2_001);
    }
  });

  it.each([
    ['"a","b"', ['a', 'b']],
    ['"a""b",c', ['a"b', 'c']],
    ['"",', ['', '']],
    ['x,"y"', ['x', 'y']],
    ['"a"""', ['a"']],
    ['"a', null],
    ['"a"b', null],
    ['a"b', null],
    ['"""', null],
    [' "a"', null],
  ])('splitQuotedLine(%j) -> %j', (line, fields) => {
    expect(splitQuotedLine(line)).toEqual(fields);
  });
});

/** Files built from lines of plain and quoted fields, with the quirks sprinkled in. */
function csvFile(): fc.Arbitrary<Buffer> {
  const text = (units: string[], maxLength: number) => fc.string({ unit: fc.constantFrom(...units), maxLength });
  const plain = text(['a', 'b', '1', '2', ' ', 'é', '😀', '\t'], 6);
  const quoted = text(['a', '1', ' ', ',', '""', 'é', '\n', '\r\n'], 6).map((inner) => `"${inner}"`);
  const odd = fc.constantFrom('"', 'a"b', '"a" ', '"a"b', '\r', ' "x"', '""""', '"\n');
  const field = fc.oneof({ weight: 6, arbitrary: plain }, { weight: 3, arbitrary: quoted }, { weight: 1, arbitrary: odd });
  const line = fc.array(field, { minLength: 0, maxLength: 4 }).map((fields) => fields.join(','));
  return fc
    .tuple(
      fc.constantFrom('', '', '\uFEFF'),
      fc.array(line, { minLength: 0, maxLength: 12 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom('\n', '\r\n', ''),
      fc.option(fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x00], [0xff, 0xfe]), { freq: 4 }),
      fc.nat(),
      fc.nat(),
    )
    .map(([bom, lines, newline, last, invalid, at, mixAt]) => {
      // Now and then one line ends differently from the others.
      let body = lines.map((l, i) => l + (lines.length > 1 && i === mixAt % lines.length ? '\n' : newline)).join('');
      if (lines.length > 0) body = body.slice(0, body.length - newline.length) + last;
      const bytes = utf8(bom + body);
      if (invalid === null) return bytes;
      const cut = at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, cut), Buffer.from(invalid), bytes.subarray(cut)]);
    });
}
