/** Request size limits (bytes), configurable by env. Over a limit the reply is 413. */
export const limits = {
  /** JSON, urlencoded and non-file multipart fields together. */
  body: Number(process.env.MAX_BODY_BYTES ?? 16 * 1024 * 1024),
  /** One uploaded phone file. */
  upload: Number(process.env.MAX_UPLOAD_BYTES ?? 200 * 1024 * 1024),
};
