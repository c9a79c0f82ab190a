import { describe, expect, it } from 'vitest';
import { parsePhoneFile } from './parse-phone-file';
import type { PhoneEntry, PhoneEntryError } from './phone-entry';

type Result = PhoneEntry | PhoneEntryError;

/** Feeds `text` as Buffers of `size` bytes, so lines and UTF-8 sequences straddle chunks. */
async function* chunked(text: string, size: number): AsyncIterable<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function parseAll(text: string, chunkSize = 5): Promise<Result[]> {
  const results: Result[] = [];
  for await (const batch of parsePhoneFile(chunked(text, chunkSize))) results.push(...batch);
  return results;
}

const entry = (phoneNumber: string, ani: string | null = null, messageReference: string | null = null) =>
  ({ phoneNumber, ani, messageReference });
const PHONE = '+12125551234';
const ANI = '+13105550199';

describe('parsePhoneFile, entry lines', () => {
  it('parses one entry per line, skipping blank lines but counting them', async () => {
    const file = [
      'tel:+12125551234; ani=3105550199, ref-1',
      '',
      '   ',
      '(212) 555-1234',
      '12345',
      '2125551234; ani=abc',
      '2125551234, café ☕',
    ].join('\n');
    expect(await parseAll(file)).toEqual([
      entry(PHONE, ANI, 'ref-1'),
      entry(PHONE),
      { line: 5, message: 'line 5: "12345" is not a valid phone number' },
      { line: 6, message: 'line 6: ani "abc" is not a valid phone number' },
      entry(PHONE, null, 'café ☕'),
    ]);
  });

  it('tolerates CRLF line ends and a UTF-8 byte order mark', async () => {
    const file = '\uFEFFtel:+12125551234, a\r\n\r\n2125551234; ani=3105550199\r\n';
    expect(await parseAll(file)).toEqual([entry(PHONE, null, 'a'), entry(PHONE, ANI)]);
  });

  it('gives the same results whatever the chunk size', async () => {
    const file = '\uFEFF\r\n' + Array.from({ length: 50 }, (_, i) => `212555${1000 + i}, référence ${i}`).join('\r\n');
    const expected = await parseAll(file, 1 << 16);
    expect(expected).toHaveLength(50);
    for (const size of [1, 2, 3, 7, 64]) expect(await parseAll(file, size)).toEqual(expected);
  });

  it('yields nothing for an empty or blank file', async () => {
    expect(await parseAll('')).toEqual([]);
    expect(await parseAll('\n \r\n\n')).toEqual([]);
  });

  it('treats a first line without a phone_number field as an entry, not a header', async () => {
    expect(await parseAll('phone,ani\n2125551234\n')).toEqual([
      { line: 1, message: 'line 1: "phone" is not a valid phone number' },
      entry(PHONE),
    ]);
  });
});

describe('parsePhoneFile, CSV with a header', () => {
  it.each([
    ['phone_number,ani,message_reference\n2125551234,3105550199,r1\n'],
    ['message_reference,phone_number,ani\nr1,2125551234,3105550199\n'],
    ['ANI,Message_Reference,Phone_Number\n3105550199,r1,2125551234\n'],
    ['\uFEFF"phone_number","ani","message_reference"\r\n"2125551234","3105550199","r1"\r\n'],
  ])('reads columns by name in any order and case: %j', async (file) => {
    expect(await parseAll(file)).toEqual([entry(PHONE, ANI, 'r1')]);
  });

  it('treats ani and message_reference columns as optional and empty cells as absent', async () => {
    expect(await parseAll('phone_number\n2125551234\n')).toEqual([entry(PHONE)]);
    expect(await parseAll('phone_number,ani,message_reference\n2125551234,,\n')).toEqual([entry(PHONE)]);
  });

  it('ignores columns it does not know', async () => {
    expect(await parseAll('name,phone_number\nAda,2125551234\n')).toEqual([entry(PHONE)]);
  });

  it('keeps commas, quotes and newlines inside quoted fields', async () => {
    const file = 'phone_number,message_reference\n2125551234,"Smith, John"\n2125551234,"say ""hi"""\n2125551234,"two\nlines"\n';
    expect(await parseAll(file)).toEqual([
      entry(PHONE, null, 'Smith, John'),
      entry(PHONE, null, 'say "hi"'),
      entry(PHONE, null, 'two\nlines'),
    ]);
  });

  it('reports rows by file line, counting the header, blank lines and lines before the header', async () => {
    const file = [
      '   ',
      'phone_number,ani,message_reference',
      ',3105550199,no phone',
      '',
      '12345,,bad phone',
      '2125551234,abc,bad ani',
      ',,',
      '2125551234,3105550199,a,b',
      `2125551234,,${'r'.repeat(256)}`,
      '2125551234,3105550199,fine',
    ].join('\n');
    expect(await parseAll(file)).toEqual([
      { line: 3, message: 'line 3: missing phone number' },
      { line: 5, message: 'line 5: "12345" is not a valid phone number' },
      { line: 6, message: 'line 6: ani "abc" is not a valid phone number' },
      {
        line: 8,
        message: 'line 8: 4 fields but the header has 3 (quote a message_reference that contains commas)',
      },
      { line: 9, message: 'line 9: message_reference is longer than 255 characters' },
      entry(PHONE, ANI, 'fine'),
    ]);
  });

  it('ends the list at an unclosed quote, keeping the rows before it', async () => {
    const file = 'phone_number,message_reference\n2125551234,ok\n2125551234,"never closed\n2125551234,lost\n';
    expect(await parseAll(file)).toEqual([
      entry(PHONE, null, 'ok'),
      {
        line: 3,
        message: 'line 3: malformed CSV: a quoted field is never closed; the rest of the file was not read',
      },
    ]);
  });

  it('rejects a header that names a column twice', async () => {
    expect(await parseAll('phone_number,PHONE_NUMBER\n2125551234,2125551234\n')).toEqual([
      { line: 1, message: 'line 1: column "phone_number" appears twice in the header' },
    ]);
  });

  it('yields nothing for a header alone', async () => {
    expect(await parseAll('phone_number,ani\r\n')).toEqual([]);
  });
});

describe('parsePhoneFile, streaming', () => {
  const LINES = 200_000;

  /** Generates the file lazily, 1,000 lines a chunk, and counts how much was pulled. */
  function generatedFile(csv: boolean) {
    const state = { chunksPulled: 0 };
    async function* source(): AsyncIterable<Buffer> {
      if (csv) yield Buffer.from('phone_number,ani,message_reference\n');
      for (let first = 0; first < LINES; first += 1_000) {
        state.chunksPulled++;
        let text = '';
        for (let i = first; i < first + 1_000; i++) {
          const number = `212555${String(i % 10_000).padStart(4, '0')}`;
          text += csv ? `${number},3105550199,ref${i}\n` : `tel:+1${number}; ani=3105550199, ref${i}\n`;
        }
        yield Buffer.from(text);
      }
    }
    return { state, source };
  }

  it.each([false, true])('yields batches of at most 5,000 without reading ahead (csv: %s)', async (csv) => {
    const { state, source } = generatedFile(csv);
    const batchSizes: number[] = [];
    let pulledAtFirstBatch = -1;
    let last: Result | undefined;
    for await (const batch of parsePhoneFile(source())) {
      if (pulledAtFirstBatch === -1) pulledAtFirstBatch = state.chunksPulled;
      batchSizes.push(batch.length);
      last = batch[batch.length - 1];
    }
    expect(batchSizes.reduce((sum, size) => sum + size, 0)).toBe(LINES);
    expect(batchSizes.length).toBeGreaterThanOrEqual(LINES / 5_000);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(5_000);
    expect(pulledAtFirstBatch).toBeLessThan(LINES / 1_000 / 2);
    expect(last).toEqual(entry('+12125559999', ANI, `ref${LINES - 1}`));
  }, 60_000);

  it.each(['2125551234\n', 'phone_number\n2125551234\n'])('throws what the source throws (%j)', async (head) => {
    async function* failing(): AsyncIterable<Buffer> {
      yield Buffer.from(head);
      throw new Error('connection reset');
    }
    const drain = async () => {
      for await (const _batch of parsePhoneFile(failing()));
    };
    await expect(drain()).rejects.toThrow('connection reset');
  });

  it('stops reading the source when the consumer stops', async () => {
    const { state, source } = generatedFile(false);
    for await (const batch of parsePhoneFile(source())) {
      expect(batch.length).toBe(5_000);
      break;
    }
    expect(state.chunksPulled).toBeLessThan(20);
  });
});

describe('parsePhoneFile, encodings', () => {
  const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  };
  /** Parses `bytes` fed in chunks of `size` bytes: odd sizes split code units across chunks. */
  async function parseBytes(bytes: Buffer, size: number): Promise<Result[]> {
    async function* source(): AsyncIterable<Buffer> {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const results: Result[] = [];
    for await (const batch of parsePhoneFile(source())) results.push(...batch);
    return results;
  }
  const SIZES = [1, 2, 3, 5, 7, 64, 1 << 16];

  it.each([
    ['entry lines, LF', 'tel:+12125551234; ani=3105550199, réf ☕ 😀\n2125551234\n'],
    ['entry lines, CRLF and blank lines', 'tel:+12125551234; ani=3105550199, réf ☕ 😀\r\n\r\n2125551234\r\n'],
    ['CSV, quoted, CRLF', 'phone_number,ani,message_reference\r\n"+1 (212) 555-1234","3105550199","réf ☕ 😀"\r\n2125551234,,\r\n'],
    ['CSV, quoted comma and quotes', 'Phone_Number,ANI,Message_Reference\n"2125551234","3105550199","réf ☕ 😀"\n"2125551234",,\n'],
  ])('UTF-16 LE and BE with a BOM read like UTF-8, whatever the chunk size: %s', async (_label, text) => {
    const expected = [entry(PHONE, ANI, 'réf ☕ 😀'), entry(PHONE)];
    expect(await parseAll(text)).toEqual(expected);
    for (const bytes of [utf16le(text), utf16be(text)]) {
      for (const size of SIZES) expect(await parseBytes(bytes, size), `${bytes[0]} / ${size}`).toEqual(expected);
    }
  });

  it('names the right lines of a UTF-16 file with bad lines (CSV quoted newline included)', async () => {
    const lines = 'tel:+12125551234\r\n12345\r\n\r\n2125551234; ani=abc\r\n' + '2125551234\r\n'.repeat(3_000) + 'oops\r\n';
    const csv = 'phone_number,message_reference\n2125551234,"two\nlines"\nnope,x\n2125551234,"a ""b"""\n';
    const expectedLines = [
      entry(PHONE),
      { line: 2, message: 'line 2: "12345" is not a valid phone number' },
      { line: 4, message: 'line 4: ani "abc" is not a valid phone number' },
      ...Array.from({ length: 3_000 }, () => entry(PHONE)),
      { line: 3_005, message: 'line 3005: "oops" is not a valid phone number' },
    ];
    const expectedCsv = [
      entry(PHONE, null, 'two\nlines'),
      { line: 4, message: 'line 4: "nope" is not a valid phone number' },
      entry(PHONE, null, 'a "b"'),
    ];
    for (const [text, expected] of [[lines, expectedLines], [csv, expectedCsv]] as const) {
      expect(await parseAll(text, 1 << 16)).toEqual(expected);
      for (const bytes of [utf16le(text), utf16be(text)]) {
        for (const size of [3, 7, 4099]) expect(await parseBytes(bytes, size)).toEqual(expected);
      }
    }
  });

  it('a broken last code unit (odd byte count) or a lone surrogate fails as that line', async () => {
    const odd = Buffer.concat([utf16le('2125551234\nx'), Buffer.from([0x31])]);
    expect(await parseBytes(odd, 3)).toEqual([entry(PHONE), { line: 2, message: 'line 2: "x\uFFFD" is not a valid phone number' }]);
    const lone = utf16le('2125551234\n\uD800x\n2125551234\n');
    expect(await parseBytes(lone, 5)).toEqual([entry(PHONE), { line: 2, message: 'line 2: "\uFFFDx" is not a valid phone number' }, entry(PHONE)]);
  });

  it('UTF-16 without a BOM, or a binary file, is refused as a whole with one message', async () => {
    const message = 'The file is not text in a supported encoding (it holds NUL bytes): save it as UTF-8, or as UTF-16 with a byte order mark.';
    const noBom = utf16le('2125551234\n2125551234\n').subarray(2);
    for (const bytes of [noBom, Buffer.from(noBom.map((_, i) => noBom[i ^ 1])), Buffer.alloc(4096), Buffer.from('2125551234\n\0\n')]) {
      for (const size of [1, 5, 1 << 16]) expect(await parseBytes(bytes, size)).toEqual([{ line: 1, message }]);
    }
    // A NUL after the first KiB is only that line's error.
    const late = Buffer.from('2125551234\n'.repeat(100) + '21255\u00001234\n');
    expect(await parseBytes(late, 1 << 16)).toEqual([...Array.from({ length: 100 }, () => entry(PHONE)), { line: 101, message: 'line 101: "21255\\u00001234" is not a valid phone number' }]);
  });

  it('a UTF-16 BOM alone, or only blank lines, is an empty list', async () => {
    expect(await parseBytes(Buffer.from([0xff, 0xfe]), 1)).toEqual([]);
    expect(await parseBytes(utf16be('\r\n \r\n'), 3)).toEqual([]);
  });
});
