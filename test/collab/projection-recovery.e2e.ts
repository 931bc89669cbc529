import type { ParagraphView } from '@omnibus/shared';
import { RunningServer, startServer } from '../../server/src/bootstrap';
import { CollabService } from '../../server/src/collaboration/collab.service';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { createTestDatabase } from '../support/test-database';
import { apiClient, testConfig } from '../support/test-server';

/**
 * The two ways the paragraph tables catch up with a stored document they lag (what a crash between
 * a commit and its projection leaves): the server's start, before it answers anyone, and the load
 * of the draft's room. The lag is made by hand here, exactly as a crash leaves it: the rows and
 * their agreement as of the last projection, the document ahead, the mark behind.
 */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let server: RunningServer;

/** Rooms close at once when left, and project often. */
async function start(): Promise<RunningServer> {
  return startServer(testConfig(db.url, { COLLAB_IDLE_CLOSE_MS: '50', COLLAB_PROJECT_EVERY_MS: '100' }));
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await start();
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

it('brings the tables up to the stored document when the room loads and when the server starts, with nobody typing', async () => {
  let t = apiClient(server.url);
  let chair = await t.login('chair');
  const mex = await t.login('mex');
  const draft = await demoDraft(t, chair);
  const target = paragraph(section(draft, 'entity', 'CICTE'), '1');
  const amendmentText = async () => {
    const p = (await t.api<ParagraphView>('GET', `/api/paragraphs/${target.id}`, { token: chair })).body;
    return p.amendments.find((a) => a.id === bracketId)?.text ?? null;
  };

  const client = await CollabClient.connect(server.url, mex, draft.id);
  const bracketId = client.propose(target.id, 0, 'MEX ', 'MEX');
  client.text(target.id).insert(4, 'typed before the crash');
  await client.settled();
  await waitFor(async () => (await amendmentText()) === 'MEX typed before the crash', 'the projection');
  client.close();
  const collab = () => server.app.get(CollabService);
  await waitFor(() => collab().openRooms === 0, 'the room to close');

  // What a crash a moment after the last keystrokes leaves: rows as of an earlier projection, the mark behind.
  const lag = async () => {
    await server.dataSource.query(`UPDATE amendment SET text = 'MEX typed' WHERE id = $1`, [bracketId]);
    await server.dataSource.query(`UPDATE collab_document SET projected_seq = 0 WHERE draft_id = $1`, [draft.id]);
    expect(await amendmentText()).toBe('MEX typed');
  };
  const mark = async () =>
    ((await server.dataSource.query(`SELECT head_seq = projected_seq AS caught FROM collab_document WHERE draft_id = $1`, [draft.id])) as { caught: boolean }[])[0]?.caught;

  // 1. Someone opens the draft (an observer, who cannot type): the room's first projection repairs the rows.
  await lag();
  const observer = await CollabClient.connect(server.url, await t.login('observer'), draft.id);
  await waitFor(async () => (await amendmentText()) === 'MEX typed before the crash', 'the room load to project the lagging paragraph');
  await waitFor(async () => (await mark()) === true, 'the mark to catch up');
  observer.close();
  await waitFor(() => collab().openRooms === 0, 'the room to close');

  // 2. The server restarts and nobody opens the draft: REST is right from its first answer.
  await lag();
  await server.close();
  server = await start();
  t = apiClient(server.url);
  chair = await t.login('chair');
  expect(collab().openRooms).toBe(0);
  expect(await amendmentText()).toBe('MEX typed before the crash');
  expect(await mark()).toBe(true);
  const compiled = (await t.api<ParagraphView>('GET', `/api/paragraphs/${target.id}`, { token: chair })).body.compiled;
  expect(compiled).toContain('[MEX: MEX typed before the crash]');
});
