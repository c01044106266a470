/** Maps errors to answers: one typed table from domain codes to HTTP statuses. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../../core/shared/errors.js';
import type { ErrorResponse } from '../../contract/common.js';

/** Every domain code has a status; a new code without one does not compile. */
export const statusOf: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  MFA_REQUIRED_BY_PROCESS: 403,
  PASSKEY_REQUIRED: 401,
  PASSKEY_REQUIRED_BY_PROCESS: 403,
  PASSKEY_INVALID: 400,
  RATE_LIMITED: 429,
  INVALID_INPUT: 400,
  TOO_LARGE: 413,
  RULE_VIOLATION: 422,
  INVALID_TRANSITION: 409,
  STALE_REVISION: 409,
  CONFLICT: 409,
  IMMUTABLE: 409,
  INVITATION_INVALID: 410,
  CSRF_REJECTED: 403,
  ACKNOWLEDGEMENT_REQUIRED: 403,
};

/** The body of an error answer. */
export function errorBody(
  code: string,
  message: string,
  details?: Record<string, unknown>,
): ErrorResponse {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Turns zod issues into "field: problem" lines. */
function describeZod(
  error: ZodError,
  where: string,
): { message: string; details: Record<string, unknown> } {
  const issues = error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  return {
    message: `Invalid request: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    details: { issues },
  };
}

/** A validation failure tagged with where it happened (params, query, body). */
export class RequestShapeError extends Error {
  constructor(
    readonly where: 'params' | 'query' | 'body',
    readonly zod: ZodError,
  ) {
    super('invalid request');
  }
}

/**
 * Whether the database refused a change because another transaction, committed first, made it
 * impossible: a key or unique value taken meanwhile (the checks before the write could not see
 * the other's uncommitted row), or a deadlock or serialization failure between two instances'
 * transactions. The change was rolled back; the answer is a conflict, not a fault.
 */
function isConcurrentConflict(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    // PostgreSQL: unique_violation, serialization_failure, deadlock_detected.
    code === '23505' ||
    code === '40001' ||
    code === '40P01' ||
    // SQLite (one writer at a time, so only a key taken by an earlier transaction).
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Fastify's error handler: domain errors by table, shape errors as 400 with every invalid field,
 * Fastify's own client errors (bad JSON, wrong content type, too large) as 4xx, a change another
 * transaction made impossible as 409, and anything else as a 500 that says nothing about the
 * inside.
 */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error instanceof DomainError) {
    void reply
      .status(statusOf[error.code])
      .send(errorBody(error.code, error.message, error.details));
    return;
  }
  if (error instanceof RequestShapeError) {
    const { message, details } = describeZod(error.zod, error.where);
    void reply.status(400).send(errorBody('INVALID_INPUT', message, details));
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      status === 415
        ? 'Unsupported content type: send application/json.'
        : status === 413
          ? 'The request body is too large.'
          : (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
              error instanceof SyntaxError
            ? 'The request body is not valid JSON.'
            : (error as FastifyError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? 'The request body is empty; send a JSON object.'
              : 'The request is not valid.';
    void reply.status(status).send(errorBody('INVALID_INPUT', message));
    return;
  }
  if (isConcurrentConflict(error)) {
    // The error's detail would name the key's values, which may be confidential: only its kind.
    const { code, constraint } = error as { code?: string; constraint?: string };
    request.log.warn({ code, constraint }, 'concurrent change refused');
    void reply
      .status(409)
      .send(
        errorBody(
          'CONFLICT',
          'Someone changed the same thing at the same moment, and theirs was saved first; nothing of yours was saved. Reload and try again.',
        ),
      );
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply
    .status(500)
    .send(errorBody('INTERNAL', 'Something went wrong on the server. Nothing was changed.'));
}
