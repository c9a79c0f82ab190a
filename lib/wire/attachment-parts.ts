import { Transform, type TransformCallback } from 'node:stream';

/**
 * curl sends `--form` parts as `Content-Disposition: attachment; name=...` when the request's
 * Content-Type is overridden to something other than multipart/form-data (the reference's
 * Create Campaign example does exactly that). Multipart parsers rightly skip such parts, so this
 * rewrites the disposition type of part headers — only right after a boundary line, where body
 * content cannot be — to `form-data`.
 */
export function attachmentPartsAsFormData(boundary: string): Transform {
  const needle = Buffer.from(`--${boundary}\r\nContent-Disposition: attachment`, 'latin1');
  const needleLower = Buffer.from(needle.toString('latin1').toLowerCase(), 'latin1');
  const replacement = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data`, 'latin1');
  let carry = Buffer.alloc(0);

  const rewrite = (buf: Buffer, final: boolean): Buffer[] => {
    const out: Buffer[] = [];
    const lower = Buffer.from(buf.toString('latin1').toLowerCase(), 'latin1');
    let from = 0;
    for (let at = lower.indexOf(needleLower, 0); at !== -1; at = lower.indexOf(needleLower, from)) {
      out.push(buf.subarray(from, at), replacement);
      from = at + needle.length;
    }
    // Keep a tail that might be the start of a needle split across chunks.
    const keep = final ? 0 : Math.min(needle.length - 1, buf.length - from);
    out.push(buf.subarray(from, buf.length - keep));
    carry = Buffer.from(buf.subarray(buf.length - keep));
    return out;
  };

  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      for (const b of rewrite(Buffer.concat([carry, chunk]), false)) if (b.length) this.push(b);
      cb();
    },
    flush(cb: TransformCallback) {
      for (const b of rewrite(carry, true)) if (b.length) this.push(b);
      cb();
    },
  });
}
