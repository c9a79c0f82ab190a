/**
 * Memoises a pure function in at most `limit` entries; when full, the oldest entry is dropped
 * (first in, first out). What is cached changes only the cost of a call, never its answer, so the
 * memoised function stays pure in behaviour. A call that throws caches nothing.
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const entries = new Map<K, V>();
  return (key) => {
    const hit = entries.get(key);
    if (hit !== undefined || entries.has(key)) return hit as V;
    const value = compute(key);
    // Map iterates in insertion order, so its first key is the oldest entry.
    if (entries.size >= limit) entries.delete(entries.keys().next().value as K);
    entries.set(key, value);
    return value;
  };
}
