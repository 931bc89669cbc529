import { describe, expect, it } from 'vitest';
import { MEX, section, seedLikeDraft } from '../../test/fixtures';
import { renderInRoom } from '../../test/render-room';
import { DraftDocument } from './DraftDocument';
import { LAZY_CARDS_FROM_BRACKETS, bracketsIn } from './lazy-cards';
import type { DraftView } from '@omnibus/shared';

/** The seed's draft with `count` more brackets in CICTE's paragraph 9, each in a delegation's name. */
function withBrackets(count: number): DraftView {
  const draft = seedLikeDraft();
  const cicte = section(draft, 'CICTE');
  const p = cicte.paragraphs[9]!;
  const more = Array.from({ length: count }, (_, i) => ` [MEX: word ${i}]`).join('');
  const paragraphs = cicte.paragraphs.map((x) => (x === p ? { ...p, compiled: p.compiled + more } : x));
  return { ...draft, sections: draft.sections.map((s) => (s === cicte ? { ...cicte, paragraphs } : s)) };
}

describe('cards off screen in a draft with hundreds of brackets', () => {
  it('counts the brackets the cards draw', () => {
    const base = bracketsIn(seedLikeDraft());
    expect(bracketsIn(withBrackets(7))).toBe(base + 7);
  });

  it('are drawn lazily only from the threshold, with every word still in the page', () => {
    const base = bracketsIn(seedLikeDraft());
    const below = withBrackets(LAZY_CARDS_FROM_BRACKETS - base - 1);
    const full = renderInRoom(<DraftDocument aside={null} />, { user: MEX, draft: below });
    expect(full.container.querySelector('main.draft')?.classList.contains('lazy-cards')).toBe(false);

    const at = withBrackets(LAZY_CARDS_FROM_BRACKETS - base);
    const lazy = renderInRoom(<DraftDocument aside={null} />, { user: MEX, draft: at });
    const main = lazy.container.querySelector('main.draft');
    expect(main?.classList.contains('lazy-cards')).toBe(true);
    // Every paragraph is in the page, its words and brackets with it.
    const cards = main!.querySelectorAll('article.paragraph');
    expect(cards.length).toBe(at.sections.reduce((n, s) => n + s.paragraphs.length, 0));
    expect(main!.textContent).toContain(`[MEX: word ${LAZY_CARDS_FROM_BRACKETS - base - 1}]`);
  });
});
