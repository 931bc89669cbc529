import { BRACKET_ATTRIBUTE, COLLAB_DOC, COLLAB_LIMITS, PARAGRAPH_FIELDS, markKey } from '@omnibus/shared';
import { randomUUID } from 'node:crypto';
import { syncStep2Frame, updateFrame } from '../../server/src/collaboration/frames';
import { encoding, Y, type Doc, type YMap } from '../../server/src/collaboration/yjs';
import { CollabClient, contentOf, paragraphText, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Every kind of bad message the issue lists, each sent by a real client over the wire: the answer
 * is an `error` event and a refused acknowledgement, the document (on the server and in every other
 * client) is untouched, and a client that keeps at it is disconnected.
 */
let t: TestServer;
let draftId: string;
let p7: { id: string; text: string };
let p9: { id: string; text: string };
let p5bis: { id: string; text: string };

beforeAll(async () => {
  t = await startTestServer();
  const draft = await demoDraft(t, await t.login('chair'));
  draftId = draft.id;
  const cicte = section(draft, 'entity', 'CICTE');
  p7 = paragraph(cicte, '7');
  p9 = paragraph(cicte, '9');
  p5bis = paragraph(cicte, '5 bis');
});
afterAll(async () => {
  await t.close();
});

function rawFrame(type: number, ...parts: (number | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p);
    else encoding.writeVarUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

/** An update made on a copy of the client's document, so the client's own document stays as it was. */
function forged(client: CollabClient, change: (doc: Doc) => void, clientID = client.doc.clientID): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  copy.clientID = clientID;
  const before = Y.encodeStateVector(copy);
  change(copy);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

const textOf = paragraphText;

describe('bad messages on /collab', () => {
  let witness: CollabClient;
  beforeAll(async () => {
    witness = await CollabClient.connect(t.url, await t.login('secretariat'), draftId);
  });
  afterAll(() => witness.close());

  const cases: { name: string; user: string; frame: (c: CollabClient) => unknown; reason: string; error: string }[] = [
    { name: 'text instead of binary', user: 'mex', frame: () => 'hello', reason: 'malformed_frame', error: 'validation_failed' },
    { name: 'JSON instead of binary', user: 'mex', frame: () => ({ type: 0 }), reason: 'malformed_frame', error: 'validation_failed' },
    { name: 'an empty frame', user: 'mex', frame: () => new Uint8Array(0), reason: 'malformed_frame', error: 'validation_failed' },
    { name: 'an unknown message type', user: 'mex', frame: () => rawFrame(7, new Uint8Array([1])), reason: 'unknown_message_type', error: 'validation_failed' },
    { name: 'an unknown sync step', user: 'mex', frame: () => rawFrame(0, 9, new Uint8Array([0])), reason: 'unknown_message_type', error: 'validation_failed' },
    { name: 'a frame cut short', user: 'mex', frame: () => rawFrame(0, 2, new Uint8Array(50)).slice(0, 20), reason: 'malformed_frame', error: 'validation_failed' },
    { name: 'bytes after the message', user: 'mex', frame: () => new Uint8Array([...rawFrame(0, 2, new Uint8Array([0, 0])), 1, 2, 3]), reason: 'malformed_frame', error: 'validation_failed' },
    { name: 'random bytes as an update', user: 'mex', frame: () => updateFrame(new Uint8Array([200, 1, 2, 3, 4, 250, 9, 9, 9])), reason: 'malformed_update', error: 'validation_failed' },
    {
      name: 'an oversized frame',
      user: 'mex',
      frame: () => updateFrame(new Uint8Array(COLLAB_LIMITS.frameBytes + 10)),
      reason: 'oversized',
      error: 'payload_too_large',
    },
    {
      name: 'an update building on structs the server lacks',
      user: 'mex',
      frame: (c) => {
        const other = new Y.Doc();
        Y.applyUpdate(other, Y.encodeStateAsUpdate(c.doc));
        textOf(other, p7.id).insert(0, 'x', { [BRACKET_ATTRIBUTE]: { id: randomUUID(), kind: 'insert', sponsors: 'MEX' } });
        const sv = Y.encodeStateVector(other);
        textOf(other, p7.id).insert(1, 'y');
        return updateFrame(Y.encodeStateAsUpdate(other, sv));
      },
      reason: 'missing_dependencies',
      error: 'validation_failed',
    },
    {
      name: "a change to a paragraph's status",
      user: 'mex',
      frame: (c) => updateFrame(forged(c, (d) => (d.getMap(COLLAB_DOC.paragraphs).get(p7.id) as YMap<unknown>).set(PARAGRAPH_FIELDS.status, 'approved'))),
      reason: 'structure',
      error: 'validation_failed',
    },
    {
      name: 'a new root type',
      user: 'mex',
      frame: (c) => updateFrame(forged(c, (d) => d.getText('graffiti').insert(0, 'x'))),
      reason: 'structure',
      error: 'validation_failed',
    },
    {
      name: 'a delegate typing into the base text',
      user: 'mex',
      frame: (c) => updateFrame(forged(c, (d) => textOf(d, p7.id).insert(3, 'not in brackets '))),
      reason: 'base_text',
      error: 'forbidden',
    },
    {
      name: 'a bracket in the name of another delegation (forged sponsors)',
      user: 'mex',
      frame: (c) => updateFrame(forged(c, (d) => textOf(d, p7.id).insert(3, 'US says ', { [BRACKET_ATTRIBUTE]: { id: randomUUID(), kind: 'insert', sponsors: 'US' } }))),
      reason: 'bracket_forged',
      error: 'sponsor_not_consented',
    },
    {
      name: 'a bracket naming co-sponsors who did not consent',
      user: 'mex',
      frame: (c) => updateFrame(forged(c, (d) => textOf(d, p7.id).insert(3, 'we all say ', { [BRACKET_ATTRIBUTE]: { id: randomUUID(), kind: 'insert', sponsors: 'MEX,US' } }))),
      reason: 'bracket_forged',
      error: 'sponsor_not_consented',
    },
    {
      name: 'a bracket with a made-up attribute',
      user: 'mex',
      frame: (c) => updateFrame(forged(c, (d) => textOf(d, p7.id).format(0, 4, { bold: true }))),
      reason: 'bracket_malformed',
      error: 'validation_failed',
    },
    {
      name: "an edit inside a new paragraph's text by a non-sponsor",
      user: 'can',
      frame: (c) => updateFrame(forged(c, (d) => textOf(d, p5bis.id).insert(5, 'x'))),
      reason: 'base_text',
      error: 'forbidden',
    },
    {
      name: 'a bracket proposed by the chair',
      user: 'chair',
      frame: (c) => updateFrame(forged(c, (d) => textOf(d, p7.id).insert(3, 'chair ', { [BRACKET_ATTRIBUTE]: { id: randomUUID(), kind: 'insert', sponsors: 'MEX' } }))),
      reason: 'bracket_not_allowed',
      error: 'forbidden',
    },
    {
      name: 'control characters',
      user: 'mex',
      frame: (c) => updateFrame(forged(c, (d) => textOf(d, p7.id).insert(3, 'bell\u0007 ', { [BRACKET_ATTRIBUTE]: { id: randomUUID(), kind: 'insert', sponsors: 'MEX' } }))),
      reason: 'control_characters',
      error: 'validation_failed',
    },
    {
      name: 'an update from an observer',
      user: 'observer',
      frame: (c) => syncStep2Frame(forged(c, (d) => textOf(d, p7.id).insert(3, 'observed '))),
      reason: 'read_only',
      error: 'forbidden',
    },
  ];

  it.each(cases)('refuses $name with $error ($reason) and changes nothing', async ({ user, frame, reason, error }) => {
    const c = await CollabClient.connect(t.url, await t.login(user), draftId);
    try {
      const before = contentOf(witness.doc);
      const ack = await c.send(frame(c));
      expect(ack).toMatchObject({ ok: false, error, details: { reason } });
      await waitFor(() => c.errors.length > 0, 'the error event');
      expect(c.errors[0]).toMatchObject({ error, details: { reason } });
      expect(typeof c.errors[0]!.message).toBe('string');
      // A harmless change still goes through afterwards: the server's shadow copy was restored.
      if (user !== 'observer' && user !== 'chair') {
        await c.setAwareness({ paragraphId: p7.id });
      }
      const late = await CollabClient.connect(t.url, await t.login('observer'), draftId);
      expect(contentOf(late.doc)).toBe(before);
      expect(contentOf(witness.doc)).toBe(before);
      late.close();
    } finally {
      c.close();
    }
  });

  it('lets the observer read (its sync step 1 is answered) and the session says read-only', async () => {
    const o = await CollabClient.connect(t.url, await t.login('observer'), draftId);
    expect(o.session).toMatchObject({ canWrite: false, user: { role: 'observer' } });
    expect(o.text(p9.id).toString()).toBe(p9.text);
    o.close();
  });

  it('disconnects a client that keeps sending garbage', async () => {
    const c = await CollabClient.connect(t.url, await t.login('us'), draftId);
    for (let i = 0; i < COLLAB_LIMITS.strikes; i++) {
      await c.send(updateFrame(new Uint8Array([255, 255, 255, 1]))).catch(() => undefined);
    }
    await waitFor(() => !c.connected, 'the disconnect');
    expect(c.errors.at(-1)).toMatchObject({ error: 'rate_limited', details: { reason: 'too_many_refusals' } });
    c.close();
  });

  it('refuses handshakes without a valid token, for an unknown draft, or without auth', async () => {
    const refused = async (extra: Record<string, unknown>, token: string, draft: string) =>
      CollabClient.connect(t.url, token, draft, extra).then(
        () => null,
        (err: { data?: { error?: string } }) => err.data?.error,
      );
    expect(await refused({}, 'not-a-token', draftId)).toBe('unauthorized');
    expect(await refused({}, await t.login('mex'), randomUUID())).toBe('not_found');
    expect(await refused({}, await t.login('mex'), 'not-a-uuid')).toBe('validation_failed');
    expect(await refused({ extra: 1 }, await t.login('mex'), draftId)).toBe('validation_failed');
  });
});

describe('attribution kept by the server', () => {
  let mex: CollabClient;
  let us: CollabClient;
  let chair: CollabClient;
  let bracket: string;

  beforeAll(async () => {
    mex = await CollabClient.connect(t.url, await t.login('mex'), draftId);
    us = await CollabClient.connect(t.url, await t.login('us'), draftId);
    chair = await CollabClient.connect(t.url, await t.login('chair'), draftId);
    bracket = mex.propose(p9.id, 10, 'MEXICAN WORDS ', 'MEX');
    await mex.settled();
    await waitFor(() => us.text(p9.id).toString().includes('MEXICAN'), 'the bracket at US');
  });
  afterAll(() => {
    mex.close();
    us.close();
    chair.close();
  });

  it("lets MEX type inside its own bracket, and shows it to everyone with MEX's attribution", async () => {
    mex.text(p9.id).insert(12, 'xx');
    await mex.settled();
    expect(mex.sent.every((s) => s.ack?.ok)).toBe(true);
    await waitFor(() => us.text(p9.id).toString().includes('MExxXICAN'), 'the typing at US');
    expect(us.projection(p9.id).brackets).toEqual([expect.objectContaining({ id: bracket, kind: 'insert', sponsors: ['MEX'], text: 'MExxXICAN WORDS ' })]);
  });

  const refusals: { name: string; by: () => CollabClient; change: (d: Doc) => void; reason: string }[] = [
    { name: 'US typing inside the MEX bracket', by: () => us, change: (d) => textOf(d, p9.id).insert(13, 'us'), reason: 'bracket_foreign' },
    { name: 'US deleting words of the MEX bracket', by: () => us, change: (d) => textOf(d, p9.id).delete(11, 3), reason: 'bracket_foreign' },
    { name: 'MEX removing its whole bracket by deleting its words', by: () => mex, change: (d) => textOf(d, p9.id).delete(10, 16), reason: 'bracket_removed' },
    {
      name: 'US re-attributing the bracket to itself',
      by: () => us,
      change: (d) => textOf(d, p9.id).format(10, 16, { [BRACKET_ATTRIBUTE]: { id: bracket, kind: 'insert', sponsors: 'US' } }),
      reason: 'bracket_forged',
    },
    {
      name: 'MEX adding US as co-sponsor of its own bracket',
      by: () => mex,
      change: (d) => textOf(d, p9.id).format(10, 16, { [BRACKET_ATTRIBUTE]: { id: bracket, kind: 'insert', sponsors: 'MEX,US' } }),
      reason: 'bracket_forged',
    },
    {
      name: 'the chair editing the base words inside a bracket’s marks… or the bracket itself',
      by: () => chair,
      change: (d) => textOf(d, p9.id).insert(12, 'chair'),
      reason: 'bracket_foreign',
    },
    {
      name: 'US reusing the id of the MEX bracket for a new one elsewhere',
      by: () => us,
      change: (d) => textOf(d, p9.id).insert(0, 'copy ', { [BRACKET_ATTRIBUTE]: { id: bracket, kind: 'insert', sponsors: 'US' } }),
      reason: 'bracket_malformed',
    },
  ];

  it.each(refusals)('refuses $name ($reason) and leaves the bracket as it was', async ({ by, change, reason }) => {
    const client = by();
    const before = contentOf(us.doc);
    const ack = await client.send(updateFrame(forged(client, change)));
    expect(ack).toMatchObject({ ok: false, details: { reason } });
    const late = await CollabClient.connect(t.url, await t.login('observer'), draftId);
    expect(contentOf(late.doc)).toBe(before);
    late.close();
  });

  it("refuses US writing under MEX's Yjs client id (foreign_client_id), even inside US's own new bracket", async () => {
    // A connection of its own: the refusals above already count against the first one.
    const us2 = await CollabClient.connect(t.url, await t.login('us'), draftId);
    const before = contentOf(us2.doc);
    const bracket = { [BRACKET_ATTRIBUTE]: { id: randomUUID(), kind: 'insert', sponsors: 'US' } };
    const update = forged(us2, (d) => textOf(d, p9.id).insert(0, 'in MEX’s name ', bracket), mex.doc.clientID);
    const ack = await us2.send(updateFrame(update));
    expect(ack).toMatchObject({ ok: false, error: 'forbidden', details: { reason: 'foreign_client_id' } });
    expect(us2.errors.at(-1)).toMatchObject({ error: 'forbidden', details: { reason: 'foreign_client_id' } });
    const late = await CollabClient.connect(t.url, await t.login('observer'), draftId);
    expect(contentOf(late.doc)).toBe(before);
    late.close();
    us2.close();
  });

  it('lets US propose its own deletion of base words, and the chair edit the base text', async () => {
    const del = randomUUID();
    us.text(p9.id).format(0, 2, { [markKey(del)]: { id: del, kind: 'delete', sponsors: 'US' } });
    await us.settled();
    expect(us.sent.at(-1)?.ack).toEqual({ ok: true });
    const len = chair.text(p9.id).length;
    chair.text(p9.id).insert(len, ' (chair)');
    await chair.settled();
    expect(chair.sent.at(-1)?.ack).toEqual({ ok: true });
    await waitFor(() => mex.text(p9.id).toString().endsWith('(chair)'), 'the chair’s words at MEX');
    expect(mex.projection(p9.id).brackets.map((b) => [b.kind, b.sponsors])).toEqual([
      ['delete', ['US']],
      ['insert', ['MEX']],
    ]);
  });
});
