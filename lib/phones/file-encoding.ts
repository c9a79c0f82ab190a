/**
 * Which text encoding a phone-list file is in, from its first bytes. Pure (no node imports):
 * the server's streaming parser and the browser preview decide the same way.
 *
 * - UTF-16 with a byte order mark (FF FE little-endian, FE FF big-endian) is decoded: Excel's
 *   "Unicode text" export is UTF-16LE with a BOM.
 * - Anything else is read as UTF-8 (a UTF-8 BOM is dropped by the parsers).
 * - A NUL byte near the start of a file without a UTF-16 BOM means UTF-16 without a BOM (every
 *   other byte of ASCII text is NUL) or a binary file: neither can be read reliably, so the file
 *   is refused as a whole with FILE_NOT_TEXT_MESSAGE instead of a line error per garbled entry.
 */
export type PhoneFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many leading bytes decide (the NUL check looks at no more than these). */
export const ENCODING_SNIFF_BYTES = 1024;

export const FILE_NOT_TEXT_MESSAGE =
  'The file is not text in a supported encoding (it holds NUL bytes): save it as UTF-8, or as UTF-16 with a byte order mark.';

export function phoneFileEncoding(head: Uint8Array): PhoneFileEncoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Whether a file read as UTF-8 is unreadable: a NUL among its first ENCODING_SNIFF_BYTES. */
export function looksLikeNonText(head: Uint8Array): boolean {
  return head.subarray(0, ENCODING_SNIFF_BYTES).indexOf(0) !== -1;
}
