import fs from 'node:fs';
import os from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhoneEntry } from '../../phones';
import { CallSpill } from './call-spill';

function readBack(spill: CallSpill): PhoneEntry[] {
  const rows: PhoneEntry[] = [];
  spill.forEach((phoneNumber, ani, messageReference) => rows.push({ phoneNumber, ani, messageReference }));
  return rows;
}

const tricky: PhoneEntry[] = [
  { phoneNumber: '+12125551234', ani: null, messageReference: null },
  { phoneNumber: '+442079460958', ani: '+13105550199', messageReference: 'a,b,,c' },
  { phoneNumber: '+12125551235', ani: null, messageReference: '12,+1,' },
  { phoneNumber: '+12125551236', ani: '+13105550199', messageReference: 'café ☕ 😀 "quoted"\nnew line\r\t' },
  { phoneNumber: '+12125551237', ani: null, messageReference: 'x'.repeat(255) },
  { phoneNumber: '+12125551238', ani: null, messageReference: '😀'.repeat(255) },
];

describe('CallSpill', () => {
  it.each([
    ['in memory', () => CallSpill.inMemory()],
    ['in a temp file', () => CallSpill.inTempFile()],
  ])('gives back what was appended, in order (%s)', (_label, make) => {
    const spill = make();
    try {
      spill.append(tricky);
      spill.append([]);
      spill.append(tricky.slice(2));
      expect(spill.count).toBe(tricky.length * 2 - 2);
      expect(readBack(spill)).toEqual([...tricky, ...tricky.slice(2)]);
      // A second read gives the same again.
      expect(readBack(spill)).toHaveLength(spill.count);
    } finally {
      spill.dispose();
    }
  });

  it('round-trips random references through the file', () => {
    const reference = fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), { nil: null });
    const entry = fc.record({
      phoneNumber: fc.stringMatching(/^\+[1-9]\d{6,14}$/),
      ani: fc.option(fc.stringMatching(/^\+[1-9]\d{6,14}$/), { nil: null }),
      messageReference: reference,
    });
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 20 }), { maxLength: 5 }), (batches) => {
        const spill = CallSpill.inTempFile();
        try {
          for (const batch of batches) spill.append(batch);
          expect(readBack(spill)).toEqual(batches.flat());
        } finally {
          spill.dispose();
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('removes its file on dispose, and dispose can run twice', () => {
    const before = new Set(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('callpace-spill-')));
    const spill = CallSpill.inTempFile();
    spill.append(tricky);
    const created = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('callpace-spill-') && !before.has(f));
    expect(created).toHaveLength(1);
    spill.dispose();
    spill.dispose();
    expect(fs.readdirSync(os.tmpdir())).not.toContain(created[0]);
  });
});
