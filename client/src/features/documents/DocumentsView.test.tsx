import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MEX, seedLikeDraft } from '../../test/fixtures';
import { mockFetch, renderInRoom } from '../../test/render-room';
import { DocumentsView } from './DocumentsView';

describe('DocumentsView exports', () => {
  it('asks for the consensus draft in the language chosen, and offers the four official languages', async () => {
    const draft = seedLikeDraft();
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const requests = mockFetch((req) => (req.url.includes('/versions') ? { status: 200, body: [] } : { status: 200, body: {} }));
    const { room } = renderInRoom(<DocumentsView />, { user: MEX, draft });
    const card = screen.getByRole('region', { name: 'Export the consensus draft' });
    const language = within(card).getByLabelText('Language of the document');
    expect(within(language).getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['en', 'English'],
      ['es', 'Español'],
      ['fr', 'Français'],
      ['pt', 'Português'],
    ]);
    fireEvent.change(language, { target: { value: 'es' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Export consensus draft' }));
    await waitFor(() => expect(room.announce).toHaveBeenCalled());
    expect(requests.map((r) => r.url)).toContain(`/api/drafts/${draft.id}/export/consensus?format=docx&lang=es`);
    // A redline compares versions of the original; it offers no language of its own.
    expect(within(screen.getByRole('region', { name: 'Export the redline' })).queryByLabelText('Language of the document')).toBeNull();
  });
});
