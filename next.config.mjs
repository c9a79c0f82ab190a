/**
 * Security headers on every response; see docs/RELIABILITY.md. Pages get their
 * Content-Security-Policy, with a per-request script nonce, from proxy.ts; API replies (JSON,
 * never rendered as a page) get a deny-all policy here. No HSTS or 'upgrade-insecure-requests':
 * a self-hosted server is often reached over plain http on a LAN, and TLS is the reverse
 * proxy's job (which should add HSTS).
 */
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Uploads (phone lists) are streamed by our own multipart decoder, so no body-size
  // middleware must buffer them first.
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project first; checking again inside the
  // build would double the build time on 2 cores.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
