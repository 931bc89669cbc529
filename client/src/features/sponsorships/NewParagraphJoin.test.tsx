import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Invitation } from '../../api/endpoints';
import { allowed, amendment, CAN, MEX, paragraph, section, seedLikeDraft } from '../../test/fixtures';
import { mockFetch, renderInRoom } from '../../test/render-room';
import { ParagraphCard } from '../draft/ParagraphCard';
import { CompiledText } from '../draft/CompiledText';
import { InvitationsPanel } from './Invitations';

afterEach(() => vi.unstubAllGlobals());

const fiveBis = () => {
  const draft = seedLikeDraft();
  const cicte = section(draft, 'CICTE');
  return { draft, cicte, bis: cicte.paragraphs.find((p) => p.label === '5 bis')! };
};

describe("another delegation and a delegation's new paragraph", () => {
  it('offers CAN "Propose amendment" and "Ask to co-sponsor" on 5 bis, and sends the request', async () => {
    const { draft, cicte, bis } = fiveBis();
    const requests = mockFetch(() => ({ status: 201, body: { id: 'r1', draftId: draft.id, paragraphId: bis.id, amendmentId: null, delegation: 'CAN', status: 'requested' } }));
    // What the server sends CAN for another delegation's open new paragraph.
    const p = { ...bis, actions: allowed({ amend: true, askToCosponsor: true, comment: true }) };
    const { room } = renderInRoom(<ParagraphCard section={cicte} p={p} />, { user: CAN, draft });
    const actions = screen.getByRole('group', { name: 'Actions on paragraph 5 bis' });
    expect(within(actions).getByRole('button', { name: 'Propose amendment' })).toBeTruthy();
    fireEvent.click(within(actions).getByRole('button', { name: 'Ask to co-sponsor' }));
    await waitFor(() => expect(room.reload).toHaveBeenCalled());
    expect(requests).toEqual([{ method: 'POST', url: `/api/paragraphs/${bis.id}/join-requests`, body: undefined }]);
    expect(room.announce).toHaveBeenCalledWith('Your delegation asked to join CH, MEX and US as a co-sponsor of paragraph 5 bis; they will accept or decline.');
  });

  it("offers neither to a sponsor, nor the request once CAN's is waiting, and shows who asked", () => {
    const { draft, cicte, bis } = fiveBis();
    // A sponsor may amend as the server sees it, but edits the words of its own paragraph instead.
    const sponsor = { ...bis, actions: allowed({ editText: true, editBaseText: true, amend: true, inviteCosponsors: true, comment: true }) };
    renderInRoom(<ParagraphCard section={cicte} p={sponsor} />, { user: MEX, draft });
    expect(screen.queryByRole('button', { name: 'Propose amendment' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ask to co-sponsor' })).toBeNull();
    const pending = { ...bis, requested: ['CAN'], actions: allowed({ amend: true, comment: true }) };
    renderInRoom(<ParagraphCard section={cicte} p={pending} />, { user: CAN, draft });
    expect(screen.queryByRole('button', { name: 'Ask to co-sponsor' })).toBeNull();
    expect(screen.getByText('Asked to join the sponsors, not yet answered: CAN')).toBeTruthy();
  });

  it('shows the sponsors the request in the Invitations panel and accepts it', async () => {
    const { draft, bis } = fiveBis();
    const request: Invitation = { id: 'r1', draftId: draft.id, paragraphId: bis.id, amendmentId: null, delegation: 'CAN', status: 'requested' };
    const requests = mockFetch(() => ({ status: 200, body: { ...request, status: 'accepted' } }));
    const onAnswered = vi.fn(async () => undefined);
    const { room } = renderInRoom(<InvitationsPanel invitations={[request]} onAnswered={onAnswered} onClose={vi.fn()} />, { user: MEX, draft });
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('CAN asks to join CH, MEX and US as a co-sponsor of the new CICTE paragraph 5 bis:');
    fireEvent.click(within(item).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(onAnswered).toHaveBeenCalled());
    expect(requests).toEqual([{ method: 'POST', url: '/api/sponsorships/r1/accept', body: undefined }]);
    expect(room.announce).toHaveBeenCalledWith('CAN now co-sponsors the new CICTE paragraph 5 bis.');
  });

  it("draws CAN's bracket inside the sponsors' bracket", () => {
    const { cicte } = fiveBis();
    const base = paragraph(cicte, '5 bis', 'To endorse the consensus reports.', { sponsors: ['CH', 'MEX', 'US'] });
    const can = amendment(base, { kind: 'insert', start: 15, end: 15, text: 'biennial ', sponsors: ['CAN'] });
    const p = paragraph(cicte, '5 bis', base.text, { sponsors: ['CH', 'MEX', 'US'], amendments: [can] });
    expect(p.compiled).toBe('[CH, MEX and US: To endorse the [CAN: biennial ]consensus reports.]');
    const { container } = renderInRoom(<CompiledText compiled={p.compiled} />, { user: MEX, draft: seedLikeDraft() });
    const outer = container.querySelector('[data-bracket="insert"]')!;
    const inner = outer.querySelector('[data-bracket="insert"]')!;
    expect(inner.textContent).toBe('[CAN: biennial ]');
    expect(outer.textContent).toBe('[CH, MEX and US: To endorse the [CAN: biennial ]consensus reports.]');
  });
});
