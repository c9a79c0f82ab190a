/**
 * Phone lists: parsing entries, entry-line files and CSV files, and normalising numbers.
 *
 * Which numbers are accepted (normalizePhoneNumber): a number is accepted when
 * libphonenumber-js (`parsePhoneNumberFromString(text, 'US')`, min metadata) says `isValid()`,
 * OR when it parses with country calling code 1, its 10-digit national number follows the NANP
 * numbering plan NXX-NXX-XXXX (`[2-9]\d{2}[2-9]\d{6}`: area code and exchange do not start with
 * 0 or 1) and `isPossible()`. Accepted numbers are stored in E.164 (`+1` and 10 digits for
 * NANP).
 *
 * Why not isValid() alone: the reference's own examples use numbers such as +12223334444 and
 * +14443332222, whose area codes (222, 444) are unassigned, and every curl example of the
 * reference must work verbatim. Area codes also get assigned over time, faster than a library's
 * metadata is upgraded, and whether a number exists is decided by the carrier when it is dialled
 * (the call then ends as failed), not by us. The plan check still rejects what can never be
 * dialled in North America (a leading 0 or 1 in the area code or exchange, wrong lengths).
 * Non-NANP numbers (+44 …) are accepted only when libphonenumber-js says they are valid.
 */
export { isPhoneEntryError, type PhoneEntry, type PhoneEntryError } from './phone-entry';
export { normalizePhoneNumber } from './normalize-phone-number';
export { parsePhoneEntry } from './parse-phone-entry';
export { parsePhoneArray } from './parse-phone-array';
export { parsePhoneFile } from './parse-phone-file';
