import type { DraftView, UserView } from '@omnibus/shared';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { RoomBaseContext, RoomContext, type Room } from '../features/draft/room-context';
import { I18nextProvider, i18n } from '../i18n';

export const DELEGATIONS = [
  { code: 'CAN', name: 'Canada', aliases: [] },
  { code: 'CH', name: 'Chile', aliases: ['CHI', 'CHL'] },
  { code: 'MEX', name: 'Mexico', aliases: [] },
  { code: 'US', name: 'United States', aliases: ['USA'] },
];

export function renderInRoom(ui: ReactNode, options: { user: UserView; draft: DraftView }) {
  const room: Room = { user: options.user, draft: options.draft, delegations: DELEGATIONS, reload: vi.fn(async () => undefined), announce: vi.fn() };
  const inRoom = (node: ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <RoomContext.Provider value={room}>
        <RoomBaseContext.Provider value={{ ...room, draftId: room.draft.id, draftActions: room.draft.actions }}>{node}</RoomBaseContext.Provider>
      </RoomContext.Provider>
    </I18nextProvider>
  );
  const result = render(inRoom(ui));
  // Redraws in the same room (the same context values), as the room does when its data changes.
  return { ...result, rerender: (next: ReactNode) => result.rerender(inRoom(next)), room };
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

/** Replaces fetch with canned answers, keeping what was asked for the test to check. */
export function mockFetch(answer: (req: RecordedRequest) => { status: number; body: unknown }): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const req = { method: init.method ?? 'GET', url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    requests.push(req);
    const { status, body } = answer(req);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return requests;
}
