import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ProjectionRepository } from '../../server/src/collaboration/projection.repository';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * A keystroke's batch is written on connections of its own: however busy the pool every other query
 * shares (API requests, the projection, translation checks), an acknowledgement never waits for it;
 * nor does it wait for a projection round that holds the paragraph it proposes a bracket in.
 */
jest.setTimeout(60_000);

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

it('stores and acknowledges typing while every connection of the shared pool is taken', async () => {
  const draft = await demoDraft(t, await t.login('chair'));
  const p9 = paragraph(section(draft, 'entity', 'CICTE'), '9');
  const chair = await CollabClient.connect(t.url, await t.login('chair'), draft.id);
  try {
    const shared = (t.server.dataSource.driver as PostgresDriver).master as Pool;
    // More sleeping queries than the shared pool has connections: until they end, nothing else gets one.
    let sleepingDone = false;
    const sleeping = Promise.all(Array.from({ length: shared.options.max + 5 }, () => t.server.dataSource.query('SELECT pg_sleep(4)'))).then(() => (sleepingDone = true));
    await waitFor(() => shared.waitingCount > 0 && shared.idleCount === 0, 'every shared connection to be taken');

    const started = performance.now();
    const before = chair.sent.length;
    chair.text(p9.id).insert(0, 'Z');
    const typed = chair.sent[before];
    expect(typed).toBeDefined();
    await waitFor(() => typed?.ack?.ok === true, 'the acknowledgement while the shared pool is taken', 3_000);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(sleepingDone).toBe(false);

    await sleeping;
    const rows = (await t.server.dataSource.query(`SELECT count(*)::int AS n FROM collab_update WHERE draft_id = $1`, [draft.id])) as { n: number }[];
    expect(rows[0]?.n).toBeGreaterThan(0);
  } finally {
    chair.close();
  }
});

it('stores a new bracket while a projection holds its paragraph', async () => {
  const draft = await demoDraft(t, await t.login('chair'));
  const p9 = paragraph(section(draft, 'entity', 'CICTE'), '9');
  const mex = await CollabClient.connect(t.url, await t.login('mex'), draft.id);
  const projection = new ProjectionRepository();
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let locked = false;
  // A projection round's lock on the paragraph, held until we let it go.
  const round = t.server.dataSource.transaction(async (m) => {
    await projection.lockParagraphs(m, [p9.id]);
    locked = true;
    await held;
  });
  try {
    await waitFor(() => locked, 'the paragraph to be locked');
    const before = mex.sent.length;
    mex.propose(p9.id, 0, 'firmly ', 'MEX');
    const proposal = mex.sent[before];
    expect(proposal).toBeDefined();
    // Its batch claims the new bracket (a row pointing at the paragraph): it need not wait for the round.
    await waitFor(() => proposal?.ack !== null, 'the acknowledgement while the paragraph is locked', 5_000);
    expect(proposal?.ack).toMatchObject({ ok: true });
  } finally {
    release();
    await round;
    mex.close();
  }
});
