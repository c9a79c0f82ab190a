import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from './normalize-phone-number';

/**
 * The definition normalizePhoneNumber must match on every input (the rule in ./index.ts),
 * written with libphonenumber-js calls only: valid by the library, or a +1 number following the
 * NANP plan NXX-NXX-XXXX with a possible length.
 */
function libphonenumberVerdict(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (parsed === undefined) return null;
  if (parsed.isValid()) return parsed.number;
  const followsNanpPlan = /^[2-9]\d{2}[2-9]\d{6}$/.test(parsed.nationalNumber);
  return parsed.countryCallingCode === '1' && followsNanpPlan && parsed.isPossible() ? parsed.number : null;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('normalizePhoneNumber', () => {
  it('relies on the NANP metadata its fast-path proof was written against', () => {
    // If this fails after upgrading libphonenumber-js, redo the proof in
    // normalize-phone-number.ts against the new patterns, then update the fingerprint.
    const nanp = metadata.country_calling_codes['1'];
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([nanp, nanp.map((country) => [country, metadata.countries[country]])]))
      .digest('hex');
    expect(fingerprint).toBe('3e1e2bf3fc1b300f04374a9705773131cb52f0580949675dff3b9b8d62353071');
  });

  it.each([
    ['+12125551234', '+12125551234'],
    ['2125551234', '+12125551234'],
    ['12125551234', '+12125551234'],
    ['tel:+12125551234', '+12125551234'],
    ['(212) 555-1234', '+12125551234'],
    ['+1 (212) 555.1234', '+12125551234'],
    ['1-212-555-1234', '+12125551234'],
    ['(+1) 212 555 1234', '+12125551234'],
    ['+1 416 555 1234', '+14165551234'], // Canada
    ['8092345678', '+18092345678'], // Dominican Republic
    ['+44 20 7946 0958', '+442079460958'], // not NANP: libphonenumber-js decides
    ['2125551234 x12', '+12125551234'], // extension: libphonenumber-js drops it
    ['+12223334444', '+12223334444'], // the reference's examples: unassigned area codes 222, 444
    ['tel:+14443332222', '+14443332222'],
    ['7778889999', '+17778889999'],
    ['9998887777', '+19998887777'],
    ['(+1) 444 333 2222', '+14443332222'],
    ['2005551234', '+12005551234'], // unassigned area code, NXX-NXX: accepted by the plan rule
    ['5235551234', '+15235551234'], // personal-number range, NXX-NXX: accepted by the plan rule
    ['+1 (999) 555-0100 ext 3', '+19995550100'], // slow shape, plan rule
    ['2001551234', null], // exchange starts with 1, and libphonenumber-js says invalid
    ['2120551234', null], // exchange starts with 0, in an assigned area code
    ['+1 222 033 4444', null],
    ['1112223333', null], // area code starts with 1
    ['+11112223333', null],
    ['9001234567', null],
    ['+1 201 555', null], // too short
    ['+44 20 7946 095', null], // not NANP and not valid: the plan rule does not apply
    ['12345', null],
    ['', null],
    ['abc', null],
    [`2125551234${' '.repeat(240)}`, '+12125551234'], // 250 characters: still parsed
    [`2125551234${' '.repeat(241)}`, null], // 251: libphonenumber-js refuses the input
  ])('%j -> %j', (text, expected) => {
    expect(libphonenumberVerdict(text)).toBe(expected);
    expect(normalizePhoneNumber(text)).toBe(expected);
  });

  it('agrees with the rule for a random number under every cache key, in every fast shape', () => {
    // 7,900 four-digit keys (N not starting with 52) and 10,000 six-digit keys (52xxxx), each
    // checked twice with different subscriber digits, so one fills the cache and one reads it.
    // Every key fixes N[3], so both halves of the rule (NXX-NXX and isValid) are swept.
    const random = seededRandom(7);
    const prefixes: string[] = [];
    for (let first4 = 2000; first4 <= 9999; first4++) {
      if (first4 < 5200 || first4 > 5299) prefixes.push(pad(first4, 4));
    }
    for (let rest = 0; rest <= 9999; rest++) prefixes.push(`52${pad(rest, 4)}`);
    const shapes = [(n: string) => n, (n: string) => `1${n}`, (n: string) => `+1${n}`];
    let compared = 0;
    let accepted = 0;
    for (const prefix of prefixes) {
      for (let sample = 0; sample < 2; sample++) {
        const suffixLength = 10 - prefix.length;
        const nationalNumber = prefix + pad(Math.floor(random() * 10 ** suffixLength), suffixLength);
        const text = shapes[Math.floor(random() * shapes.length)](nationalNumber);
        const expected = libphonenumberVerdict(text);
        expect(normalizePhoneNumber(text), text).toBe(expected);
        compared++;
        if (expected !== null) accepted++;
      }
    }
    expect(compared).toBe(35_800);
    // Both verdicts occur often: the sweep is not vacuous.
    expect(accepted).toBeGreaterThan(10_000);
    expect(compared - accepted).toBeGreaterThan(5_000);
  }, 120_000);

  it('agrees with the rule on 200,000 random inputs biased toward NANP shapes', () => {
    const property = fc.property(phoneLikeText(), (text) => {
      expect(normalizePhoneNumber(text)).toBe(libphonenumberVerdict(text));
    });
    fc.assert(property, { numRuns: 200_000, seed: 20_240_601 });
  }, 300_000);
});

/** Inputs weighted toward what phone lists contain, plus the shapes the fast path must refuse. */
function phoneLikeText(): fc.Arbitrary<string> {
  const digit = fc.constantFrom(...'0123456789');
  const digits = (minLength: number, maxLength: number) =>
    fc.string({ unit: digit, minLength, maxLength });
  const nanpNationalNumber = fc
    .tuple(
      fc.integer({ min: 200, max: 999 }),
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 9999 }),
    )
    .map(([area, exchange, line]) => `${area}${pad(exchange, 3)}${pad(line, 4)}`);
  const nationalNumber = fc.oneof(
    { weight: 4, arbitrary: nanpNationalNumber },
    { weight: 1, arbitrary: digits(10, 10) }, // leading 0 or 1 included
    { weight: 1, arbitrary: digits(7, 12) },
  );
  const layout = fc.constantFrom(
    (n: string) => n,
    (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
    (n: string) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
    (n: string) => `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
    (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    (n: string) => `${n.slice(0, 3)}/${n.slice(3)}`,
    (n: string) => `${n.slice(0, 5)}\t${n.slice(5)}`,
    (n: string) => `${n.slice(0, 4)}+${n.slice(4)}`,
  );
  const prefix = fc.constantFrom(
    '', '', '', '1', '+1', '+1 ', '1-', '1 ', '+', 'tel:', 'tel:+1', 'tel:1', 'TEL:+1', ' +1',
    '(+1) ', '+(1)', '++1', '011', '0', '+0', '+2', '1+', '+ 1', 'x', '.', '(',
  );
  const suffix = fc.constantFrom(
    '', '', '', ' ', '.', ')', '-', '#', ' x12', ' ext. 5', ';ext=7', ',,3', ';', 'a', '1', '0',
  );
  const nanpShaped = fc
    .tuple(prefix, nationalNumber, layout, suffix)
    .map(([before, number, format, after]) => before + format(number) + after);
  const international = fc
    .tuple(fc.constantFrom('+44', '+33', '+52', '+61', '+7', '+86', '+91', '+49', '+1', '+1268', '+1809'),
      fc.constantFrom('', ' '), digits(4, 12))
    .map(([code, space, number]) => code + space + number);
  const soup = fc.string({ unit: fc.constantFrom(...'0123456789012345+-(). tel:x#;,'), maxLength: 24 });
  const nearLengthLimit = fc
    .tuple(nanpNationalNumber, fc.integer({ min: 235, max: 245 }))
    .map(([number, spaces]) => `+1${number}${' '.repeat(spaces)}`);
  return fc.oneof(
    { weight: 14, arbitrary: nanpShaped },
    { weight: 2, arbitrary: international },
    { weight: 2, arbitrary: digits(0, 16) },
    { weight: 1, arbitrary: soup },
    { weight: 1, arbitrary: nearLengthLimit },
  );
}

/** mulberry32: a tiny seeded generator so the sweep is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
