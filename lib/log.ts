import pino from 'pino';

/**
 * Structured JSON logs. Authorization headers, cookies and tokens are redacted wherever they
 * appear in a logged object.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'callpace' },
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'token', '*.token', 'secret', '*.secret'],
    censor: '[redacted]',
  },
});
