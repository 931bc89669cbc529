import { LIMITS } from '@omnibus/shared';
import { describe, expect, it } from 'vitest';
import { MAX_LITERALS, literalLabel } from './names';

describe('literals', () => {
  it('offers exactly as many literals as the server takes, lettered a. to z.', () => {
    expect(MAX_LITERALS).toBe(LIMITS.literals);
    expect(literalLabel(0)).toBe('a');
    expect(literalLabel(MAX_LITERALS - 1)).toBe('z');
  });
});
