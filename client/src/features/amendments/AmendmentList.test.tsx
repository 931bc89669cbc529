import { describe, expect, it } from 'vitest';
import { CICTE_9, MEX, amendment, section, seedLikeDraft } from '../../test/fixtures';
import { renderInRoom } from '../../test/render-room';
import { AmendmentList } from './AmendmentList';

describe('AmendmentList', () => {
  it('keeps an amendment\'s kind and sponsors on screen as they are while its paragraph\'s words change', () => {
    const draft = seedLikeDraft();
    const p = section(draft, 'CICTE').paragraphs[9]!;
    const words = 'in the first half of 2022';
    const start = CICTE_9.indexOf(words);
    const amendments = [amendment(p, { kind: 'delete', start, end: start + words.length, sponsors: ['CAN', 'MEX'] })];
    const { container, rerender } = renderInRoom(<AmendmentList paragraph={p} amendments={amendments} />, { user: MEX, draft });
    const kind = container.querySelector('.amendment-kind');
    const sponsors = container.querySelector('.amendment-head strong');
    expect(container.querySelector('.amendment-head')?.textContent).toBe('Deletion by CAN and MEX');

    // Someone types in the paragraph: the item redraws with the new words, its head stays as it is.
    const typed = { ...p, text: `${CICTE_9} More words.` };
    rerender(<AmendmentList paragraph={typed} amendments={amendments} />);
    expect(container.querySelector('.amendment-kind')).toBe(kind);
    expect(container.querySelector('.amendment-head strong')).toBe(sponsors);
    expect(container.querySelector('.amendment-head')?.textContent).toBe('Deletion by CAN and MEX');

    // A new sponsor does redraw it.
    const joined = [{ ...amendments[0]!, sponsors: ['CAN', 'MEX', 'US'] }];
    rerender(<AmendmentList paragraph={typed} amendments={joined} />);
    expect(container.querySelector('.amendment-head')?.textContent).toBe('Deletion by CAN, MEX and US');
  });
});
