import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MEX, section, seedLikeDraft } from '../../test/fixtures';
import { mockFetch, renderInRoom } from '../../test/render-room';
import { NewParagraphForm } from './NewParagraphForm';

describe('NewParagraphForm', () => {
  it('says a full cap is full before anything can be typed', () => {
    const draft = seedLikeDraft();
    const cicte = section(draft, 'CICTE');
    renderInRoom(<NewParagraphForm section={cicte} after={cicte.paragraphs[9]!} onClose={vi.fn()} />, { user: MEX, draft });
    expect(screen.getByRole('alert').textContent).toMatch(/The CICTE cap of 8 paragraphs is full \(10 of 8 in play/);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Propose/ })).toBeNull();
  });

  it("proposes after the paragraph in the delegate's name, inviting co-sponsors by code or alias", async () => {
    const draft = seedLikeDraft();
    const topic = section(draft, 'terrorism-convention');
    const requests = mockFetch(() => ({ status: 201, body: { ...topic.paragraphs[0], label: '1 bis' } }));
    const { room } = renderInRoom(<NewParagraphForm section={topic} after={topic.paragraphs[0]!} onClose={vi.fn()} />, { user: MEX, draft });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'To welcome the ratification by two more states.' } });
    fireEvent.change(screen.getByLabelText(/Invite co-sponsors/), { target: { value: 'can, chi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    await waitFor(() => expect(room.reload).toHaveBeenCalled());
    expect(requests).toEqual([
      {
        method: 'POST',
        url: `/api/drafts/${draft.id}/paragraphs`,
        body: {
          sectionId: topic.id,
          kind: 'substantive',
          text: 'To welcome the ratification by two more states.',
          afterParagraphId: topic.paragraphs[0]!.id,
          cosponsors: ['CAN', 'CH'],
        },
      },
    ]);
    expect(room.announce).toHaveBeenCalledWith('Paragraph Inter-American Convention against Terrorism 1 bis was proposed in the name of MEX.');
  });

  it("shows the server's refusal when the last place was taken meanwhile, and keeps the text", async () => {
    const draft = seedLikeDraft();
    const topic = section(draft, 'terrorism-convention');
    const message =
      'The cap of 3 substantive paragraphs for topic "terrorism-convention" is reached: 3 in play, limit 3. Delete, withdraw or merge a paragraph there first, or ask the chair to raise the cap.';
    mockFetch(() => ({ status: 409, body: { error: 'cap_exceeded', message, details: { scope: 'topic_substantive', key: 'terrorism-convention', limit: 3, used: 3 } } }));
    renderInRoom(<NewParagraphForm section={topic} after={null} onClose={vi.fn()} />, { user: MEX, draft });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'My carefully drafted words.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect((screen.getByLabelText('Text') as HTMLTextAreaElement).value).toBe('My carefully drafted words.');
  });

  it('refuses an unknown co-sponsor code without asking the server', async () => {
    const draft = seedLikeDraft();
    const requests = mockFetch(() => ({ status: 500, body: {} }));
    renderInRoom(<NewParagraphForm section={section(draft, 'preamble')} after={null} onClose={vi.fn()} />, { user: MEX, draft });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Recalling resolution AG/RES. 2950.' } });
    fireEvent.change(screen.getByLabelText(/Invite co-sponsors/), { target: { value: 'XYZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No delegation "XYZ" takes part in this committee.');
    expect(requests).toEqual([]);
  });

  it('takes a mandates paragraph as a chapeau and literals', async () => {
    const draft = seedLikeDraft();
    const topic = section(draft, 'terrorism-convention');
    const requests = mockFetch(() => ({ status: 201, body: { ...topic.paragraphs[0], label: '3' } }));
    renderInRoom(<NewParagraphForm section={topic} after={null} onClose={vi.fn()} />, { user: MEX, draft });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'mandates' } });
    fireEvent.change(screen.getByLabelText('Chapeau'), { target: { value: 'To instruct the General Secretariat, through the SMS, to:' } });
    fireEvent.change(screen.getByLabelText('a.'), { target: { value: 'support the first meeting of the States Party;' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add literal b.' }));
    fireEvent.change(screen.getByLabelText('b.'), { target: { value: 'report on its results.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose in the name of MEX' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.body).toMatchObject({
      kind: 'mandates',
      text: 'To instruct the General Secretariat, through the SMS, to:',
      literals: [{ text: 'support the first meeting of the States Party;' }, { text: 'report on its results.' }],
    });
  });
});
