import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isPhoneEntryError, parsePhoneFile } from '../phones';
import { previewPhoneFile, previewPhoneText } from './phone-preview';

/** What the server says about the same text (its streaming file parser). */
async function serverVerdict(text: string) {
  const results = [];
  for await (const batch of parsePhoneFile(Readable.from([Buffer.from(text)]))) results.push(...batch);
  return { valid: results.filter((r) => !isPhoneEntryError(r)).length, errors: results.filter(isPhoneEntryError).map((e) => e.message) };
}

// The browser preview must report exactly the server's per-line errors, or a manager would fix
// the wrong lines.
describe('phone list preview matches the server', () => {
  it.each([
    ['entry lines', 'tel:+12125550101\n\n+1 (212) 555-0102; ani=2125559999, ref one\n12345\n+12125550103; ani=, x\n'],
    ['CRLF and BOM', '\uFEFF+12125550101\r\n+12125550102\r\n'],
    ['CSV with header', 'name,phone_number,ani,message_reference\nAnn,+12125550101,,a\nBob,12345,,b\nCy,+12125550102,nope,c\n,,,\n'],
    ['CSV with too many fields', 'phone_number,message_reference\n+12125550101,a,b\n+12125550102,"a,b"\n'],
    ['CSV header twice a column', 'phone_number,phone_number\n+12125550101,+12125550102\n'],
    ['malformed CSV', 'phone_number,message_reference\n+12125550101,"unclosed\n'],
    ['quotes: stray and spanning lines', 'phone_number,message_reference\n+12125550101,"x"y\n+12125550102,"multi\nline"\n12,z\n'],
    ['semicolon-free junk line', 'tel:+12125550101; nope\n'],
    ['empty', '\n\n'],
  ])('%s', async (_name, text) => {
    const preview = previewPhoneText(text);
    const server = await serverVerdict(text);
    expect(preview.valid).toBe(server.valid);
    expect(preview.errors.map((e) => e.message)).toEqual(server.errors);
  });

  it('detects the format', () => {
    expect(previewPhoneText('phone_number\n+12125550101\n').format).toBe('csv');
    expect(previewPhoneText('+12125550101\n').format).toBe('lines');
  });

  it('drops the cut last line of a partial read', () => {
    const p = previewPhoneText('+12125550101\n+12125550102\n+1212', true);
    expect(p.valid).toBe(2);
    expect(p.errorCount).toBe(0);
    expect(p.partial).toBe(true);
  });

  it('reads files in the server\'s encodings: UTF-16 with a BOM decoded, NUL bytes refused', async () => {
    const text = 'phone_number,message_reference\r\n+12125550101,"a, b"\r\n12345,c\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.map((_, i) => le[i ^ 1]));
    for (const bytes of [le, be]) {
      const preview = await previewPhoneFile(new File([bytes], 'list.txt'));
      expect(preview).toMatchObject({ format: 'csv', valid: 1, errors: [{ line: 3, message: 'line 3: "12345" is not a valid phone number' }] });
    }
    const unmarked = await previewPhoneFile(new File([le.subarray(2)], 'list.txt'));
    const server = await serverVerdict(le.subarray(2).toString('latin1'));
    expect(unmarked.errors.map((e) => e.message)).toEqual(server.errors);
    expect(unmarked.errors[0].message).toMatch(/UTF-8, or as UTF-16 with a byte order mark/);
  });
});
