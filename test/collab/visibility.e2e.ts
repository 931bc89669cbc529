import type { DraftView } from '@omnibus/shared';
import { Client } from 'pg';
import { Y } from '../../server/src/collaboration/yjs';
import { CollabClient, storedDoc, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Nobody is shown a change before PostgreSQL holds it. While a delegate's change is being stored,
 * the others (those already in the room and those joining it) see the draft without it, and a join
 * is not held up; the moment it commits, everyone gets it. A refused message in between loses none
 * of what was accepted and is still being stored.
 */
let t: TestServer;
let draft: DraftView;
let tokens: Record<string, string>;
const open: CollabClient[] = [];

beforeAll(async () => {
  t = await startTestServer();
  tokens = {};
  for (const u of ['chair', 'mex', 'us', 'can']) tokens[u] = await t.login(u);
  draft = await demoDraft(t, tokens.chair!);
});
afterAll(async () => {
  for (const c of open) c.close();
  await t.close();
});

async function connect(user: string): Promise<CollabClient> {
  const c = await CollabClient.connect(t.url, tokens[user]!, draft.id);
  open.push(c);
  return c;
}

/**
 * Runs `during` while the draft's store lock is held in a transaction of its own, so every batch
 * waits until `during` calls `release` (or returns or fails: the lock never outlives the test).
 */
async function withStoreHeld(during: (release: () => Promise<void>) => Promise<void>): Promise<void> {
  const pg = new Client({ connectionString: t.databaseUrl });
  await pg.connect();
  await pg.query('BEGIN');
  await pg.query('SELECT head_seq FROM collab_document WHERE draft_id = $1 FOR UPDATE', [draft.id]);
  let released: Promise<void> | null = null;
  const release = () => (released ??= pg.query('COMMIT').then(() => pg.end()));
  try {
    await during(release);
  } finally {
    await release();
  }
}

/** A paragraph's text in the document PostgreSQL holds. */
async function storedText(paragraphId: string): Promise<string> {
  const stored = await storedDoc(t.server.dataSource, draft.id);
  return String((stored.getMap('paragraphs').toJSON()[paragraphId] as { text: string }).text);
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('shows a change to no one until it is committed, lets others join meanwhile, and delivers it to all once stored', async () => {
  const p7 = paragraph(section(draft, 'entity', 'CICTE'), '7');
  const mex = await connect('mex');
  const can = await connect('can');
  await withStoreHeld(async (release) => {
    mex.propose(p7.id, 28, ' pending words', 'MEX');
    await settle(400);
    expect(mex.sent.at(-1)?.ack).toBeNull();
    expect(can.text(p7.id).toString()).not.toContain('pending words');

    // A delegate joining now is answered at once, with the draft as stored.
    const joinedAt = Date.now();
    const us = await connect('us');
    expect(Date.now() - joinedAt).toBeLessThan(5_000);
    expect(us.text(p7.id).toString()).not.toContain('pending words');
    await settle(200);
    expect(us.text(p7.id).toString()).not.toContain('pending words');

    await release();
    await mex.settled();
    expect(mex.sent.at(-1)?.ack).toEqual({ ok: true });
    await waitFor(() => can.text(p7.id).toString().includes('pending words') && us.text(p7.id).toString().includes('pending words'), 'everyone to receive the committed change');
    expect(await storedText(p7.id)).toContain('pending words');
    expect(Y.encodeStateVector(await storedDoc(t.server.dataSource, draft.id))).toEqual(Y.encodeStateVector(mex.doc));
  });
});

it('keeps what was accepted and is still being stored when another message is refused in between', async () => {
  const p9 = paragraph(section(draft, 'entity', 'CICTE'), '9');
  const mex = await connect('mex');
  const us = await connect('us');
  const can = await connect('can');
  await withStoreHeld(async (release) => {
    mex.propose(p9.id, 0, 'First ', 'MEX');
    await settle(200);
    // US tries to write in MEX's name: refused, and the server's copy it judged on is rebuilt.
    us.propose(p9.id, 0, 'Forged ', 'MEX');
    await waitFor(() => us.errors.some((e) => e.details?.reason === 'bracket_forged'), 'the refusal');
    // MEX goes on typing inside its bracket, which is not stored yet: still accepted.
    mex.text(p9.id).insert('First '.length, 'and second ');
    await settle(200);
    await release();
    await mex.settled();
    expect(mex.sent.map((s) => s.ack?.ok)).toEqual(mex.sent.map(() => true));
    await waitFor(() => can.text(p9.id).toString().startsWith('First and second '), 'CAN to see both of MEX’s changes');
    expect(can.text(p9.id).toString()).not.toContain('Forged');
    const stored = await storedText(p9.id);
    expect(stored).toMatch(/^First and second /);
    expect(stored).not.toContain('Forged');
  });
});
