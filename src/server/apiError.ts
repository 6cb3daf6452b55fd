// the one JSON error shape of the API: { error: { code, message, details? } }.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error a route throws on purpose; the error handler turns it into its status and JSON body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** Maps fastify's own errors (bad JSON, too large, wrong content type) to stable codes; anything else is a 500 that hides internals. */
export function handleError(err: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof ApiError) {
    if (err.status === 429 && typeof err.details === 'object' && err.details && 'retryAfterSeconds' in err.details) {
      reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    void reply.status(err.status).send(errorBody(err.code, err.message, err.details));
    return;
  }
  const fe = err as FastifyError;
  const known: Record<string, [number, string, string]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json', 'The request body is not valid JSON.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty-body', 'The request body is empty; send a JSON object.'],
    FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large', 'The request body is too large.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Send the body as application/json.'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-content-length', 'The Content-Length header does not match the body.'],
  };
  const mapped = fe.code ? known[fe.code] : undefined;
  if (mapped) {
    void reply.status(mapped[0]).send(errorBody(mapped[1], mapped[2]));
    return;
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    void reply.status(fe.statusCode).send(errorBody('bad-request', fe.message));
    return;
  }
  request.log.error({ err }, 'unhandled error');
  void reply.status(500).send(errorBody('internal', 'Something went wrong on the server; nothing was saved.'));
}
