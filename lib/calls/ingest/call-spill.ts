import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PhoneEntry } from '../../phones';
import type { CallRows, CallRowVisitor } from '../insert-calls';

/**
 * Validated calls between the two phases of an ingest (see ./index.ts): appended batch by batch
 * while the list is parsed, read back in order inside the insert transaction.
 *
 * A batch is one string holding `phone,ani,length,reference` per call: ani '' for none, length 0
 * for no reference. Numbers are E.164 (`+` and digits), so they never hold a comma, and the
 * reference is cut by its length in UTF-16 units, so it may hold anything. Kept in memory for
 * small lists; written to a temporary file for big ones, so a million calls cost ~40 MB of disk
 * and one batch of memory. (UTF-8 round trips every string a file or JSON body can give, except
 * lone surrogates, which become U+FFFD of the same length: what SQLite would store anyway.)
 */
export class CallSpill implements CallRows {
  /** Calls appended so far. */
  count = 0;
  private readonly inMemory: string[] = [];
  private readonly byteLengths: number[] = [];
  private fd: number | null = null;

  private constructor(private readonly file: string | null) {}

  static inMemory(): CallSpill {
    return new CallSpill(null);
  }

  /** Spills to a new file in the temp directory; call dispose() to remove it. */
  static inTempFile(): CallSpill {
    const spill = new CallSpill(path.join(os.tmpdir(), `callpace-spill-${randomBytes(8).toString('hex')}`));
    spill.fd = fs.openSync(spill.file!, 'wx+', 0o600);
    return spill;
  }

  append(entries: readonly PhoneEntry[]): void {
    if (entries.length === 0) return;
    let batch = '';
    for (const e of entries) {
      const reference = e.messageReference ?? '';
      batch += `${e.phoneNumber},${e.ani ?? ''},${reference.length},${reference}`;
    }
    this.count += entries.length;
    if (this.fd === null) {
      this.inMemory.push(batch);
      return;
    }
    const bytes = Buffer.from(batch, 'utf8');
    fs.writeSync(this.fd, bytes);
    this.byteLengths.push(bytes.length);
  }

  forEach(visit: CallRowVisitor): void {
    if (this.fd === null) {
      for (const batch of this.inMemory) visitBatch(batch, visit);
      return;
    }
    let buffer = Buffer.alloc(0);
    let position = 0;
    for (const length of this.byteLengths) {
      if (buffer.length < length) buffer = Buffer.alloc(Math.max(length, buffer.length * 2));
      let read = 0;
      while (read < length) read += fs.readSync(this.fd, buffer, read, length - read, position + read);
      position += length;
      visitBatch(buffer.toString('utf8', 0, length), visit);
    }
  }

  /** Closes and removes the spill file, if any. Safe to call twice. */
  dispose(): void {
    this.inMemory.length = 0;
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
      fs.rmSync(this.file!, { force: true });
    }
  }
}

function visitBatch(batch: string, visit: CallRowVisitor): void {
  let at = 0;
  while (at < batch.length) {
    const afterPhone = batch.indexOf(',', at);
    const afterAni = batch.indexOf(',', afterPhone + 1);
    let length = 0;
    let i = afterAni + 1;
    for (let code = batch.charCodeAt(i); code !== 44; code = batch.charCodeAt(++i)) length = length * 10 + code - 48;
    const phoneNumber = batch.slice(at, afterPhone);
    const ani = afterAni === afterPhone + 1 ? null : batch.slice(afterPhone + 1, afterAni);
    const reference = length === 0 ? null : batch.slice(i + 1, i + 1 + length);
    visit(phoneNumber, ani, reference);
    at = i + 1 + length;
  }
}
