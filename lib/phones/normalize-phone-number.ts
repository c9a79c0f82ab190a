import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * E.164 form of `text` when it is an acceptable phone number (the rule is documented in
 * ./index.ts), else null. Exactly `acceptedByLibphonenumber(text)`, but ~100x faster on the
 * common NANP shapes, which skip the library after the first number sharing their verdict key.
 */
export function normalizePhoneNumber(text: string): string | null {
  const nationalNumber = nanpNationalNumberOf(text);
  if (nationalNumber === null) return acceptedByLibphonenumber(text);
  if (!isAcceptedNanpNationalNumber(nationalNumber)) return null;
  // Input already in E.164 (`+1` and the 10 digits) is returned as is rather than rebuilt.
  return text.length === 12 && text.startsWith('+1') ? text : `+1${nationalNumber}`;
}

/** NXX-NXX-XXXX: area code and exchange code each start with 2-9. */
const NANP_PLAN = /^[2-9]\d{2}[2-9]\d{6}$/;

/**
 * The acceptance rule written with libphonenumber-js calls only (min metadata, default country
 * US): valid by the library, or a +1 number that follows the NANP plan and has a possible
 * length. The tests hold their own copy of this definition and compare normalizePhoneNumber
 * with it.
 */
function acceptedByLibphonenumber(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (parsed === undefined) return null;
  if (parsed.isValid()) return parsed.number;
  const nanp =
    parsed.countryCallingCode === '1' && NANP_PLAN.test(parsed.nationalNumber) && parsed.isPossible();
  return nanp ? parsed.number : null;
}

/*
 * Fast shapes, and why libphonenumber-js 1.13.16 (source/parse.js and helpers/) reduces each to
 * the same national number N (10 digits, N[0] in 2-9) and the same verdict of
 * acceptedByLibphonenumber:
 *
 * Accepted: at most 250 characters (longer input is rejected whole: MAX_INPUT_STRING_LENGTH);
 * an optional leading `tel:`; then only ASCII digits, ` `, `-`, `.`, `(`, `)`, and at most one `+`
 * before the first digit; the digits being N, `1`N, or with the `+`, `1`N.
 *   - extractFormattedPhoneNumber drops what precedes the first `+`/digit (so `tel:` and `(`) and
 *     trailing non-digits; no `;phone-context=`/`;isub=` can occur without `;`.
 *   - isViablePhoneNumber: `+`? then >= 3 digits mixed with VALID_PUNCTUATION, which holds all
 *     five separators. extractExtension needs `#`, `~`, `,`, `;`, `x` or a letter label: none here.
 *   - parseIncompletePhoneNumber keeps the digits and the leading `+`.
 *   - `+1`N: extractCountryCallingCode takes calling code `1` (US plan); N does not start with
 *     the national prefix `1`, so extractNationalNumber leaves N.
 *   - N: no `+`; the IDD prefix `011` cannot match (N[0] >= 2); N does not start with `1`, so
 *     no calling code is taken; country US; national number N.
 *   - `1`N: IDD `011` cannot match; extractNationalNumber strips the national prefix `1`
 *     (`1`N does not match `[2-9]\d{9}|3\d{6}`, N does, and every NANP country allows length
 *     10), so the "calling code without plus sign" rule sees N matching and not TOO_LONG and
 *     keeps `1`N as a national number, whose national number is again N.
 *   In all three, getCountryByCallingCode('1', N) picks the country (US when none matches, as
 *   selecting plan `1` or default country US both mean US), countryCallingCode is `1`,
 *   nationalNumber is N, the number is `+1`N, and isValid() depends on N alone.
 *
 * The verdict is therefore isValid(N) OR (N matches NXX-NXX-XXXX AND isPossible()):
 *   - isPossible() is true for every N. It selects the plan of the number's country (or of
 *     calling code `1`, i.e. US) and checks the length against that plan's general possible
 *     lengths (checkNumberLength with no type): [10] for all 25 NANP countries, [7, 10] for CA.
 *     N has 10 digits.
 *   - NXX-NXX-XXXX tests N[0] (always 2-9 here) and N[3].
 * So a fast-shape N is accepted when N[3] is in 2-9, and otherwise when isValid() holds.
 *
 * Which digits of N decide isValid() (metadata.min.json, country_calling_codes["1"] = US, AG,
 * AI, AS, BB, BM, BS, CA, DM, DO, GD, GU, JM, KN, KY, LC, MP, MS, PR, SX, TC, TT, VC, VG, VI):
 * only regular expressions of those 25 countries are consulted (leading digits by prefix search,
 * national number patterns, US/CA type patterns) plus possible lengths, constant for length 10.
 * With its nested alternations expanded, each is a union of fixed-length runs of one-digit
 * classes ending in a `\d{k}` tail, so on a 10-digit string it only tests the digits before
 * that tail (counts in parentheses):
 *   - national number patterns: `[2-9]\d{9}|3\d{6}` (1; `3\d{6}` never matches 10 digits),
 *     `(?:268|[58]\d\d|900)\d{7}` and kin (3), SX `7215\d{6}` (4),
 *     MP/VI `[58]\d{9}|(?:67|90)0\d{7}` (3);
 *   - leading digits: 3-digit area codes, `658|876`, `787|939`, DO `8001|8[024]9` (4);
 *   - US/CA fixed line `(area code)[2-9]\d{6}` and `983[2-57-9]\d{6}` (4), toll free
 *     `8(?:00|33|...)[2-9]\d{6}` (4), premium `900[2-9]\d{6}` (4), CA uan `600[2-9]\d{6}` (4),
 *     CA `310\d{4}` (length 7 only), personal `5(?:00|2[125-9]|...)[2-9]\d{6}` and
 *     `6(?:22|33)[2-9]\d{6}` (4), and two personal alternatives that begin with the literal `52`:
 *     `52(?:3(?:[2-46-9][02-9]\d|5(?:[02-46-9]\d|5[0-46-9]))|4(...))\d{4}` and
 *     `52[34][2-9]1[02-9]\d{4}`, which test 6 digits.
 * Hence isValid() is a function of N's first 4 digits, or first 6 when N starts with `52`; both
 * keys contain N[3], so the whole verdict is a function of the key too, and is cached by it
 * (filled by calling acceptedByLibphonenumber on `+1`N). normalize-phone-number.test.ts pins a fingerprint of this metadata,
 * so upgrading libphonenumber-js fails the test until this proof is redone.
 */
const MAX_INPUT_LENGTH = 250;

/** The 10-digit NANP national number when `text` has a fast shape (see above), else null. */
function nanpNationalNumberOf(text: string): string | null {
  if (text.length > MAX_INPUT_LENGTH) return null;
  let digitCount = 0;
  let firstDigit = -1;
  let lastDigit = -1;
  let sawPlus = false;
  for (let i = text.startsWith('tel:') ? 4 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digitCount > 11) return null;
      if (firstDigit === -1) firstDigit = i;
      lastDigit = i;
    } else if (code === 43) {
      if (sawPlus || digitCount > 0) return null;
      sawPlus = true;
    } else if (code !== 32 && code !== 45 && code !== 46 && code !== 40 && code !== 41) {
      return null;
    }
  }
  const digits =
    lastDigit - firstDigit + 1 === digitCount
      ? text.slice(firstDigit, lastDigit + 1)
      : text.slice(firstDigit, lastDigit + 1).replace(/[^0-9]/g, '');
  if (digitCount === 10 && !sawPlus && digits.charCodeAt(0) >= 50) return digits;
  if (digitCount === 11 && digits.charCodeAt(0) === 49 && digits.charCodeAt(1) >= 50) {
    return digits.slice(1);
  }
  return null;
}

const UNKNOWN = 0;
const VALID = 1;
const INVALID = 2;
/** Verdicts by N's first 4 digits (N not starting with 52). */
const verdictByFirst4 = new Uint8Array(10_000);
/** Verdicts by digits 3-6 of N when N starts with 52. */
const verdictBy52Prefix = new Uint8Array(10_000);

function isAcceptedNanpNationalNumber(nationalNumber: string): boolean {
  let first6 = 0;
  for (let i = 0; i < 6; i++) first6 = first6 * 10 + nationalNumber.charCodeAt(i) - 48;
  const starts52 = first6 >= 520_000 && first6 < 530_000;
  const table = starts52 ? verdictBy52Prefix : verdictByFirst4;
  const key = starts52 ? first6 - 520_000 : Math.floor(first6 / 100);
  if (table[key] === UNKNOWN) {
    table[key] = acceptedByLibphonenumber(`+1${nationalNumber}`) === null ? INVALID : VALID;
  }
  return table[key] === VALID;
}
