import type { DraftView } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { connectLive, LiveClient, refusedHandshake, travelTo } from './live-helpers';
import { meetingAt, toNegotiation } from './workflow-helpers';

let t: TestServer;
let draft: DraftView;
let chair: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  draft = await demoDraft(t, chair);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

describe('the live room on socket.io namespace /live', () => {
  it('refuses a handshake without a valid token or draft, with the API’s error body', async () => {
    const none = await refusedHandshake(t, {});
    expect(none.data).toMatchObject({ error: 'unauthorized' });
    expect(none.message).toContain('auth: { token, draftId }');
    expect((await refusedHandshake(t, { token: 'not-a-token', draftId: draft.id })).data.error).toBe('unauthorized');
    expect((await refusedHandshake(t, { token: chair, draftId: '00000000-0000-4000-8000-000000000000' })).data.error).toBe('not_found');
    expect((await refusedHandshake(t, { token: chair, draftId: 'x'.repeat(50) })).data.error).toBe('unauthorized');
  });

  it('tells a new connection where the room stands', async () => {
    const mex = await connectLive(t, await t.login('mex'), draft.id);
    clients.push(mex);
    const state = await mex.waitFor('state');
    expect(state).toMatchObject({
      draftId: draft.id,
      user: { username: 'mex', role: 'delegate', delegation: 'MEX' },
      workflow: { phase: 'drafting', timeZone: 'America/New_York', commentDeadline: '2022-08-15T03:59:00.000Z' },
      session: null,
    });
  });

  it('answers client events through the acknowledgement, refusing clearly', async () => {
    const mex = clients[0]!;
    expect(await mex.socket.emitWithAck('floor.request', {})).toMatchObject({ ok: false, error: 'invalid_state' });
    expect(await mex.socket.emitWithAck('floor.request', { paragraphId: 'nope' })).toMatchObject({ ok: false, error: 'validation_failed' });
    const state = await mex.socket.emitWithAck('state.request');
    expect(state).toMatchObject({ ok: true, data: { draftId: draft.id } });
  });

  it('shows a called paragraph and each decision with the tally to everyone connected, and to no other draft', async () => {
    await toNegotiation(t, draft.id, chair);
    const tokens = await Promise.all(['observer', 'us', 'ch', 'bra', 'can', 'arg', 'col', 'per', 'secretariat', 'vicechair'].map((u) => t.login(u)));
    for (const token of tokens) clients.push(await connectLive(t, token, draft.id));
    const secretariat = await t.login('secretariat');
    const other = await t.api('POST', '/api/drafts', { token: secretariat, body: { title: 'Another draft', symbol: 'CP/CSH/yyyy/22' } });
    const elsewhere = await connectLive(t, chair, other.body.id);
    clients.push(elsewhere);

    travelTo(t, '2022-09-01T14:05:00Z');
    const session = await t.api('POST', `/api/drafts/${draft.id}/sessions`, { token: chair, body: { meetingId: await meetingAt(t, chair, '2022-09-01T14:00:00.000Z') } });
    expect(session.status).toBe(201);
    // With no amendment proposed every paragraph is in consensus: the first in document order comes first.
    const first = paragraph(section(draft, 'topic', 'terrorism-convention'), '1');
    await t.api('POST', `/api/sessions/${session.body.id}/call`, { token: chair, body: {} });
    const decided = await t.api('POST', `/api/sessions/${session.body.id}/decisions`, { token: chair, body: { decision: 'approved' } });
    expect(decided.status).toBe(201);
    const room = clients.filter((c) => c !== elsewhere);
    expect(room).toHaveLength(11);
    for (const c of room) {
      expect((await c.waitFor('paragraph.called')).item).toMatchObject({ paragraphId: first.id, label: '1', sectionKey: 'terrorism-convention', group: 'consensus' });
      expect(await c.waitFor('decision.recorded')).toMatchObject({ sessionId: session.body.id, tally: { text: '1 of 12 approved' } });
    }
    expect(elsewhere.received.map((r) => r.event)).toEqual(['state']);

    // A delegate asks for the floor through the socket; the room sees the speakers' queue change.
    const us = clients[2]!;
    const ack = await us.socket.emitWithAck('floor.request', { paragraphId: first.id });
    expect(ack).toMatchObject({ ok: true, data: [{ delegation: 'US', status: 'waiting', paragraphId: first.id }] });
    await clients[1]!.waitFor('speakers.changed', (p) => p.speakers[0]?.delegation === 'US');
    const observer = clients[1]!;
    expect(await observer.socket.emitWithAck('floor.request', {})).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await us.socket.emitWithAck('floor.withdraw')).toMatchObject({ ok: true, data: [] });
  });

  it('ends the speakers of a decided paragraph in the database, so a reconnecting client does not see the old speaker again', async () => {
    const current = await t.api('GET', `/api/drafts/${draft.id}/sessions/current`, { token: chair });
    const s = `/api/sessions/${current.body.session.id}`;
    expect((await t.api('POST', `${s}/call`, { token: chair, body: {} })).status).toBeLessThan(300);
    const called = (await t.api('GET', s, { token: chair })).body.currentParagraphId as string;
    expect(called).toEqual(expect.any(String));
    const [us, can, arg] = [clients[2]!, clients[5]!, clients[6]!];
    expect(await us.socket.emitWithAck('floor.request', { paragraphId: called })).toMatchObject({ ok: true });
    expect(await can.socket.emitWithAck('floor.request', {})).toMatchObject({ ok: true });
    expect(await arg.socket.emitWithAck('floor.request', { paragraphId: called })).toMatchObject({ ok: true });
    const given = await t.api('POST', `${s}/speakers/next`, { token: chair, body: {} });
    expect(given.body.map((sp: { delegation: string; status: string }) => `${sp.delegation} ${sp.status}`)).toEqual(['US speaking', 'CAN waiting', 'ARG waiting']);

    const watcher = clients[1]!;
    const seen = watcher.received.length;
    expect((await t.api('POST', `${s}/decisions`, { token: chair, body: { decision: 'approved' } })).status).toBe(201);
    // The speaker and those waiting on the decided paragraph are done; a request for the floor in general stays.
    const after = await watcher.waitFor('speakers.changed', (p) => watcher.received.findIndex((r) => r.payload === p) >= seen);
    expect(after.speakers.map((sp: { delegation: string; status: string }) => `${sp.delegation} ${sp.status}`)).toEqual(['CAN waiting']);
    const order = watcher.received.slice(seen).map((r) => r.event);
    expect(order.indexOf('decision.recorded')).toBeLessThan(order.indexOf('speakers.changed'));

    const again = await connectLive(t, await t.login('us'), draft.id);
    clients.push(again);
    const state = await again.waitFor('state');
    expect(state.session.speakers.map((sp: { delegation: string }) => sp.delegation)).toEqual(['CAN']);
    expect((await t.api('GET', `${s}/speakers`, { token: chair })).body.map((sp: { delegation: string }) => sp.delegation)).toEqual(['CAN']);
    const history = await t.api('GET', `/api/drafts/${draft.id}/history?targetId=${called}`, { token: chair });
    expect(history.body.find((e: { action: string }) => e.action === 'session.decision.approved').after.speakersDone).toBe(2);
  });
});
