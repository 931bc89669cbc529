import type { UserView } from '@omnibus/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { allowed, paragraph, section, seedLikeDraft } from '../../test/fixtures';
import { mockFetch, renderInRoom } from '../../test/render-room';
import { LiteralsEditor } from './LiteralsEditor';
import { ParagraphCard } from './ParagraphCard';

const CHAIR: UserView = { id: 'chair', username: 'chair', displayName: 'Chair', role: 'chair', delegation: null };

function mandates() {
  const draft = seedLikeDraft();
  const cicte = section(draft, 'CICTE');
  const p = paragraph(cicte, '8', 'To instruct the General Secretariat, through the SMS, to:', {
    kind: 'mandates',
    version: 4,
    literals: [
      { label: 'a', text: 'convene a joint meeting of CICTE and CICAD;' },
      { label: 'b', text: 'report to the Committee.' },
    ],
  });
  return { draft, p };
}

describe('LiteralsEditor', () => {
  it('saves the edited, reordered list against the version it started from', async () => {
    const { draft, p } = mandates();
    const requests = mockFetch(() => ({ status: 200, body: p }));
    const onClose = vi.fn();
    const { room } = renderInRoom(<LiteralsEditor paragraph={p} onClose={onClose} />, { user: CHAIR, draft });
    fireEvent.change(screen.getByLabelText('Literal b'), { target: { value: 'report to the Committee before the fifty-second regular session.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add literal c.' }));
    fireEvent.change(screen.getByLabelText('Literal c'), { target: { value: '  support the States Party.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move literal c up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save literals' }));
    await waitFor(() => expect(room.reload).toHaveBeenCalled());
    expect(requests).toEqual([
      {
        method: 'PATCH',
        url: `/api/paragraphs/${p.id}`,
        body: {
          literals: [{ text: 'convene a joint meeting of CICTE and CICAD;' }, { text: 'support the States Party.' }, { text: 'report to the Committee before the fifty-second regular session.' }],
          version: 4,
        },
      },
    ]);
    expect(onClose).toHaveBeenCalled();
  });

  it("keeps the person's work and shows the server's sentence when someone else saved first", async () => {
    const { draft, p } = mandates();
    mockFetch(() => ({ status: 409, body: { error: 'conflict', message: 'Paragraph 8 was changed by someone else (now version 5). Reload it and apply your change again.' } }));
    const onClose = vi.fn();
    renderInRoom(<LiteralsEditor paragraph={p} onClose={onClose} />, { user: CHAIR, draft });
    fireEvent.change(screen.getByLabelText('Literal a'), { target: { value: 'convene a meeting;' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save literals' }));
    expect((await screen.findByRole('alert')).textContent).toContain('changed by someone else (now version 5)');
    expect((screen.getByLabelText('Literal a') as HTMLTextAreaElement).value).toBe('convene a meeting;');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('refuses to save an empty list before asking the server', async () => {
    const { draft, p } = mandates();
    const requests = mockFetch(() => ({ status: 200, body: p }));
    renderInRoom(<LiteralsEditor paragraph={p} onClose={vi.fn()} />, { user: CHAIR, draft });
    fireEvent.click(screen.getByRole('button', { name: 'Remove literal b' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove literal a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save literals' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at least one literal/);
    expect(requests).toEqual([]);
  });

  it('is offered exactly when the server says the person may edit the text', () => {
    const { draft, p } = mandates();
    const cicte = section(draft, 'CICTE');
    const button = () => screen.queryByRole('button', { name: 'Edit literals' });
    const first = renderInRoom(<ParagraphCard section={cicte} p={{ ...p, actions: allowed({ editText: true }) }} />, { user: CHAIR, draft });
    expect(button()).not.toBeNull();
    first.unmount();
    // The same chair, once the server no longer allows it (the paragraph approved, say): no button.
    renderInRoom(<ParagraphCard section={cicte} p={{ ...p, actions: allowed() }} />, { user: CHAIR, draft });
    expect(button()).toBeNull();
  });
});
