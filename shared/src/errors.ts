/** Stable error codes of the HTTP contract: `{"error":{"code","message","details"}}`. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'database_unavailable',
  'internal_error',
  'idempotency_key_reused',
  'idempotency_in_progress',
] as const;
export type KnownErrorCode = (typeof ERROR_CODES)[number];

/** One field problem inside `details` of a 400 answer. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
