import { describe, expect, it } from 'vitest';
import { requestIdOf } from './request-id';

describe('requestIdOf', () => {
  const req = (id?: string) => new Request('http://x/', { headers: id === undefined ? {} : { 'x-request-id': id } });
  it('keeps a plain upstream id', () => expect(requestIdOf(req('abc-123_DEF.9:z'))).toBe('abc-123_DEF.9:z'));
  it.each(['', 'short', 'a b c d e f g h', 'x'.repeat(129), 'id\twith-tab-x', '<script>alert(1)</script>'])('replaces %j with a UUID', (id) =>
    expect(requestIdOf(req(id))).toMatch(/^[0-9a-f-]{36}$/),
  );
  it('makes one when none is given', () => expect(requestIdOf(req())).toMatch(/^[0-9a-f-]{36}$/));
});
