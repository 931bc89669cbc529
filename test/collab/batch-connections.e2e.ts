import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * A keystroke's batch is written on connections of its own: however busy the pool every other query
 * shares (API requests, the projection, translation checks), an acknowledgement never waits for it.
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
