import { PARAGRAPH_FIELDS, projectDelta, type TextDeltaOp } from '@omnibus/shared';
import { RunningServer, startServer } from '../../server/src/bootstrap';
import { CollabService } from '../../server/src/collaboration/collab.service';
import { deltaNow } from '../../server/src/collaboration/text-runs';
import { Y, type Doc } from '../../server/src/collaboration/yjs';
import { CollabClient, contentOf, paragraphText, storedDoc, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { redisForTests } from '../support/redis';
import { startTestServer, testConfig, TestServer } from '../support/test-server';

/**
 * Two instances, one PostgreSQL, one Redis: clients split across them co-edit one paragraph and
 * end with the same document, byte for byte, on every client, both instances and in the database.
 */
jest.setTimeout(120_000);

const redisUrl = redisForTests();
let a: TestServer;
let b: RunningServer;

beforeAll(async () => {
  if (redisUrl === null) return;
  a = await startTestServer(settings());
  b = await startServer(testConfig(a.databaseUrl, settings()));
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** Every instance here: on the test Redis, projecting often, and polling PostgreSQL slowly, so what converges converges through Redis pub/sub. */
function settings(): Record<string, string> {
  return { REDIS_URL: redisUrl ?? '', COLLAB_PROJECT_EVERY_MS: '200', COLLAB_CATCH_UP_EVERY_MS: '60000' };
}

async function liveDoc(server: RunningServer, draftId: string): Promise<Doc> {
  const room = await server.app.get(CollabService).openRoom(draftId);
  if (!room) throw new Error('the draft is not open on this instance');
  return room.live;
}

(redisUrl === null ? describe.skip : describe)('two instances on one Redis', () => {
// First, while the draft's update numbers are still low on both sides (a copied number would be taken for one already seen).
it('never mixes two deployments that share one Redis, even when their drafts have the same ids', async () => {
  // A second deployment on a copy of the same seeded database: same draft and paragraph ids.
  const other = await startTestServer(settings());
  try {
    const chairA = await a.login('chair');
    const draft = await demoDraft(a, chairA);
    const p1 = paragraph(section(draft, 'entity', 'CICTE'), '1');
    const onA = await CollabClient.connect(a.url, chairA, draft.id);
    const onOther = await CollabClient.connect(other.url, await other.login('chair'), draft.id);
    const before = contentOf(onA.doc);
    // Several batches, so their numbers pass any the first deployment has seen for this draft.
    for (const word of 'Only in the other deployment '.split(' ')) {
      onOther.text(p1.id).insert(0, `${word} `);
      await onOther.settled();
    }
    expect(onOther.sent.every((s) => s.ack?.ok)).toBe(true);
    // Give pub/sub (and a catch-up round) time to deliver anything it would deliver.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(contentOf(onA.doc)).toBe(before);
    const live = await liveDoc(a.server, draft.id);
    expect(contentOf(live)).toBe(before);
    // Each deployment built its own document, so a foreign update would sit in the store as pending
    // structs (invisible in the text, but encoded with the document and blocking later updates).
    expect(live.store.pendingStructs).toBeNull();
    expect(Buffer.from(Y.encodeStateAsUpdate(live)).equals(Buffer.from(Y.encodeStateAsUpdate(onA.doc)))).toBe(true);
    expect(Y.decodeStateVector(Y.encodeStateVector(live)).has(onOther.doc.clientID)).toBe(false);
    onA.close();
    onOther.close();
  } finally {
    await other.close();
  }
});

it('keeps one draft identical across two instances, their clients and the database', async () => {
  const tokens: Record<string, string> = {};
  for (const u of ['mex', 'us', 'can', 'ch', 'chair', 'observer']) tokens[u] = await a.login(u);
  const draft = await demoDraft(a, tokens.chair!);
  const p5 = paragraph(section(draft, 'entity', 'CICTE'), '5');
  const bUrl = b.url;
  const onA = [await CollabClient.connect(a.url, tokens.mex!, draft.id), await CollabClient.connect(a.url, tokens.us!, draft.id)];
  const onB = [await CollabClient.connect(bUrl, tokens.can!, draft.id), await CollabClient.connect(bUrl, tokens.ch!, draft.id), await CollabClient.connect(bUrl, tokens.chair!, draft.id)];
  const typists = [...onA, ...onB.slice(0, 2)];
  const codes = ['MEX', 'US', 'CAN', 'CH'];
  const ids = typists.map((c, i) => c.propose(p5.id, 20 + i * 40, `${codes[i]}: `, codes[i]!));
  await Promise.all(typists.map((c) => c.settled()));
  await waitFor(() => typists.every((c) => c.projection(p5.id).brackets.length === 4), 'all four brackets everywhere');

  // Everyone types in their own bracket at once; the chair edits the base text on instance B.
  const bracketEnd = (c: CollabClient, id: string) => {
    let index = 0;
    for (const op of c.text(p5.id).toDelta() as TextDeltaOp[]) {
      const len = (op.insert as string).length;
      if ((op.attributes?.bracket as { id?: string } | undefined)?.id === id) return index + len;
      index += len;
    }
    throw new Error(`bracket ${id} not found`);
  };
  for (let k = 0; k < 60; k++) {
    typists.forEach((c, i) => c.text(p5.id).insert(bracketEnd(c, ids[i]!), String.fromCharCode(97 + ((k + i) % 26))));
    if (k % 10 === 0) onB[2]!.text(p5.id).insert(0, 'Z');
    await new Promise((r) => setTimeout(r, 5));
  }
  const everyone = [...onA, ...onB];
  await Promise.all(everyone.map((c) => c.settled()));
  expect(everyone.flatMap((c) => c.sent.map((s) => s.ack?.ok))).not.toContain(false);

  const observer = await CollabClient.connect(a.url, tokens.observer!, draft.id);
  await waitFor(() => everyone.every((c) => contentOf(c.doc) === contentOf(observer.doc)), 'all clients to converge');
  const docA = await liveDoc(a.server, draft.id);
  const docB = await liveDoc(b, draft.id);
  await waitFor(() => contentOf(docA) === contentOf(docB) && contentOf(docA) === contentOf(observer.doc), 'both instances to converge');

  // Byte for byte: the same update encodes both instances' documents, and the database's.
  const bytesA = Buffer.from(Y.encodeStateAsUpdate(docA));
  const bytesB = Buffer.from(Y.encodeStateAsUpdate(docB));
  const stored = await storedDoc(b.dataSource, draft.id);
  const bytesDb = Buffer.from(Y.encodeStateAsUpdate(stored));
  expect(bytesB.equals(bytesA)).toBe(true);
  expect(bytesDb.equals(bytesA)).toBe(true);
  expect(Buffer.from(Y.encodeStateAsUpdate(observer.doc)).equals(bytesA)).toBe(true);

  const text = paragraphText(docA, p5.id);
  const projected = projectDelta(deltaNow(text));
  if (!projected.ok) throw new Error(projected.problem);
  expect(projected.base.startsWith('ZZZZZZ')).toBe(true);
  expect(projected.brackets.map((bk) => bk.sponsors[0]).sort()).toEqual(['CAN', 'CH', 'MEX', 'US']);
  for (const bk of projected.brackets) expect(bk.text).toHaveLength(bk.sponsors[0]!.length + 2 + 60);

  // The projection both instances write converges on the same rows.
  await waitFor(async () => {
    const [p] = await b.dataSource.query(`SELECT text FROM paragraph WHERE id = $1`, [p5.id]);
    const amendments: { id: string; start: number; end: number; text: string }[] = await b.dataSource.query(
      `SELECT id, start_offset AS start, end_offset AS "end", text FROM amendment WHERE paragraph_id = $1 AND status = 'proposed' ORDER BY id`,
      [p5.id],
    );
    const want = projected.brackets.map((bk) => ({ id: bk.id, start: bk.start, end: bk.end, text: bk.text })).sort((x, y) => (x.id < y.id ? -1 : 1));
    return p.text === projected.base && JSON.stringify(amendments) === JSON.stringify(want);
  }, 'the database rows to match the document', 30_000);

  // Presence crosses instances, stamped with the delegation.
  await onA[0]!.setAwareness({ paragraphId: p5.id, user: { delegation: 'US' } });
  await waitFor(() => [...onB[0]!.awareness.values()].some((s) => (s.state?.user as { delegation?: string } | undefined)?.delegation === 'MEX'), 'MEX’s presence on instance B');
  expect([...onB[0]!.awareness.values()].filter((s) => s.state?.paragraphId === p5.id).map((s) => (s.state?.user as { delegation: string }).delegation)).toEqual(['MEX']);

  // A REST change made on instance B reaches clients of instance A.
  const res = await fetch(`${bUrl}/api/paragraphs/${paragraph(section(draft, 'entity', 'CICTE'), '9').id}/delete`, { method: 'POST', headers: { authorization: `Bearer ${tokens.chair}` } });
  expect(res.status).toBe(200);
  await waitFor(() => onA[0]!.paragraph(paragraph(section(draft, 'entity', 'CICTE'), '9').id).get(PARAGRAPH_FIELDS.status) === 'deleted', 'the deletion on instance A');

  console.log(`scale-out: ${everyone.reduce((n, c) => n + c.sent.length, 0)} updates from 5 clients on 2 instances; document ${bytesA.length} bytes, identical on both instances, every client and in PostgreSQL`);
  for (const c of [...everyone, observer]) c.close();
});

it('hands a writer id given back on one instance to a page on the other, which goes on from its last change', async () => {
  const chair = await a.login('chair');
  const draft = await demoDraft(a, chair);
  const p3 = paragraph(section(draft, 'entity', 'CICTE'), '3');
  // The draft open on both instances, as in a meeting spread over them.
  const watchers = [await CollabClient.connect(a.url, chair, draft.id), await CollabClient.connect(b.url, chair, draft.id)];
  const ids = new Set<number>();
  let typed = '';
  for (let i = 0; i < 8; i += 1) {
    const url = i % 2 === 0 ? a.url : b.url;
    const c = await CollabClient.connect(url, chair, draft.id, { writer: { key: `scale-out-page-${i}-of-the-chair` } });
    const w = await c.takeWriterId();
    if (!w.ok) throw new Error(`no writer id: ${JSON.stringify(w)}`);
    ids.add(w.clientId);
    const ch = String.fromCharCode(97 + i);
    c.text(p3.id).insert(0, ch);
    typed = ch + typed;
    await c.settled();
    expect(c.sent.every((u) => u.ack?.ok)).toBe(true);
    // Closed cleanly: the next page, on the other instance, may be handed its id at once.
    c.close();
    await waitFor(async () => ((await a.server.dataSource.query(`SELECT 1 FROM collab_writer WHERE draft_id = $1 AND held_until < now()`, [draft.id])) as unknown[]).length > 0, 'the id to be given back');
  }
  expect(ids.size).toBe(1);
  const docA = await liveDoc(a.server, draft.id);
  const docB = await liveDoc(b, draft.id);
  await waitFor(() => paragraphText(docA, p3.id).toString().startsWith(typed) && contentOf(docA) === contentOf(docB), 'both instances to hold every keystroke');
  const stored = await storedDoc(a.server.dataSource, draft.id);
  for (const d of [docA, docB, stored, ...watchers.map((w) => w.doc)]) {
    expect(d.store.pendingStructs).toBeNull();
    expect(paragraphText(d, p3.id).toString().startsWith(typed)).toBe(true);
  }
  expect(Buffer.from(Y.encodeStateAsUpdate(docA)).equals(Buffer.from(Y.encodeStateAsUpdate(stored)))).toBe(true);
  for (const w of watchers) w.close();
});
});
