import { COLLAB_DOC, PARAGRAPH_FIELDS, type DraftView, type ParagraphView } from '@omnibus/shared';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section, paragraphView as paragraphViewOf } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { connectLive } from '../workflow/live-helpers';

/**
 * The live document and the paragraph tables follow each other: live edits reach the REST API
 * (projection), and changes made through the REST API reach every connected client live.
 */
let t: TestServer;
let draft: DraftView;
let tokens: Record<string, string>;
let mex: CollabClient;
let us: CollabClient;
let chairClient: CollabClient;

const cicte = () => section(draft, 'entity', 'CICTE');

const paragraphView = (id: string): Promise<ParagraphView> => paragraphViewOf(t, tokens.chair!, id);

beforeAll(async () => {
  t = await startTestServer({ COLLAB_PROJECT_EVERY_MS: '100' });
  tokens = {};
  for (const u of ['chair', 'mex', 'us', 'can']) tokens[u] = await t.login(u);
  draft = await demoDraft(t, tokens.chair!);
  mex = await CollabClient.connect(t.url, tokens.mex!, draft.id);
  us = await CollabClient.connect(t.url, tokens.us!, draft.id);
  chairClient = await CollabClient.connect(t.url, tokens.chair!, draft.id);
});
afterAll(async () => {
  mex.close();
  us.close();
  chairClient.close();
  await t.close();
});

describe('live edits reach the REST API', () => {
  let bracket: string;

  it('turns a bracket proposed live into an amendment in the proposer’s name, with its range and text', async () => {
    const p7 = paragraph(cicte(), '7');
    bracket = mex.propose(p7.id, 28, ' live words', 'MEX');
    await mex.settled();
    await waitFor(async () => (await paragraphView(p7.id)).amendments.some((a) => a.id === bracket), 'the projected amendment');
    const view = await paragraphView(p7.id);
    expect(view.amendments.find((a) => a.id === bracket)).toMatchObject({ kind: 'insert', start: 28, end: 28, text: ' live words', sponsors: ['MEX'], status: 'proposed' });
    expect(view.compiled).toContain('[MEX:  live words]');
    expect(view.state).toBe('amended');
  });

  it('keeps the amendment’s text in step as MEX types in it', async () => {
    const p7 = paragraph(cicte(), '7');
    mex.text(p7.id).insert(28 + 11, ' and more');
    await mex.settled();
    await waitFor(async () => (await paragraphView(p7.id)).amendments.find((a) => a.id === bracket)?.text === ' live words and more', 'the new text');
    // The history of that edit holds what changed, by whom: MEX's words before and after, and no base text (it did not change).
    const rows: { before: { text?: string; amendments: { id: string; text: string }[] }; after: { text?: string; amendments: { id: string; text: string }[]; editors: { username: string }[] } }[] =
      await t.server.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'paragraph.coedit' AND target_id = $1 ORDER BY id DESC LIMIT 1`, [p7.id]);
    const last = rows[0]!;
    expect(last.after.amendments).toEqual([expect.objectContaining({ id: bracket, text: ' live words and more' })]);
    expect(last.before.amendments).toEqual([expect.objectContaining({ id: bracket, text: ' live words' })]);
    expect(last.after.editors).toEqual([{ username: 'mex', delegation: 'MEX' }]);
    expect(last.before).not.toHaveProperty('text');
    expect(last.after).not.toHaveProperty('text');
  });

  it('writes the chair’s live edit of base text into the paragraph, with an attributed history', async () => {
    const p3 = paragraph(cicte(), '3');
    chairClient.text(p3.id).insert(0, 'Also, ');
    await chairClient.settled();
    await waitFor(async () => (await paragraphView(p3.id)).text.startsWith('Also, To urge'), 'the projected base text');
    const history = await t.server.dataSource.query(
      `SELECT action, actor_username AS "by" FROM audit_event WHERE target_id = $1 OR target_id = $2 ORDER BY id`,
      [p3.id, bracket],
    );
    expect(history).toEqual(expect.arrayContaining([{ action: 'paragraph.coedit', by: 'chair' }, { action: 'amendment.create', by: 'mex' }]));
    const [edit]: { before: { text: string }; after: { text: string; amendments: unknown[] } }[] = await t.server.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'paragraph.coedit' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
      [p3.id],
    );
    expect(edit!.before.text.startsWith('To urge')).toBe(true);
    expect(edit!.after.text.startsWith('Also, To urge')).toBe(true);
  });
});

describe('REST changes appear live', () => {
  it('shows a new paragraph to every connected client', async () => {
    const res = await t.api<ParagraphView>('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token: tokens.can,
      body: { sectionId: section(draft, 'preamble').id, kind: 'preambular', text: 'RECALLING the live co-editing of the draft,' },
    });
    expect(res.status).toBe(201);
    await waitFor(() => us.paragraphs().has(res.body.id), 'the new paragraph at US');
    expect(us.text(res.body.id).toString()).toBe('RECALLING the live co-editing of the draft,');
    expect(us.paragraph(res.body.id).get(PARAGRAPH_FIELDS.sponsors)).toBe('CAN');
    expect(us.paragraph(res.body.id).get(PARAGRAPH_FIELDS.origin)).toBe('delegation');
  });

  it('adds an amendment proposed through the API as a bracket, and removes it live when withdrawn', async () => {
    const p9 = paragraph(cicte(), '9');
    const res = await t.api('POST', `/api/paragraphs/${p9.id}/amendments`, { token: tokens.us, body: { kind: 'delete', start: 52, end: 58, text: '' } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await waitFor(() => mex.projection(p9.id).brackets.some((b) => b.id === id), 'the bracket at MEX');
    expect(mex.projection(p9.id).brackets.find((b) => b.id === id)).toMatchObject({ kind: 'delete', sponsors: ['US'], words: p9.text.slice(52, 58) });
    const w = await t.api('POST', `/api/amendments/${id}/withdraw`, { token: tokens.us });
    expect(w.status).toBe(200);
    await waitFor(() => !mex.projection(p9.id).brackets.some((b) => b.id === id), 'the bracket gone at MEX');
    expect(mex.projection(p9.id).base).toBe(p9.text);
  });

  it('lets a co-sponsor who accepted type in the bracket, and shows the new sponsors live', async () => {
    const p8 = paragraph(cicte(), '8');
    const id = mex.propose(p8.id, 3, 'jointly ', 'MEX');
    await mex.settled();
    await waitFor(async () => (await paragraphView(p8.id)).amendments.some((a) => a.id === id), 'the amendment');
    const invite = await t.api('POST', `/api/amendments/${id}/cosponsors`, { token: tokens.mex, body: { cosponsors: ['US'] } });
    expect(invite.status).toBe(201);
    const invitations = await t.api<{ id: string; amendmentId: string }[]>('GET', '/api/sponsorships/invitations', { token: tokens.us });
    const mine = invitations.body.find((i) => i.amendmentId === id)!;
    expect((await t.api('POST', `/api/sponsorships/${mine.id}/accept`, { token: tokens.us })).status).toBe(200);
    await waitFor(() => us.projection(p8.id).brackets.find((b) => b.id === id)?.sponsors.join() === 'MEX,US', 'MEX and US as sponsors');
    us.text(p8.id).insert(5, 'X');
    await us.settled();
    expect(us.sent.at(-1)?.ack).toEqual({ ok: true });
    await waitFor(async () => (await paragraphView(p8.id)).amendments.find((a) => a.id === id)?.text === 'joXintly ', 'US’s typing projected');
  });

  it('merges an amendment’s text changed through the API into the live bracket', async () => {
    const p6 = paragraph(cicte(), '6');
    const id = mex.propose(p6.id, 10, 'first draft', 'MEX');
    await mex.settled();
    await waitFor(async () => (await paragraphView(p6.id)).amendments.some((a) => a.id === id), 'the amendment');
    const patch = await t.api('PATCH', `/api/amendments/${id}`, { token: tokens.mex, body: { text: 'second draft' } });
    expect(patch.status).toBe(200);
    await waitFor(() => us.projection(p6.id).brackets.find((b) => b.id === id)?.text === 'second draft', 'the new text live');
  });

  it('shows a deletion by the chair live, and then refuses live edits to the deleted paragraph', async () => {
    const p4 = paragraph(cicte(), '4');
    expect((await t.api('POST', `/api/paragraphs/${p4.id}/delete`, { token: tokens.chair })).status).toBe(200);
    await waitFor(() => us.paragraph(p4.id).get(PARAGRAPH_FIELDS.status) === 'deleted', 'the status at US');
    us.propose(p4.id, 0, 'too late ', 'US');
    await us.settled();
    expect(us.sent.at(-1)?.ack).toMatchObject({ ok: false, error: 'invalid_state', details: { reason: 'paragraph_closed' } });
  });

  it('tells the room of a round of co-edited paragraphs in one event naming them all', async () => {
    const watcher = await connectLive(t, tokens.chair!, draft.id);
    try {
      await watcher.waitFor('state');
      const [p2, p3] = [paragraph(cicte(), '2'), paragraph(cicte(), '3')];
      // One update touching both paragraphs: the projection stores them in the same round.
      mex.doc.transact(() => {
        mex.propose(p2.id, 0, 'together ', 'MEX');
        mex.propose(p3.id, 0, 'together ', 'MEX');
      });
      await mex.settled();
      const both = await watcher.waitFor('draft.changed', (c) => c.kind === 'paragraph.coedit' && c.ids.includes(p2.id), 10_000);
      expect([...both.ids].sort()).toEqual([p2.id, p3.id].sort());
      const coedits = watcher.received.filter((r) => r.event === 'draft.changed' && r.payload.kind === 'paragraph.coedit');
      expect(coedits.filter((r) => r.payload.ids.includes(p3.id))).toHaveLength(1);
      await waitFor(async () => (await paragraphView(p3.id)).compiled.includes('[MEX: together ]'), 'the stored bracket behind the event');
    } finally {
      watcher.close();
    }
  });

  it('holds the same paragraphs in the document as the API lists', async () => {
    const fresh = (await t.api<DraftView>('GET', `/api/drafts/${draft.id}`, { token: tokens.chair })).body;
    const ids = fresh.sections.flatMap((s) => s.paragraphs.map((p) => p.id)).sort();
    await waitFor(() => [...mex.doc.getMap(COLLAB_DOC.paragraphs).keys()].sort().join() === ids.join(), 'the same paragraphs');
  });
});
