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
  /** A translation made from an older revision of the original; `details` has the redline since. */
  'stale_translation',
  /** A consensus export in a language where some units are not translated or outdated (`details.units`). */
  'translation_incomplete',
  /** A language the committee does not use. */
  'language_not_official',
  /** A translation into the draft's original language: edit the original instead. */
  'original_language',
  /** A translation whose brackets do not name the original's sponsors in the original's order. */
  'bracket_sponsors_mismatch',
  /** `basedOn` names a revision the original never had. */
  'invalid_revision',
  /** A deleted or withdrawn paragraph, or an amendment no longer open: nothing to translate. */
  'unit_not_translatable',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details?: unknown;
}
