import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { formatSponsorList } from '../../i18n';
import { CompiledText } from './CompiledText';

// Each bracket names its sponsors through this: counting the calls counts the brackets drawn.
vi.mock('../../i18n', async (actual) => {
  const real = await actual<typeof import('../../i18n')>();
  return { ...real, formatSponsorList: vi.fn(real.formatSponsorList) };
});

describe('CompiledText', () => {
  it('draws a new paragraph as one bracket in its sponsors\' names', () => {
    const { container } = render(<CompiledText compiled="[CH, MEX and US: To endorse the 2021 consensus reports.]" />);
    expect(container.textContent).toBe('[CH, MEX and US: To endorse the 2021 consensus reports.]');
    expect(container.querySelector('.sponsors')?.textContent).toBe('CH, MEX and US:');
  });

  it('draws insertions, deletions, replacements and alternatives where they apply', () => {
    const compiled =
      'To request that the SMS [CAN: , through the CICTE Secretariat,] provide assistance [US: delete] in 2022 [MEX: replace “first” with “second”] half [Alt 1 (BRA): one] [Alt 2 (MEX): two]';
    const { container } = render(<CompiledText compiled={compiled} />);
    expect(container.textContent).toBe(compiled);
    const kinds = [...container.querySelectorAll('[data-bracket]')].map((b) => b.getAttribute('data-bracket'));
    expect(kinds).toEqual(['insert', 'delete', 'replace', 'alternative', 'alternative']);
    expect(container.querySelector('.bracket-replace del')?.textContent).toBe('first');
    expect(container.querySelector('.bracket-replace ins')?.textContent).toBe('second');
  });

  it('shows text it cannot read as it is rather than hiding it', () => {
    const { container } = render(<CompiledText compiled="broken [bracket" />);
    expect(container.textContent).toBe('broken [bracket');
  });

  it('draws again only the bracket whose words changed', () => {
    const before = 'To request [CAN: assistance] and [MEX: support] from [US: member states] in 2022';
    const { container, rerender } = render(<CompiledText compiled={before} />);
    const drawn = vi.mocked(formatSponsorList);
    drawn.mockClear();
    // A delegate types inside MEX's bracket: that bracket alone is drawn again.
    const typed = before.replace('support]', 'support and training]');
    rerender(<CompiledText compiled={typed} />);
    expect(container.textContent).toBe(typed);
    expect(drawn.mock.calls).toEqual([[['MEX']]]);
    // A bracket opened before the others moves them: all after it are drawn again, nothing is lost.
    drawn.mockClear();
    const opened = typed.replace('To request', 'To request [BRA: urgently]');
    rerender(<CompiledText compiled={opened} />);
    expect(container.textContent).toBe(opened);
    expect(drawn.mock.calls.map(([codes]) => codes)).toEqual([['BRA'], ['CAN'], ['MEX'], ['US']]);
  });
});
