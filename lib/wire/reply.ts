/** Reply shapes of the reference: `{"status":"success", ...}` and `{"status":"error","error":...}`. */

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** `{"status":"success"}`, with `response` when given and any additive top-level fields. */
export function success(response?: unknown, extra: Record<string, unknown> = {}): Response {
  return json(response === undefined ? { status: 'success', ...extra } : { status: 'success', response, ...extra });
}

export function failure(status: number, error: string, headers: Record<string, string> = {}): Response {
  return json({ status: 'error', error }, status, headers);
}
