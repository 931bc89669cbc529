import { z } from 'zod';
import { AppError } from './app-error';

/**
 * Parses untrusted input against a schema or throws `validation_failed` listing each problem with
 * its path, so the caller can fix every field in one go.
 */
export function validate<T extends z.ZodType>(schema: T, input: unknown, what = 'request body'): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    // A refused character (cleanString) travels with its code point, name and position.
    const character = issue.code === 'custom' ? (issue.params as { character?: unknown } | undefined)?.character : undefined;
    return character === undefined ? { path, message: issue.message } : { path, message: issue.message, character };
  });
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
  throw new AppError(
    'validation_failed',
    `The ${what} is not valid (${summary}${issues.length > 1 ? `, and ${issues.length - 1} more` : ''}).`,
    { issues },
  );
}

export const uuidParam = (value: string, what: string): string => {
  if (!z.uuid().safeParse(value).success) {
    throw new AppError('not_found', `No ${what} with id "${value.slice(0, 80)}" exists, or you may not see it.`, {
      resource: what,
      id: value.slice(0, 80),
    });
  }
  return value;
};
