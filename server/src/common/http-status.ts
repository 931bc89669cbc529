import type { ErrorCode } from '@omnibus/shared';

function assertUnreachable(value: never): never {
  throw new Error(`Unmapped error code ${String(value)}`);
}

/** One place maps every error code to its HTTP status; adding a code without a status fails to compile. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_json':
    case 'validation_failed':
    case 'kind_not_allowed':
      return 400;
    case 'unauthorized':
    case 'token_expired':
      return 401;
    case 'forbidden':
    case 'sponsor_not_consented':
      return 403;
    case 'not_found':
      return 404;
    case 'cap_exceeded':
    case 'label_taken':
    case 'invalid_state':
    case 'conflict':
    case 'over_cap_import':
    case 'deadline_passed':
    case 'stale_translation':
    case 'translation_incomplete':
    case 'unit_not_translatable':
      return 409;
    case 'language_not_official':
    case 'original_language':
    case 'bracket_sponsors_mismatch':
    case 'invalid_revision':
      return 422;
    case 'payload_too_large':
      return 413;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}
