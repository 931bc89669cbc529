import { describe, expect, it } from 'vitest';
import { amendment } from '../../test/fixtures';
import { amendedText } from './amended-text';

describe('amendedText', () => {
  const base = 'To convene CICTE in the first half of 2022.';
  const p = { id: 'p' };
  it('applies insertions, deletions, replacements and the first alternative', () => {
    const amendments = [
      amendment(p, { kind: 'insert', start: 16, end: 16, text: ' again', sponsors: ['CAN'] }),
      amendment(p, { kind: 'replace', start: 24, end: 29, text: 'second', sponsors: ['MEX'] }),
      amendment(p, { kind: 'delete', start: 34, end: 42, sponsors: ['US'] }),
    ];
    expect(amendedText(base, amendments)).toEqual({ text: 'To convene CICTE again in the second half.', skipped: 0 });
  });

  it('leaves out an amendment overlapping an earlier one and counts it', () => {
    const amendments = [
      amendment(p, { kind: 'delete', start: 17, end: 34, sponsors: ['US'] }),
      amendment(p, { kind: 'replace', start: 24, end: 29, text: 'second', sponsors: ['MEX'] }),
      amendment(p, { kind: 'delete', start: 0, end: 2, sponsors: ['US'], status: 'withdrawn' }),
    ];
    expect(amendedText(base, amendments)).toEqual({ text: 'To convene CICTE  of 2022.', skipped: 1 });
  });
});
