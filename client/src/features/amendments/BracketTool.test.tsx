import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CICTE_9, MEX, amendment, section, seedLikeDraft } from '../../test/fixtures';
import { mockFetch, renderInRoom } from '../../test/render-room';
import { BracketTool } from './BracketTool';

function select(start: number, end: number) {
  const base = screen.getByLabelText(/^Base text/) as HTMLTextAreaElement;
  base.setSelectionRange(start, end);
  fireEvent.select(base);
}

describe('BracketTool', () => {
  const words = 'in the first half of 2022';
  const start = CICTE_9.indexOf(words);

  it('turns selected words into a replacement in the delegation\'s name and shows how it will read', async () => {
    const draft = seedLikeDraft();
    const p = section(draft, 'CICTE').paragraphs[9]!;
    const requests = mockFetch(() => ({ status: 201, body: {} }));
    const { room } = renderInRoom(<BracketTool paragraph={p} onClose={vi.fn()} />, { user: MEX, draft });
    select(start, start + words.length);
    expect(screen.getByText(`Selected: “${words}”`)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New words'), { target: { value: 'no later than March 2022' } });
    fireEvent.change(screen.getByLabelText(/Invite co-sponsors/), { target: { value: 'CAN' } });
    expect(screen.getByText(`[MEX: replace “${words}” with “no later than March 2022”]`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    await waitFor(() => expect(room.reload).toHaveBeenCalled());
    expect(requests[0]).toEqual({
      method: 'POST',
      url: `/api/paragraphs/${p.id}/amendments`,
      body: { kind: 'replace', start, end: start + words.length, text: 'no later than March 2022', cosponsors: ['CAN'] },
    });
  });

  it('inserts at the cursor and deletes a selection without text', async () => {
    const draft = seedLikeDraft();
    const p = section(draft, 'CICTE').paragraphs[9]!;
    const requests = mockFetch(() => ({ status: 201, body: {} }));
    renderInRoom(<BracketTool paragraph={p} onClose={vi.fn()} />, { user: MEX, draft });
    fireEvent.click(screen.getByLabelText('Deletion'));
    select(start, start + words.length);
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.body).toEqual({ kind: 'delete', start, end: start + words.length, text: '' });
  });

  it('joins an alternative already proposed for the same words', async () => {
    const draft = seedLikeDraft();
    const p = section(draft, 'CICTE').paragraphs[9]!;
    const alt1 = amendment(p, { kind: 'alternative', start, end: start + words.length, text: 'in 2023', sponsors: ['BRA'], alternativeGroup: 'g', alternativeNumber: 1 });
    const withAlt = { ...p, amendments: [alt1] };
    const requests = mockFetch(() => ({ status: 201, body: {} }));
    renderInRoom(<BracketTool paragraph={withAlt} onClose={vi.fn()} />, { user: MEX, draft });
    fireEvent.click(screen.getByLabelText('Alternative'));
    select(start, start + words.length);
    fireEvent.change(screen.getByLabelText('Alternative wording'), { target: { value: 'before June 2022' } });
    expect(screen.getByText('[Alt 2 (MEX): before June 2022]')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.body).toMatchObject({ kind: 'alternative', alternativeTo: alt1.id });
  });

  it('asks for a selection before a replacement, and shows a refusal from the server as a sentence', async () => {
    const draft = seedLikeDraft();
    const p = section(draft, 'CICTE').paragraphs[9]!;
    mockFetch(() => ({ status: 409, body: { error: 'invalid_state', message: 'Paragraph 9 is approved; it is no longer open to amendments.' } }));
    renderInRoom(<BracketTool paragraph={p} onClose={vi.fn()} />, { user: MEX, draft });
    fireEvent.change(screen.getByLabelText('New words'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Select the words in the paragraph first/);
    select(0, 2);
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    expect((await screen.findByText('Paragraph 9 is approved; it is no longer open to amendments.')).getAttribute('role')).toBe('alert');
  });
});
