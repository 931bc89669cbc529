import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CompiledText } from './CompiledText';

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
});
