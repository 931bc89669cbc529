import type { ErrorCode } from '@omnibus/shared';

/** An error a person can act on: a code clients switch on, a sentence, and optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError('not_found', `No ${what} with id "${id}" exists, or you may not see it.`, { resource: what, id });

export const forbidden = (message: string): AppError => new AppError('forbidden', message);
