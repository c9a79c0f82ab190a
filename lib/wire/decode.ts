import busboy from 'busboy';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { randomBytes } from 'node:crypto';
import { PayloadTooLargeError, ValidationError } from '../errors';
import { attachmentPartsAsFormData } from './attachment-parts';
import { FieldBag } from './fields';
import { limits } from './limits';

/** An uploaded file, spooled to a temporary file so large phone lists never sit in memory. */
export interface UploadedFile {
  field: string;
  filename: string;
  mimeType: string;
  path: string;
  size: number;
}

export interface DecodedRequest {
  fields: Record<string, unknown>;
  files: UploadedFile[];
  /** Removes the spooled files; the route wrapper calls it when the request is done. */
  cleanup(): Promise<void>;
}

/**
 * Decodes every encoding the reference's examples and real scripts send, into one field bag:
 * query string (on any method), JSON objects, urlencoded forms, multipart forms (also when
 * curl labels them `application/json; boundary=...`), and plain text holding JSON or a form.
 * Body fields override query fields of the same name.
 */
export async function decodeRequest(request: Request): Promise<DecodedRequest> {
  const url = new URL(request.url);
  const bag = new FieldBag().addAll(url.searchParams.entries());
  const files: UploadedFile[] = [];
  const cleanup = async () => {
    await Promise.all(files.map((f) => fsp.rm(f.path, { force: true })));
  };

  const contentType = request.headers.get('content-type') ?? '';
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limits.upload + limits.body) {
    if (request.body) discardRest(request.body.getReader());
    throw new PayloadTooLargeError(`The request body is larger than ${limits.upload + limits.body} bytes.`);
  }

  if (request.body) {
    try {
      const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
      if (boundary) {
        await decodeMultipart(request.body, contentType, boundary[1] ?? boundary[2], bag, files);
      } else {
        decodeText(await readText(request.body), contentType, bag);
      }
    } catch (e) {
      await cleanup();
      throw e;
    }
  }
  return { fields: bag.values, files, cleanup };
}

function decodeText(text: string, contentType: string, bag: FieldBag): void {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return;
  const looksJson = /^\s*[{[]/.test(body);
  if (/json/i.test(contentType) || looksJson) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      throw ValidationError.of('body', `The request body is not valid JSON (${(e as Error).message}).`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw ValidationError.of('body', 'The request body must be a JSON object.');
    Object.assign(bag.values, value);
    return;
  }
  // urlencoded, text/plain holding a form, or no content type at all.
  bag.addAll(new URLSearchParams(body).entries());
}

async function readText(body: ReadableStream<Uint8Array>): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.length;
    if (size > limits.body) {
      discardRest(reader);
      throw new PayloadTooLargeError(`The request body is larger than ${limits.body} bytes.`);
    }
    chunks.push(value);
  }
}

/** How long, and how many bytes, the rest of a refused body is read and discarded. */
const LINGER_MS = 10_000;
const lingerBytes = () => 2 * (limits.upload + limits.body);

/**
 * Reads the rest of a body refused with 413 and throws it away, in the background (bounded by
 * LINGER_MS and lingerBytes()). The 413 goes out at once; reading on lets the client finish
 * sending, so it sees the reply. A server that closes while the client is still sending makes
 * the client's TCP stack answer with RST, which can discard the reply before the client reads
 * it (clients that read only after sending — fetch/undici — then report EPIPE instead of the
 * 413): RFC 9112 §9.6's "lingering close". It also leaves the connection reusable. Past the
 * bounds the read is cancelled and the connection dropped.
 */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  let left = lingerBytes();
  const timer = setTimeout(() => void reader.cancel().catch(() => {}), LINGER_MS);
  timer.unref?.();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        left -= value.length;
        if (left < 0) return void (await reader.cancel());
      }
    } catch {
      /* the client went away, or the timer cancelled the read */
    } finally {
      clearTimeout(timer);
    }
  })();
}

async function decodeMultipart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  boundary: string,
  bag: FieldBag,
  files: UploadedFile[],
): Promise<void> {
  const isFormData = /^\s*multipart\/form-data/i.test(contentType);
  const parser = busboy({
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    limits: { fieldSize: limits.body, fileSize: limits.upload, fields: 1000, files: 10 },
    defParamCharset: 'utf8',
  });
  let fieldBytes = 0;
  const pending: Promise<void>[] = [];
  let failure: Error | undefined;

  // busboy reports an empty part name (`name=""`) as undefined.
  parser.on('field', (name: string | undefined, value, info) => {
    name ??= '';
    fieldBytes += value.length;
    if (info.valueTruncated || fieldBytes > limits.body)
      failure ??= new PayloadTooLargeError(`The field ${name} is larger than ${limits.body} bytes.`);
    else bag.add(name, value);
  });
  parser.on('file', (name: string | undefined, stream, info) => {
    const file: UploadedFile = {
      field: (name ?? '').replace(/\[\]$/, ''),
      filename: info.filename ?? 'upload',
      mimeType: info.mimeType,
      path: path.join(os.tmpdir(), `callpace-upload-${randomBytes(8).toString('hex')}`),
      size: 0,
    };
    files.push(file);
    stream.on('data', (c: Buffer) => (file.size += c.length));
    stream.on('limit', () => {
      failure ??= new PayloadTooLargeError(`The file ${file.filename} is larger than ${limits.upload} bytes.`);
    });
    pending.push(pipeline(stream, fs.createWriteStream(file.path)));
  });

  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  try {
    if (isFormData) await pipeline(source, parser);
    else await pipeline(source, attachmentPartsAsFormData(boundary), parser);
    await Promise.all(pending);
  } catch (e) {
    if (failure) throw failure;
    throw ValidationError.of('body', `The multipart body could not be read (${(e as Error).message}).`);
  }
  if (failure) throw failure;
}
