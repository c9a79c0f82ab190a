/** @type {import('next').NextConfig} */
const nextConfig = {
  // Uploads (phone lists) are streamed by our own multipart decoder, so no body-size
  // middleware must buffer them first.
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project first; checking again inside the
  // build would double the build time on 2 cores.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
