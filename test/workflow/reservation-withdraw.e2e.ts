import type { DraftView } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { connectLive, LiveClient, travelTo } from './live-helpers';
import { meetingAt, ok, toNegotiation } from './workflow-helpers';

/** A delegation takes back its reservation to an approved paragraph: its own, once, audited, and the room hears of it. */
let t: TestServer;
let draft: DraftView;
let chair: string;
let approvedId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  draft = await demoDraft(t, chair);
  await toNegotiation(t, draft.id, chair);
  travelTo(t, '2022-09-01T14:05:00Z');
  const session = await ok(t, `/api/drafts/${draft.id}/sessions`, chair, { meetingId: await meetingAt(t, chair, '2022-09-01T14:00:00.000Z') });
  await ok(t, `/api/sessions/${session.id}/call`, chair);
  approvedId = paragraph(section(draft, 'topic', 'terrorism-convention'), '1').id;
  await ok(t, `/api/sessions/${session.id}/decisions`, chair, { decision: 'approved', paragraphId: approvedId });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

describe('POST /api/reservations/:id/withdraw', () => {
  it('lets only the reserving delegation withdraw, once, audited, and tells the room the draft changed', async () => {
    const [mex, can, observer] = await Promise.all(['mex', 'can', 'observer'].map((u) => t.login(u)));
    const text = 'Mexico reserves its position on this paragraph.';
    const made = await t.api('POST', `/api/paragraphs/${approvedId}/reservations`, { token: mex!, body: { text } });
    expect(made.status).toBe(201);
    const id = made.body.id as string;

    const refused = async (token: string, target: string, status: number, error: string) => {
      const res = await t.api('POST', `/api/reservations/${target}/withdraw`, { token });
      expect([res.status, res.body.error]).toEqual([status, error]);
      expect(typeof res.body.message).toBe('string');
    };
    await refused(can!, id, 403, 'forbidden');
    await refused(chair, id, 403, 'forbidden');
    await refused(observer!, id, 403, 'forbidden');
    await refused(mex!, '00000000-0000-4000-8000-000000000000', 404, 'not_found');
    await refused(mex!, 'not-an-id', 404, 'not_found');
    // Refusals change nothing.
    expect((await t.api('GET', `/api/paragraphs/${approvedId}/reservations`, { token: can! })).body.map((r: { id: string }) => r.id)).toEqual([id]);

    const watcher = await connectLive(t, observer!, draft.id);
    clients.push(watcher);
    await watcher.waitFor('state');
    const withdrawn = await t.api('POST', `/api/reservations/${id}/withdraw`, { token: mex! });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id, paragraphId: approvedId, delegation: 'MEX', text });
    const changed = await watcher.waitFor('draft.changed', (p) => p.kind === 'reservation.withdraw');
    expect(changed).toMatchObject({ draftId: draft.id });
    expect(changed.ids).toContain(approvedId);

    expect((await t.api('GET', `/api/paragraphs/${approvedId}/reservations`, { token: can! })).body).toEqual([]);
    const view = (await t.api('GET', `/api/drafts/${draft.id}`, { token: can! })).body as DraftView;
    expect(paragraph(section(view, 'topic', 'terrorism-convention'), '1').reservations ?? []).toEqual([]);

    await refused(mex!, id, 409, 'conflict');

    const history = await t.api('GET', `/api/drafts/${draft.id}/history?targetId=${id}`, { token: chair });
    expect(history.body.map((e: { action: string; actor: { delegation: string | null }; before: unknown }) => [e.action, e.actor.delegation, e.before])).toEqual([
      ['reservation.withdraw', 'MEX', expect.objectContaining({ id, text })],
    ]);

    // Withdrawn, not barred: the delegation may record a reservation again.
    expect((await t.api('POST', `/api/paragraphs/${approvedId}/reservations`, { token: mex!, body: { text: 'Mexico reserves.' } })).status).toBe(201);
  });

  it('is described in the OpenAPI document', async () => {
    const docs = await t.api('GET', '/api/docs-json', {});
    expect(docs.body.paths['/api/reservations/{id}/withdraw'].post.responses).toHaveProperty('409');
  });
});
