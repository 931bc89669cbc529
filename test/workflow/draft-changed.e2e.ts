import type { DraftView } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { connectLive, LiveClient } from './live-helpers';

let t: TestServer;
let draft: DraftView;
const clients: LiveClient[] = [];

beforeAll(async () => {
  t = await startTestServer();
  draft = await demoDraft(t, await t.login('chair'));
});

afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

describe('draft.changed on /live: every change reaches the room without polling', () => {
  it('tells everyone of proposals, invitations and their answers, caps and withdrawals, naming what changed', async () => {
    const [mex, can, chair, observer] = await Promise.all(['mex', 'can', 'chair', 'observer'].map((u) => t.login(u)));
    const watcher = await connectLive(t, observer!, draft.id);
    clients.push(watcher);
    await watcher.waitFor('state');
    const changed = (kind: string, id?: string) => watcher.waitFor('draft.changed', (p) => p.kind === kind && p.draftId === draft.id && (id === undefined || p.ids.includes(id)));

    const cicte7 = paragraph(section(draft, 'entity', 'CICTE'), '7');
    const proposed = await t.api('POST', `/api/paragraphs/${cicte7.id}/amendments`, { token: mex!, body: { kind: 'insert', start: 3, end: 3, text: 'swiftly ', cosponsors: ['CAN'] } });
    expect(proposed.status).toBe(201);
    expect((await changed('amendment.create', proposed.body.id)).ids).toEqual([cicte7.id, proposed.body.id]);

    const invitation = (await t.api('GET', '/api/sponsorships/invitations', { token: can! })).body.find((i: { amendmentId: string }) => i.amendmentId === proposed.body.id);
    expect(invitation).toBeDefined();
    expect((await t.api('POST', `/api/sponsorships/${invitation.id}/accept`, { token: can! })).status).toBe(200);
    await changed('sponsorship.accepted');

    const caps = await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: chair!, body: { preamble: 7 } });
    expect(caps.status).toBe(200);
    await changed('draft.caps');

    expect((await t.api('POST', `/api/amendments/${proposed.body.id}/withdraw`, { token: mex! })).status).toBe(200);
    await changed('amendment.withdraw', proposed.body.id);
  });

  it('carries nothing of one draft to another draft’s room', async () => {
    const secretariat = await t.login('secretariat');
    const other = await t.api('POST', '/api/drafts', { token: secretariat, body: { title: 'Another draft', symbol: 'CP/CSH/zzzz/22' } });
    const elsewhere = await connectLive(t, secretariat, other.body.id);
    clients.push(elsewhere);
    await elsewhere.waitFor('state');
    const chair = await t.login('chair');
    const watcher = clients[0]!;
    const before = watcher.received.length;
    expect((await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: chair, body: { preamble: 8 } })).status).toBe(200);
    await watcher.waitFor('draft.changed', (p) => p.kind === 'draft.caps' && watcher.received.findIndex((r) => r.payload === p) >= before);
    expect(elsewhere.received.filter((r) => r.event === 'draft.changed')).toEqual([]);
  });
});
