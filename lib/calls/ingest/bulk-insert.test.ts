import { describe, expect, it, vi } from 'vitest';
import { bulkInsertRunning, onBulkInsertChange, setBulkInsertWriting, waitForBulkInsertEnd } from './bulk-insert';

describe('bulk insert state', () => {
  it('tells listeners when the first worker starts writing and when the last one stops', () => {
    const changes: boolean[] = [];
    const unsubscribe = onBulkInsertChange((running) => changes.push(running));
    const throwing = onBulkInsertChange(() => {
      throw new Error('a broken listener does not stop the others');
    });
    setBulkInsertWriting(1);
    setBulkInsertWriting(1);
    expect(bulkInsertRunning()).toBe(true);
    setBulkInsertWriting(-1);
    setBulkInsertWriting(-1);
    unsubscribe();
    throwing();
    setBulkInsertWriting(1);
    setBulkInsertWriting(-1);
    expect(changes).toEqual([true, false]);
    expect(bulkInsertRunning()).toBe(false);
  });

  it('waitForBulkInsertEnd: at once when none runs, at the end of the insert, or after the bound', async () => {
    vi.useFakeTimers();
    try {
      const settled = (p: Promise<void>) => Promise.race([p.then(() => true), Promise.resolve().then(() => false)]);
      expect(await settled(waitForBulkInsertEnd(1_000))).toBe(true);

      setBulkInsertWriting(1);
      const untilEnd = waitForBulkInsertEnd(5_000);
      vi.advanceTimersByTime(4_000);
      expect(await settled(untilEnd)).toBe(false);
      setBulkInsertWriting(-1);
      expect(await settled(untilEnd)).toBe(true);

      setBulkInsertWriting(1);
      const bounded = waitForBulkInsertEnd(5_000);
      vi.advanceTimersByTime(4_999);
      expect(await settled(bounded)).toBe(false);
      vi.advanceTimersByTime(1);
      expect(await settled(bounded)).toBe(true);
      expect(bulkInsertRunning()).toBe(true);
    } finally {
      setBulkInsertWriting(-1);
      vi.useRealTimers();
    }
  });
});
