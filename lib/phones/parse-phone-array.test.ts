import { describe, expect, it } from 'vitest';
import { parsePhoneArray } from './parse-phone-array';

describe('parsePhoneArray', () => {
  it('parses each string and names failures by their 1-based index', () => {
    expect(parsePhoneArray(['tel:+12125551234; ani=3105550199, a', 42, '', '12345'])).toEqual([
      { phoneNumber: '+12125551234', ani: '+13105550199', messageReference: 'a' },
      { line: 2, message: 'entry 2: expected a string like "tel:+12223334444"' },
      { line: 3, message: 'entry 3: missing phone number' },
      { line: 4, message: 'entry 4: "12345" is not a valid phone number' },
    ]);
  });

  it('numbers a slice by its place in the whole list', () => {
    expect(parsePhoneArray(['2125551234', 'x'], 5000)).toEqual([
      { phoneNumber: '+12125551234', ani: null, messageReference: null },
      { line: 5002, message: 'entry 5002: "x" is not a valid phone number' },
    ]);
  });

  it('returns nothing for an empty array', () => {
    expect(parsePhoneArray([])).toEqual([]);
  });
});
