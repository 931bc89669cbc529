import { describe, expect, it } from 'vitest';
import { amendment, paragraph, section, seedLikeDraft } from '../../test/fixtures';
import { NO_FILTERS, matches } from './permissions';

describe('filters', () => {
  const draft = seedLikeDraft();
  const cicte = section(draft, 'CICTE');
  const plain = cicte.paragraphs[0]!;
  const bis = cicte.paragraphs.find((p) => p.label === '5 bis')!;
  const amended = paragraph(cicte, '7', 'To request that the SMS provide assistance.', {
    amendments: [amendment({ id: 'x' }, { kind: 'insert', start: 24, end: 24, text: ' now', sponsors: ['CAN'] })],
  });

  it('keeps only paragraphs with open amendments', () => {
    const f = { ...NO_FILTERS, withAmendments: true };
    expect([plain, bis, amended].filter((p) => matches(p, f, 'MEX')).map((p) => p.label)).toEqual(['7']);
  });

  it("keeps only the delegation's own proposals: its new paragraphs and its amendments", () => {
    const f = { ...NO_FILTERS, mine: true };
    expect([plain, bis, amended].filter((p) => matches(p, f, 'MEX')).map((p) => p.label)).toEqual(['5 bis']);
    expect([plain, bis, amended].filter((p) => matches(p, f, 'CAN')).map((p) => p.label)).toEqual(['7']);
    expect([plain, bis, amended].filter((p) => matches(p, f, null))).toEqual([]);
  });

  it('hides withdrawn paragraphs unless asked, and finds words', () => {
    const gone = { ...bis, status: 'withdrawn' as const };
    expect(matches(gone, NO_FILTERS, 'MEX')).toBe(false);
    expect(matches(gone, { ...NO_FILTERS, showClosed: true }, 'MEX')).toBe(true);
    expect(matches(bis, { ...NO_FILTERS, query: 'ENDORSE' }, null)).toBe(true);
    expect(matches(plain, { ...NO_FILTERS, query: 'endorse' }, null)).toBe(false);
  });
});
