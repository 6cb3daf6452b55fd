// the two ways a request to the Coplan server fails, and which of them are worth retrying (split out of httpRepository.ts).
/** No answer at all: offline, DNS, refused connection or timeout. Worth retrying later. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The server answered with an error (or with something that is not what the API promises). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** from Retry-After on 429 */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** True for failures that may succeed if the same request is sent again later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiRequestError && (error.status >= 500 || error.status === 429 || error.status === 408);
}
