import { describe, expect, it } from 'vitest';
import { parsePhoneEntry } from './parse-phone-entry';

const PHONE = '+12125551234';
const ANI = '+13105550199';

describe('parsePhoneEntry', () => {
  it.each([
    ['tel:+12125551234; ani=3105550199, ref-1', { phoneNumber: PHONE, ani: ANI, messageReference: 'ref-1' }],
    ['tel:+12125551234;ani=3105550199,ref-1', { phoneNumber: PHONE, ani: ANI, messageReference: 'ref-1' }],
    ['  tel: +1 212 555 1234 ;  ANI = (310) 555-0199 ,  ref 1  ', { phoneNumber: PHONE, ani: ANI, messageReference: 'ref 1' }],
    ['TEL:+12125551234', { phoneNumber: PHONE, ani: null, messageReference: null }],
    ['+12125551234', { phoneNumber: PHONE, ani: null, messageReference: null }],
    ['(212) 555-1234', { phoneNumber: PHONE, ani: null, messageReference: null }],
    ['2125551234', { phoneNumber: PHONE, ani: null, messageReference: null }],
    ['12125551234', { phoneNumber: PHONE, ani: null, messageReference: null }],
    ['2125551234; ani=+13105550199', { phoneNumber: PHONE, ani: ANI, messageReference: null }],
    ['2125551234, ref-2', { phoneNumber: PHONE, ani: null, messageReference: 'ref-2' }],
    ['2125551234,', { phoneNumber: PHONE, ani: null, messageReference: null }],
    ['2125551234,    ', { phoneNumber: PHONE, ani: null, messageReference: null }],
    ['2125551234, a, b', { phoneNumber: PHONE, ani: null, messageReference: 'a, b' }],
    // The reference's own examples (unassigned area codes, accepted by the NANP plan rule).
    ['tel:+12223334444;ani=7778889999', { phoneNumber: '+12223334444', ani: '+17778889999', messageReference: null }],
    ['tel:+14443332222; ani=9998887777, marchcampaign', { phoneNumber: '+14443332222', ani: '+19998887777', messageReference: 'marchcampaign' }],
    ['+44 20 7946 0958, uk', { phoneNumber: '+442079460958', ani: null, messageReference: 'uk' }],
    [`2125551234, ${'r'.repeat(255)}`, { phoneNumber: PHONE, ani: null, messageReference: 'r'.repeat(255) }],
    [`2125551234, ${'😀'.repeat(255)}`, { phoneNumber: PHONE, ani: null, messageReference: '😀'.repeat(255) }],
  ])('accepts %j', (text, expected) => {
    expect(parsePhoneEntry(text, 1)).toEqual(expected);
  });

  it.each([
    ['tel:+12345', 'line 7: "+12345" is not a valid phone number'],
    ['12345; ani=3105550199', 'line 7: "12345" is not a valid phone number'],
    ['2001551234', 'line 7: "2001551234" is not a valid phone number'],
    ['tel:+12223334444; ani=7770889999', 'line 7: ani "7770889999" is not a valid phone number'],
    ['2125551234; ani=abc', 'line 7: ani "abc" is not a valid phone number'],
    ['2125551234; ani=', 'line 7: ani is empty'],
    ['2125551234; caller=3105550199', 'line 7: expected "ani=<number>" after ";"'],
    ['2125551234; 3105550199', 'line 7: expected "ani=<number>" after ";"'],
    ['', 'line 7: missing phone number'],
    ['tel:', 'line 7: missing phone number'],
    ['; ani=3105550199, ref', 'line 7: missing phone number'],
    [', ref', 'line 7: missing phone number'],
    [`2125551234, ${'r'.repeat(256)}`, 'line 7: message_reference is longer than 255 characters'],
    [`${'9'.repeat(80)}`, `line 7: "${'9'.repeat(60)}…" is not a valid phone number`],
  ])('rejects %j', (text, message) => {
    expect(parsePhoneEntry(text, 7)).toEqual({ line: 7, message });
  });
});
