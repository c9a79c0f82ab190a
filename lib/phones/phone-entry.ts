/** One callee of a campaign, as parsed from a phone list. Numbers are E.164 (`+12223334444`). */
export interface PhoneEntry {
  phoneNumber: string;
  ani: string | null;
  messageReference: string | null;
}

/**
 * Why one entry of a phone list was rejected. `line` is the 1-based line of the file (counting
 * the CSV header) or the 1-based index in a JSON array; `message` repeats it so it can be shown
 * as is, e.g. `line 7: "12345" is not a valid phone number`.
 */
export interface PhoneEntryError {
  line: number;
  message: string;
}

export function isPhoneEntryError(x: PhoneEntry | PhoneEntryError): x is PhoneEntryError {
  return 'message' in x;
}
