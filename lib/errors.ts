/**
 * Domain errors. lib/ throws these; lib/wire/errors.ts maps each to its HTTP status and body,
 * so business code never thinks in status codes.
 */
export class NotFoundError extends Error {
  constructor(what: string, id: number | string) {
    super(`${what} ${typeof id === 'number' ? `id ${id}` : `"${id}"`} was not found.`);
  }
}

/** Field-level validation failures: field → messages, as the reference's 422 bodies show. */
export class ValidationError extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super(Object.entries(fields).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; '));
  }
  static of(field: string, message: string): ValidationError {
    return new ValidationError({ [field]: [message] });
  }
}

/** A schedule or profile that a campaign still uses. */
export class InUseError extends Error {}

/** The request is well-formed but conflicts with the resource's state. */
export class ConflictError extends Error {}

export class PayloadTooLargeError extends Error {}

export class UnauthorizedError extends Error {
  constructor(message = 'Unauthenticated.') {
    super(message);
  }
}

export class ForbiddenError extends Error {}

/** Too many failed attempts from one client. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts. Try again later.');
  }
}

/** The database is locked or read-only: the request may be retried. */
export class UnavailableError extends Error {}
