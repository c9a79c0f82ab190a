/**
 * Same-origin API calls from the dashboard (the session cookie rides along). Every failure
 * becomes an ApiError whose `message` is written for a campaign manager, not a developer;
 * validation failures keep the server's per-field messages in `fields`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** 422: field path (e.g. "profiles.0.start_time") → messages. */
    readonly fields: Record<string, string[]> | null = null,
    /** The server's own error text, when it sent one. */
    readonly serverMessage: string | null = null,
  ) {
    super(message);
  }
}

const GENERIC: Record<number, string> = {
  401: 'Your session has ended. Sign in again to continue.',
  403: 'You are not allowed to do that. Reload the page and try again.',
  404: 'This item no longer exists. It may have been deleted by someone else.',
  413: 'The file is too large to upload. Split the phone list into smaller files and add them one by one.',
  429: 'Too many attempts in a short time. Wait a few minutes, then try again.',
  503: 'The database is busy right now. Try again in a moment.',
};
const SERVER_FAULT = 'Something went wrong on the server. Try again; if it keeps happening, ask whoever runs Callpace to check its log.';
export const OFFLINE = 'Callpace could not be reached. Check your connection and try again.';

function isFieldMap(body: unknown): body is Record<string, string[]> {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    !('status' in body) &&
    Object.values(body).every((v) => Array.isArray(v) && v.every((m) => typeof m === 'string'))
  );
}

/** Turns a failed reply (status + parsed body) into an ApiError with manager-friendly words. */
export function errorFromReply(status: number, body: unknown): ApiError {
  if (status === 422 && isFieldMap(body)) return new ApiError(422, 'Some details need fixing: see the messages below.', body);
  const serverMessage =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : null;
  // 404/409/401 texts from the API name the thing concerned plainly ("Campaign id 3 was not found.",
  // "The email or password is incorrect."), so they are shown as they are.
  if (serverMessage && (status === 409 || status === 404 || status === 401 || status === 400)) return new ApiError(status, serverMessage, null, serverMessage);
  return new ApiError(status, GENERIC[status] ?? (status >= 500 ? SERVER_FAULT : serverMessage ?? SERVER_FAULT), null, serverMessage);
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  json?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, { method = 'GET', json, signal }: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers: json === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, OFFLINE);
  }
  const body = await parseBody(response);
  if (!response.ok) throw errorFromReply(response.status, body);
  return body as T;
}

/**
 * A multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can).
 * `onProgress` receives 0..1.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void, method = 'POST'): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, OFFLINE));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(errorFromReply(xhr.status, body));
    };
    xhr.send(form);
  });
}

/** The message to show for any error thrown by a query or mutation. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return SERVER_FAULT;
}

/** Field messages of a 422 whose field is not one the form shows, joined for a form-level alert. */
export function otherFieldMessages(error: unknown, shown: (field: string) => boolean): string[] {
  if (!(error instanceof ApiError) || !error.fields) return [];
  return Object.entries(error.fields)
    .filter(([field]) => !shown(field))
    .flatMap(([, messages]) => messages);
}
