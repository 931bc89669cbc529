import { CollabDocumentsRepository } from '../../server/src/collaboration/collab-documents.repository';
import { CollabService } from '../../server/src/collaboration/collab.service';
import { decodeFrame } from '../../server/src/collaboration/frames';
import { CollabClient, contentOf, waitFor } from '../support/collab-client';
import { COLLAB_DOC, type DraftView, type ParagraphView, type SectionInfo } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Opening the draft: what a joiner is sent (the whole draft, the same bytes for everyone who joins
 * holding nothing, and the new text after every change), what its empty answer costs (no batch, no
 * broadcast), and that every handshake is checked against the sign-in session and the account as
 * they are now, however recently the same token was accepted.
 */
jest.setTimeout(60_000);

let t: TestServer;
let draftId: string;
let p9: { id: string; text: string };

beforeAll(async () => {
  t = await startTestServer();
  const draft = await demoDraft(t, await t.login('chair'));
  draftId = draft.id;
  p9 = paragraph(section(draft, 'entity', 'CICTE'), '9');
});
afterAll(async () => {
  await t.close();
});

const hasDocument = async (id: string) => ((await t.server.dataSource.query(`SELECT 1 FROM collab_document WHERE draft_id = $1`, [id])) as unknown[]).length > 0;

const headSeq = async () => Number(((await t.server.dataSource.query(`SELECT head_seq FROM collab_document WHERE draft_id = $1`, [draftId])) as { head_seq: string }[])[0]?.head_seq ?? 0);

/** How many update frames (broadcasts of stored batches) a socket receives from now on. */
function frames(c: CollabClient): { updates: number } {
  const seen = { updates: 0 };
  c.socket.on('yjs', (data: Uint8Array) => {
    const f = decodeFrame(data);
    if (f.ok && f.frame.type === 'update') seen.updates += 1;
  });
  return seen;
}

describe('a draft nobody has opened yet', () => {
  it('has its live document made after the server starts (the seeded draft) and soon after it is created through the API', async () => {
    // Nobody in this file has connected yet: the seeded draft's document is made by the server itself.
    await waitFor(() => hasDocument(draftId), 'the seeded draft to get its live document');
    const secretariat = await t.login('secretariat');
    const res = await t.api<DraftView>('POST', '/api/drafts', { token: secretariat, body: { title: 'Draft resolution made ahead', symbol: 'CP/CSH/AHEAD/26' } });
    expect(res.status).toBe(201);
    await waitFor(() => hasDocument(res.body.id), 'the new draft to get its live document');
  });

  it('lists, for making after a start, the drafts without a document that are not adopted', async () => {
    const docs = t.server.app.get(CollabDocumentsRepository);
    const ids: string[] = [];
    for (const symbol of ['CP/CSH/LIST-A/26', 'CP/CSH/LIST-B/26']) {
      // Straight into the database, as drafts made before the server kept documents ready were.
      const [{ id }] = (await t.server.dataSource.query(`INSERT INTO draft (committee_id, title, symbol, caps) SELECT committee_id, $2, $2, caps FROM draft WHERE id = $1 RETURNING id`, [draftId, symbol])) as [{ id: string }];
      ids.push(id);
    }
    await t.server.dataSource.query(`INSERT INTO draft_workflow (draft_id, phase) VALUES ($1, 'adopted')`, [ids[1]]);
    const listed = await docs.withoutDocument();
    expect(listed).toContain(ids[0]);
    expect(listed).not.toContain(ids[1]);
    expect(listed).not.toContain(draftId);
  });

  it('holds, when first opened, what the API changed after its document was made', async () => {
    const secretariat = await t.login('secretariat');
    const made = await t.api<DraftView>('POST', '/api/drafts', { token: secretariat, body: { title: 'Draft resolution changed while closed', symbol: 'CP/CSH/CLOSED/26' } });
    expect(made.status).toBe(201);
    await waitFor(() => hasDocument(made.body.id), 'the new draft to get its live document');
    const chair = await t.login('chair');
    const general = section(made.body, 'general');
    const text = 'REQUESTS the General Secretariat to report on the implementation of this resolution.';
    const added = await t.api<ParagraphView>('POST', `/api/drafts/${made.body.id}/paragraphs`, { token: chair, body: { sectionId: general.id, kind: 'follow_up', text } });
    expect([added.status, added.body]).toEqual([201, expect.anything()]);
    const c = await CollabClient.connect(t.url, chair, made.body.id);
    await waitFor(() => c.paragraphs().has(added.body.id) && c.text(added.body.id).toString() === text, 'the paragraph added while the draft was closed');
    c.close();
  });

  it('holds, when opened, a section renamed after its document was made while no paragraph changed', async () => {
    const secretariat = await t.login('secretariat');
    const made = await t.api<DraftView>('POST', '/api/drafts', { token: secretariat, body: { title: 'Draft resolution renamed while closed', symbol: 'CP/CSH/RENAMED/26' } });
    expect(made.status).toBe(201);
    await waitFor(() => hasDocument(made.body.id), 'the new draft to get its live document');
    const general = section(made.body, 'general');
    // Only the section changes (as a correction made straight in the database would): every paragraph agrees with the document.
    await t.server.dataSource.query(`UPDATE section SET title = $2 WHERE id = $1`, [general.id, 'General provisions (corrected)']);
    const c = await CollabClient.connect(t.url, await t.login('chair'), made.body.id);
    const title = () => c.doc.getMap<SectionInfo>(COLLAB_DOC.sections).get(general.id)?.title;
    await waitFor(() => title() === 'General provisions (corrected)', 'the corrected section title');
    c.close();
  });
});

describe('joining a draft', () => {
  it('sends everyone holding nothing the whole draft, the new one after a change, and stores nothing for their empty answers', async () => {
    const witness = await CollabClient.connect(t.url, await t.login('secretariat'), draftId);
    const seen = frames(witness);
    const head = await headSeq();
    const joiners = await Promise.all(['mex', 'us', 'can', 'observer'].map(async (u) => CollabClient.connect(t.url, await t.login(u), draftId)));
    for (const j of joiners) await j.settled();
    // Each answered the server's sync step 1 with an empty update: acknowledged, nothing written, nothing shown.
    for (const j of joiners) {
      expect(j.sent.length).toBe(1);
      expect(j.sent[0]!.ack).toEqual({ ok: true });
    }
    expect(await headSeq()).toBe(head);
    expect(seen.updates).toBe(0);
    for (const j of joiners) expect(contentOf(j.doc)).toBe(contentOf(witness.doc));

    // A change, then a joiner: the welcome holds it (the cached one was dropped).
    const chair = await CollabClient.connect(t.url, await t.login('chair'), draftId);
    chair.text(p9.id).insert(0, 'Reaffirming ');
    await chair.settled();
    expect(chair.sent.at(-1)!.ack).toEqual({ ok: true });
    expect(await headSeq()).toBe(head + 1);
    const late = await CollabClient.connect(t.url, await t.login('ch'), draftId);
    expect(late.text(p9.id).toString()).toBe(`Reaffirming ${p9.text}`);
    expect(contentOf(late.doc)).toBe(contentOf(chair.doc));

    // Two more joiners after it hold what everyone else holds.
    const a = await CollabClient.connect(t.url, await t.login('mex'), draftId);
    const b = await CollabClient.connect(t.url, await t.login('us'), draftId);
    expect(contentOf(a.doc)).toBe(contentOf(chair.doc));
    expect(contentOf(b.doc)).toBe(contentOf(chair.doc));
    expect(seen.updates).toBe(1);
    for (const c of [witness, ...joiners, chair, late, a, b]) c.close();
  });

  it("refuses a token accepted a moment ago once its session has ended or its account is disabled, even if no one told this instance", async () => {
    const token = await t.login('mex');
    const first = await CollabClient.connect(t.url, token, draftId);
    first.close();
    const [{ sid }] = (await t.server.dataSource.query(`SELECT id AS sid FROM auth_session WHERE user_id = (SELECT id FROM app_user WHERE username = 'mex') ORDER BY created_at DESC LIMIT 1`)) as [{ sid: string }];
    // Ended in the database directly: no announcement reaches the server, only its own lookup can see it.
    await t.server.dataSource.query(`UPDATE auth_session SET ended_at = now(), end_reason = 'revoked' WHERE id = $1`, [sid]);
    await expect(CollabClient.connect(t.url, token, draftId)).rejects.toMatchObject({ data: { error: 'unauthorized', message: expect.stringContaining('ended by an administrator') } });

    const other = await t.login('can');
    const ok = await CollabClient.connect(t.url, other, draftId);
    ok.close();
    await t.server.dataSource.query(`UPDATE app_user SET disabled = true WHERE username = 'can'`);
    try {
      await expect(CollabClient.connect(t.url, other, draftId)).rejects.toMatchObject({ data: { error: 'unauthorized', message: expect.stringContaining('disabled') } });
    } finally {
      await t.server.dataSource.query(`UPDATE app_user SET disabled = false WHERE username = 'can'`);
    }
    await waitFor(async () => (await CollabClient.connect(t.url, other, draftId).then((c) => (c.close(), true), () => false)), 'the re-enabled account to join again');
  });
});

describe('a closed draft opened by many at once', () => {
  let quick: TestServer;
  beforeAll(async () => {
    // Rooms nobody is in close after 200 ms.
    quick = await startTestServer({ COLLAB_IDLE_CLOSE_MS: '200' });
  });
  afterAll(async () => {
    await quick.close();
  });

  it('lets in every live session and nobody else, and leaves no room open for handshakes that were refused', async () => {
    const collab = () => quick.server.app.get(CollabService);
    const draft = await demoDraft(quick, await quick.login('chair'));
    const target = paragraph(section(draft, 'entity', 'CICTE'), '9');
    const revoked = await quick.login('mex');
    await quick.server.dataSource.query(
      `UPDATE auth_session SET ended_at = now(), end_reason = 'revoked' WHERE id = (SELECT id FROM auth_session WHERE user_id = (SELECT id FROM app_user WHERE username = 'mex') ORDER BY created_at DESC LIMIT 1)`,
    );
    await waitFor(() => collab().openRooms === 0, 'no room open');

    // Only refused handshakes: the token is signed for the draft's committee, its session has ended.
    const refused = await Promise.allSettled(Array.from({ length: 10 }, () => CollabClient.connect(quick.url, revoked, draft.id)));
    expect(refused.map((r) => (r.status === 'rejected' ? (r.reason as { data?: { error?: string } }).data?.error : 'joined'))).toEqual(Array(10).fill('unauthorized'));
    await waitFor(() => collab().openRooms === 0, 'the room opened for refused handshakes to close');

    // Live sessions and ended ones at once: each live one gets the whole draft, each ended one is refused.
    const tokens = await Promise.all(['chair', 'can', 'bra', 'secretariat'].map((u) => quick.login(u)));
    const mixed = await Promise.allSettled([...tokens, revoked, ...tokens, revoked].map((token) => CollabClient.connect(quick.url, token, draft.id)));
    const joined = mixed.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(joined).toHaveLength(8);
    expect(mixed.filter((r) => r.status === 'rejected')).toHaveLength(2);
    for (const c of joined) expect(c.text(target.id).toString()).toBe(target.text);
    for (const c of joined) c.close();
    await waitFor(() => collab().openRooms === 0, 'the room to close once everyone left');
  });
});
