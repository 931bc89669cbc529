/** Every error code the API and the real-time channel can answer with; clients switch on these. */
export const ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'payload_too_large',
  'unauthorized',
  'token_expired',
  'forbidden',
  'not_found',
  'rate_limited',
  'cap_exceeded',
  'kind_not_allowed',
  'label_taken',
  'invalid_state',
  'sponsor_not_consented',
  'conflict',
  'over_cap_import',
  /** The comment window or a silence procedure closed at a deadline the message names. */
  'deadline_passed',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details?: unknown;
}
