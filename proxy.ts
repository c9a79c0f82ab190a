import { NextResponse, type NextRequest } from 'next/server';
import { THEME_SCRIPT } from './components/shell/theme';

/**
 * Content-Security-Policy for pages, with a fresh nonce per request (Next 16's CSP guide,
 * "Adding a nonce with Proxy"). Next reads the nonce from the request's CSP header while it
 * renders and puts it on its own scripts; 'strict-dynamic' lets those scripts load the page's
 * chunks. Only nonce'd scripts run, so injected markup cannot execute script.
 *
 * This needs pages to be rendered per request — every dashboard page is (`next build` lists
 * them as ƒ). A statically prerendered page would carry no nonce and its scripts would be
 * blocked: e2e/api/security.test.ts loads every page in Chromium and fails on any CSP
 * violation, so such a page is caught. Styles keep 'unsafe-inline' (style attributes cannot
 * carry nonces, and CSS cannot run script).
 *
 * Our own inline scripts are allowed by their SHA-256 instead of a nonce, computed here from the
 * very constant the layout renders, so they need no nonce plumbing and stay in sync: today the
 * root layout's theme script (it must run before first paint).
 *
 * API routes and static files are not matched (but for one guard below): their headers (a
 * deny-all CSP for API replies, nosniff, frame and referrer policies) come from next.config.mjs.
 */
const INLINE_SCRIPTS = [THEME_SCRIPT];

let inlineHashes: Promise<string> | undefined;
function inlineScriptHashes(): Promise<string> {
  inlineHashes ??= Promise.all(
    INLINE_SCRIPTS.map(async (s) => {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
      return `'sha256-${Buffer.from(digest).toString('base64')}'`;
    }),
  ).then((h) => h.join(' '));
  return inlineHashes;
}

export function contentSecurityPolicy(nonce: string, hashes = '', dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${hashes ? ` ${hashes}` : ''} 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * A percent-encoded path segment that is not valid UTF-8 (`/api/campaigns/%E0%A4`) makes Next's
 * router fail to decode the route param; it then answers a bare 500 with none of our headers.
 * The matcher below sends only /api paths containing '%' here (never upload bodies in practice:
 * a proxied request's body is buffered), and such a path gets the 400 it deserves.
 */
function malformedPath(pathname: string): boolean {
  try {
    pathname.split('/').forEach((segment) => decodeURIComponent(segment));
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    if (!malformedPath(request.nextUrl.pathname)) return NextResponse.next();
    return NextResponse.json(
      { status: 'error', error: 'The URL path is not valid percent-encoded UTF-8.' },
      { status: 400, headers: { 'cache-control': 'no-store' } },
    );
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, await inlineScriptHashes());
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    // API paths with a percent sign only (see malformedPath).
    '/api/:path(.*%.*)',
    {
      // Pages only: not API routes, Next's static files or the favicon; not link prefetches.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
