import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { amendment, paragraph } from '../../test/fixtures';
import { ParagraphRedline } from './ParagraphRedline';

describe('ParagraphRedline', () => {
  it('marks, word by word, what the open amendments would change in the base text', () => {
    const base = 'To convene CICTE in the first half of 2022.';
    const p = paragraph({ id: 's' }, '9', base);
    const withAmendments = { ...p, amendments: [amendment(p, { kind: 'replace', start: 24, end: 29, text: 'second', sponsors: ['MEX'] })] };
    const { container } = render(<ParagraphRedline paragraph={withAmendments} />);
    expect([...container.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['first']);
    expect([...container.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['second']);
    expect(container.querySelector('.redline')?.textContent).toBe('To convene CICTE in the firstsecond half of 2022.');
  });
});
