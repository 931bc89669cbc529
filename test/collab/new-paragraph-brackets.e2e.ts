import { BRACKET_ATTRIBUTE, PARAGRAPH_FIELDS, type DraftView, type ParagraphView } from '@omnibus/shared';
import { randomUUID } from 'node:crypto';
import { updateFrame } from '../../server/src/collaboration/frames';
import { Y, type Doc, type YMap, type YText } from '../../server/src/collaboration/yjs';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section, paragraphView as paragraphViewOf } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * A delegation's new paragraph (CICTE 5 bis by CH, MEX and US) in the co-editing room: another
 * delegation brackets words of it in its own name, never types in the sponsors' words, and a
 * delegation that joins the sponsors appears in the document's `sponsors` field.
 */
let t: TestServer;
let draft: DraftView;
let tokens: Record<string, string>;
let can: CollabClient;
let mex: CollabClient;
let bis: { id: string; text: string };

const paragraphView = (id: string): Promise<ParagraphView> => paragraphViewOf(t, tokens.chair!, id);

beforeAll(async () => {
  t = await startTestServer({ COLLAB_PROJECT_EVERY_MS: '100' });
  tokens = {};
  for (const u of ['chair', 'mex', 'us', 'can']) tokens[u] = await t.login(u);
  draft = await demoDraft(t, tokens.chair!);
  bis = paragraph(section(draft, 'entity', 'CICTE'), '5 bis');
  can = await CollabClient.connect(t.url, tokens.can!, draft.id);
  mex = await CollabClient.connect(t.url, tokens.mex!, draft.id);
});
afterAll(async () => {
  can.close();
  mex.close();
  await t.close();
});

/** Sends a change made on a copy of the client's document, so one refusal does not taint the next attempt. */
async function attempt(client: CollabClient, change: (doc: Doc) => void) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  copy.clientID = client.doc.clientID;
  const before = Y.encodeStateVector(copy);
  change(copy);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return client.send(updateFrame(update));
}

const textIn = (doc: Doc, id: string) => (doc.getMap('paragraphs').get(id) as YMap<unknown>).get(PARAGRAPH_FIELDS.text) as YText;

describe("another delegation's brackets inside a new paragraph", () => {
  let bracket: string;

  it("accepts CAN's bracket inside 5 bis, in CAN's name, and projects it into an amendment", async () => {
    const at = bis.text.indexOf('consensus');
    bracket = can.propose(bis.id, at, 'biennial ', 'CAN');
    await can.settled();
    expect(can.sent.at(-1)?.ack).toMatchObject({ ok: true });
    expect(can.errors).toEqual([]);
    await waitFor(() => mex.projection(bis.id).brackets.some((b) => b.id === bracket), 'the bracket at MEX');
    await waitFor(async () => (await paragraphView(bis.id)).amendments.some((a) => a.id === bracket), 'the projected amendment');
    const view = await paragraphView(bis.id);
    expect(view.amendments.find((a) => a.id === bracket)).toMatchObject({ kind: 'insert', start: at, end: at, text: 'biennial ', sponsors: ['CAN'] });
    expect(view.sponsors).toEqual(['CH', 'MEX', 'US']);
    expect(view.compiled).toBe(`[CH, MEX and US: ${bis.text.slice(0, at)}[CAN: biennial ]${bis.text.slice(at)}]`);
  });

  it("refuses CAN typing in the sponsors' words, MEX typing in CAN's bracket, and a bracket in MEX's name by CAN", async () => {
    const refusals = can.errors.length;
    expect(await attempt(can, (d) => textIn(d, bis.id).insert(3, 'x'))).toMatchObject({ ok: false, error: 'forbidden', details: { reason: 'base_text' } });
    expect(can.errors.slice(refusals).map((e) => e.details?.reason)).toContain('base_text');
    // Deleting the sponsors' words is typing in them too.
    expect(await attempt(can, (d) => textIn(d, bis.id).delete(0, 3))).toMatchObject({ ok: false, details: { reason: 'base_text' } });

    const forged = randomUUID();
    const inMexName = await attempt(can, (d) => textIn(d, bis.id).insert(0, 'by MEX ', { [BRACKET_ATTRIBUTE]: { id: forged, kind: 'insert', sponsors: 'MEX' } }));
    expect(inMexName).toMatchObject({ ok: false, details: { reason: 'bracket_forged' } });

    // MEX sponsors 5 bis but not CAN's bracket: its words belong to CAN.
    const where = mex.text(bis.id).toString().indexOf('biennial ');
    expect(where).toBeGreaterThan(0);
    expect(await attempt(mex, (d) => textIn(d, bis.id).insert(where + 1, '9'))).toMatchObject({ ok: false, details: { reason: 'bracket_foreign' } });

    // Nothing of it reached the server's tables.
    const view = await paragraphView(bis.id);
    expect(view.text).toBe(bis.text);
    expect(view.amendments.filter((a) => a.status === 'proposed').map((a) => [a.id, a.text])).toEqual([[bracket, 'biennial ']]);
    expect(mex.text(bis.id).toString()).toBe(`${bis.text.slice(0, bis.text.indexOf('consensus'))}biennial ${bis.text.slice(bis.text.indexOf('consensus'))}`);
  });

  it("shows a delegation that joined the sponsors in the document's sponsors field", async () => {
    const fresh = await CollabClient.connect(t.url, tokens.us!, draft.id);
    try {
      const asked = await t.api('POST', `/api/paragraphs/${bis.id}/join-requests`, { token: tokens.can });
      expect(asked.status).toBe(201);
      const ok = await t.api('POST', `/api/sponsorships/${asked.body.id}/accept`, { token: tokens.us });
      expect(ok.status).toBe(200);
      await waitFor(() => fresh.paragraph(bis.id).get(PARAGRAPH_FIELDS.sponsors) === 'CH,MEX,US,CAN', 'the new sponsor in the document');
    } finally {
      fresh.close();
    }
  });
});
