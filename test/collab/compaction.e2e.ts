import { CollabClient, contentOf, storedDoc, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * A room folds its stored batches into the snapshot every few rows (here 4). The folded document
 * must hold every acknowledged keystroke, and the folding must not hold the typing up: batches go on
 * while a compaction waits.
 */
jest.setTimeout(60_000);

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ COLLAB_COMPACT_AFTER_ROWS: '4' });
});
afterAll(async () => {
  await t.close();
});

interface Store {
  snapshot_seq: string;
  head_seq: string;
  rows: number;
  oldest: string | null;
}

async function store(draftId: string): Promise<Store> {
  const rows = (await t.server.dataSource.query(
    `SELECT d.snapshot_seq, d.head_seq, (SELECT count(*)::int FROM collab_update u WHERE u.draft_id = d.draft_id) AS rows,
            (SELECT min(seq) FROM collab_update u WHERE u.draft_id = d.draft_id) AS oldest
       FROM collab_document d WHERE d.draft_id = $1`,
    [draftId],
  )) as Store[];
  if (!rows[0]) throw new Error('no collab_document row');
  return rows[0];
}

async function typeAcknowledged(client: CollabClient, paragraphId: string, words: string[]): Promise<void> {
  for (const w of words) {
    const before = client.sent.length;
    client.text(paragraphId).insert(0, w);
    const sent = client.sent[before];
    await waitFor(() => sent?.ack !== null && sent?.ack !== undefined, `the acknowledgement of "${w}"`, 5_000);
    expect(sent?.ack).toMatchObject({ ok: true });
  }
}

it('folds stored batches into the snapshot without losing an acknowledged keystroke', async () => {
  const draft = await demoDraft(t, await t.login('chair'));
  const p9 = paragraph(section(draft, 'entity', 'CICTE'), '9');
  const chair = await CollabClient.connect(t.url, await t.login('chair'), draft.id);
  try {
    await typeAcknowledged(chair, p9.id, ['one ', 'two ', 'three ', 'four ', 'five ', 'six ', 'seven ', 'eight ', 'nine ']);
    await waitFor(async () => Number((await store(draft.id)).snapshot_seq) >= 4, 'a compaction', 10_000);
    const s = await store(draft.id);
    // Nothing at or below the snapshot is left as a row.
    expect(s.oldest === null || Number(s.oldest) > Number(s.snapshot_seq)).toBe(true);
    expect(s.rows).toBeLessThan(Number(s.head_seq));
    // Snapshot and remaining rows give back exactly the document every client has.
    await waitFor(async () => contentOf(await storedDoc(t.server.dataSource, draft.id)) === contentOf(chair.doc), 'the stored document to match the client');
    expect(chair.text(p9.id).toString().startsWith('nine eight seven six five four three two one ')).toBe(true);
  } finally {
    chair.close();
  }
});

it('acknowledges typing while a compaction waits for the rows it folds', async () => {
  const draft = await demoDraft(t, await t.login('chair'));
  const p9 = paragraph(section(draft, 'entity', 'CICTE'), '9');
  const chair = await CollabClient.connect(t.url, await t.login('chair'), draft.id);
  // The last compaction may have folded every row: a stored row must exist for the next one to wait on.
  while ((await store(draft.id)).rows === 0) await typeAcknowledged(chair, p9.id, ['z ']);
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let locked = false;
  // Another transaction holds every stored row of the draft: the next compaction's DELETE waits for it.
  const holder = t.server.dataSource.transaction(async (m) => {
    await m.query(`SELECT seq FROM collab_update WHERE draft_id = $1 FOR UPDATE`, [draft.id]);
    locked = true;
    await held;
  });
  try {
    await waitFor(() => locked, 'the rows to be locked');
    const before = Number((await store(draft.id)).snapshot_seq);
    // Enough batches to start a compaction, which blocks on the held rows.
    await typeAcknowledged(chair, p9.id, ['a ', 'b ', 'c ', 'd ', 'e ']);
    await waitFor(
      async () => {
        const waiting = (await t.server.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM collab_update%'`,
        )) as { n: number }[];
        return (waiting[0]?.n ?? 0) > 0;
      },
      'a compaction waiting for the held rows',
      10_000,
    );
    // The batches do not wait for it.
    await typeAcknowledged(chair, p9.id, ['f ', 'g ', 'h ']);
    expect(Number((await store(draft.id)).snapshot_seq)).toBe(before);

    release();
    await holder;
    await waitFor(async () => Number((await store(draft.id)).snapshot_seq) > before, 'the compaction to finish', 10_000);
    await waitFor(async () => contentOf(await storedDoc(t.server.dataSource, draft.id)) === contentOf(chair.doc), 'the stored document to match the client');
    expect(chair.text(p9.id).toString().startsWith('h g f e d c b a ')).toBe(true);
  } finally {
    release();
    await holder.catch(() => undefined);
    chair.close();
  }
});
