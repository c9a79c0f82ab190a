export { isPhoneEntryError, type PhoneEntry, type PhoneEntryError } from './phone-entry';
export { normalizePhoneNumber } from './normalize-phone-number';
export { parsePhoneEntry } from './parse-phone-entry';
export { parsePhoneArray } from './parse-phone-array';
export { parsePhoneFile } from './parse-phone-file';
