import type { DraftView } from '@omnibus/shared';
import { DraftEvent, DraftEvents } from '../../server/src/events/draft-events';
import { download } from '../documents/document-helpers';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
let draft: DraftView;
const events: DraftEvent[] = [];

beforeAll(async () => {
  t = await startTestServer();
  draft = await demoDraft(t, await t.login('chair'));
  t.server.app.get(DraftEvents).subscribe((e) => {
    events.push(e);
  });
});
afterAll(() => t.close());

const bisOf = async (token: string) => paragraph(section(await demoDraft(t, token), 'entity', 'CICTE'), '5 bis');
const audit = async (action: string, targetId: string): Promise<{ username: string; delegation: string | null }[]> =>
  t.server.dataSource.query(
    `SELECT u.username, d.code AS delegation FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
       LEFT JOIN delegation d ON d.id = u.delegation_id WHERE e.action = $1 AND e.target_id = $2`,
    [action, targetId],
  );

describe("other delegations and a delegation's new paragraph (CICTE 5 bis by CH, MEX and US)", () => {
  it('takes an amendment by CAN, printed inside the sponsors’ bracket, and refuses forgeries', async () => {
    const can = await t.login('can');
    const bis = paragraph(section(draft, 'entity', 'CICTE'), '5 bis');
    expect(bis.sponsors).toEqual(['CH', 'MEX', 'US']);
    const at = bis.text.indexOf('consensus');
    expect(at).toBeGreaterThan(0);

    // A forged sponsor list and a bad range are refused and change nothing.
    const forged = await t.api('POST', `/api/paragraphs/${bis.id}/amendments`, { token: can, body: { kind: 'insert', start: at, end: at, text: 'biennial ', sponsors: ['MEX'] } });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: 'sponsor_not_consented' });
    const outside = await t.api('POST', `/api/paragraphs/${bis.id}/amendments`, { token: can, body: { kind: 'delete', start: 0, end: 99_999 } });
    expect(outside.status).toBe(400);
    const observer = await t.api('POST', `/api/paragraphs/${bis.id}/amendments`, { token: await t.login('observer'), body: { kind: 'insert', start: at, end: at, text: 'x ' } });
    expect(observer.status).toBe(403);
    expect((await bisOf(can)).amendments).toEqual([]);

    const created = await t.api('POST', `/api/paragraphs/${bis.id}/amendments`, { token: can, body: { kind: 'insert', start: at, end: at, text: 'biennial ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'insert', sponsors: ['CAN'], status: 'proposed' });
    expect(await audit('amendment.create', created.body.id)).toEqual([{ username: 'can', delegation: 'CAN' }]);

    const now = await bisOf(can);
    expect(now.sponsors).toEqual(['CH', 'MEX', 'US']);
    expect(now.compiled).toBe(`[CH, MEX and US: ${bis.text.slice(0, at)}[CAN: biennial ]${bis.text.slice(at)}]`);

    // Only CAN edits CAN's words; the sponsors of 5 bis may not.
    const byMex = await t.api('PATCH', `/api/amendments/${created.body.id}`, { token: await t.login('mex'), body: { text: '2022 ' } });
    expect(byMex.status).toBe(403);

    // The compilation exports print the nested bracket: notation (txt) and display (HTML).
    const secretariat = await t.login('secretariat');
    const txt = await download(t, `/api/drafts/${draft.id}/export/compilation?format=txt`, secretariat);
    expect(txt.status).toBe(200);
    expect(txt.body.toString('utf8').replace(/\s+/g, ' ')).toContain(`[CH, MEX and US: ${bis.text.slice(0, at)}[CAN: biennial ]consensus`.replace(/\s+/g, ' '));
    const html = await download(t, `/api/drafts/${draft.id}/export/compilation?format=html`, secretariat);
    expect(html.body.toString('utf8')).toMatch(/CAN<\/[a-z]+>: biennial /);
  });

  it('lets CAN ask to join the sponsors; a sponsor accepts, everywhere attributed', async () => {
    const can = await t.login('can');
    const bis = await bisOf(can);
    const asked = await t.api('POST', `/api/paragraphs/${bis.id}/join-requests`, { token: can });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ paragraphId: bis.id, delegation: 'CAN', status: 'requested' });
    expect(await t.api('POST', `/api/paragraphs/${bis.id}/join-requests`, { token: can })).toMatchObject({ status: 409 });
    expect((await bisOf(can)).requested).toEqual(['CAN']);

    // The sponsors see it; CAN cannot answer its own request; an observer and a non-sponsor cannot either.
    const us = await t.login('us');
    const seen = await t.api('GET', '/api/sponsorships/requests', { token: us });
    expect(seen.body).toEqual([expect.objectContaining({ id: asked.body.id, delegation: 'CAN' })]);
    expect((await t.api('GET', '/api/sponsorships/requests', { token: await t.login('bra') })).body).toEqual([]);
    for (const who of ['can', 'bra', 'observer']) {
      const refused = await t.api('POST', `/api/sponsorships/${asked.body.id}/accept`, { token: await t.login(who) });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('forbidden');
    }
    expect((await bisOf(can)).sponsors).toEqual(['CH', 'MEX', 'US']);

    events.length = 0;
    const accepted = await t.api('POST', `/api/sponsorships/${asked.body.id}/accept`, { token: us });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ delegation: 'CAN', status: 'accepted' });
    expect(events).toContainEqual(expect.objectContaining({ draftId: draft.id, action: 'sponsorship.accepted' }));
    expect(await audit('sponsorship.request_accept', asked.body.id)).toEqual([{ username: 'us', delegation: 'US' }]);

    const after = await bisOf(can);
    expect(after.sponsors).toEqual(['CH', 'MEX', 'US', 'CAN']);
    expect(after.requested).toBeUndefined();
    expect(after.compiled.startsWith('[CH, MEX, US and CAN: ')).toBe(true);
    expect(await t.api('POST', `/api/sponsorships/${asked.body.id}/decline`, { token: us })).toMatchObject({ status: 409 });
    expect(await t.api('POST', `/api/paragraphs/${bis.id}/join-requests`, { token: can })).toMatchObject({ status: 409 });
  });

  it('lets the sponsors decline a request, and the delegation ask again', async () => {
    const bra = await t.login('bra');
    const bis = await bisOf(bra);
    const asked = await t.api('POST', `/api/paragraphs/${bis.id}/join-requests`, { token: bra });
    expect(asked.status).toBe(201);
    const declined = await t.api('POST', `/api/sponsorships/${asked.body.id}/decline`, { token: await t.login('ch') });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ delegation: 'BRA', status: 'declined' });
    expect(await audit('sponsorship.request_decline', asked.body.id)).toEqual([{ username: 'ch', delegation: 'CH' }]);
    const after = await bisOf(bra);
    expect(after.sponsors).not.toContain('BRA');
    expect(after.requested).toBeUndefined();

    const again = await t.api('POST', `/api/paragraphs/${bis.id}/join-requests`, { token: bra });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: asked.body.id, status: 'requested' });
  });

  it('describes the new routes in the OpenAPI description', async () => {
    const json = await t.api('GET', '/api/docs-json');
    expect(json.body.paths['/api/paragraphs/{id}/join-requests'].post).toBeDefined();
    expect(json.body.paths['/api/sponsorships/requests'].get).toBeDefined();
  });

  it("refuses a request to join the chair's text, another committee's idea of a paragraph, and an observer", async () => {
    const can = await t.login('can');
    const nine = paragraph(section(draft, 'entity', 'CICTE'), '9');
    const chairs = await t.api('POST', `/api/paragraphs/${nine.id}/join-requests`, { token: can });
    expect(chairs.status).toBe(409);
    expect(chairs.body.message).toMatch(/propose an amendment/);
    const unknown = await t.api('POST', '/api/paragraphs/00000000-0000-4000-8000-000000000000/join-requests', { token: can });
    expect(unknown.status).toBe(404);
    const bis = await bisOf(can);
    const observer = await t.api('POST', `/api/paragraphs/${bis.id}/join-requests`, { token: await t.login('observer') });
    expect(observer.status).toBe(403);
  });
});
