import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAN, MEX, seedLikeDraft, section } from '../../test/fixtures';
import { mockFetch, renderInRoom } from '../../test/render-room';
import { ReservationFootnotes } from './Reservations';

afterEach(() => vi.unstubAllGlobals());

describe('ReservationFootnotes', () => {
  it('offers the reserving delegation, and only it, to withdraw its reservation, and reads the list again', async () => {
    const draft = seedLikeDraft();
    const p = section(draft, 'terrorism-convention').paragraphs[0]!;
    const notes = [
      { id: 'r-mex', paragraphId: p.id, delegation: 'MEX', text: 'Mexico reserves.', createdAt: '2022-09-01T15:00:00.000Z' },
      { id: 'r-can', paragraphId: p.id, delegation: 'CAN', text: 'Canada reserves.', createdAt: '2022-09-01T15:01:00.000Z' },
    ];
    let withdrawn = false;
    const requests = mockFetch((req) => {
      if (req.method === 'POST' && req.url === '/api/reservations/r-mex/withdraw') {
        withdrawn = true;
        return { status: 200, body: notes[0] };
      }
      return { status: 200, body: withdrawn ? notes.slice(1) : notes };
    });
    const { room } = renderInRoom(
      <QueryClientProvider client={new QueryClient()}>
        <ReservationFootnotes p={{ ...p, status: 'approved' }} sectionKey="terrorism-convention" />
      </QueryClientProvider>,
      { user: MEX, draft },
    );
    const list = await screen.findByRole('complementary', { name: 'Reservations to paragraph terrorism-convention 1' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    // One button: beside Mexico's own footnote, none beside Canada's.
    const [button, ...others] = within(list).getAllByRole('button', { name: "Withdraw your delegation's reservation to paragraph terrorism-convention 1" });
    expect(others).toEqual([]);
    expect(button!.closest('li')?.getAttribute('data-reservation')).toBe('MEX');
    fireEvent.click(button!);
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.getAttribute('data-reservation'))).toEqual(['CAN']));
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/api/reservations/r-mex/withdraw']);
    expect(room.announce).toHaveBeenCalledWith("Your delegation's reservation to terrorism-convention 1 is withdrawn; it no longer appears as a footnote.");
  });

  it('offers nothing to withdraw to another delegation', async () => {
    const draft = seedLikeDraft();
    const p = section(draft, 'terrorism-convention').paragraphs[0]!;
    mockFetch(() => ({ status: 200, body: [{ id: 'r-mex', paragraphId: p.id, delegation: 'MEX', text: 'Mexico reserves.', createdAt: '2022-09-01T15:00:00.000Z' }] }));
    renderInRoom(
      <QueryClientProvider client={new QueryClient()}>
        <ReservationFootnotes p={{ ...p, status: 'approved' }} sectionKey="terrorism-convention" />
      </QueryClientProvider>,
      { user: CAN, draft },
    );
    const list = await screen.findByRole('complementary');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).queryByRole('button')).toBeNull();
  });
});
