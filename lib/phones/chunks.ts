/** A piece of an uploaded file as it streams in: bytes, or text already decoded. */
export type Chunk = Buffer | string;

/** Reads chunks until `bytes` bytes have arrived (or the source ends). */
export async function readHead(iterator: AsyncIterator<Chunk>, bytes: number): Promise<{ head: Chunk[]; done: boolean }> {
  const head: Chunk[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) return { head, done: true };
    head.push(next.value);
    size += typeof next.value === 'string' ? Buffer.byteLength(next.value) : next.value.length;
  }
  return { head, done: false };
}

/** The chunks already read, then the rest of the source (if it has not ended). */
export async function* replay(head: Chunk[], rest: AsyncIterator<Chunk> | null): AsyncIterable<Chunk> {
  yield* head;
  if (rest) yield* { [Symbol.asyncIterator]: () => rest };
}
