/** @type {import('next').NextConfig} */
const nextConfig = {
  // Uploads (phone lists) are streamed by our own multipart decoder, so no body-size
  // middleware must buffer them first.
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
