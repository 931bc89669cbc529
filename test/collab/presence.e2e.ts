import { COLLAB_LIMITS } from '@omnibus/shared';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/** Presence: who is in the room, in which paragraph, where their cursor is, under whose name. */
let t: TestServer;
let draftId: string;
let p7: string;

beforeAll(async () => {
  t = await startTestServer();
  const draft = await demoDraft(t, await t.login('chair'));
  draftId = draft.id;
  p7 = paragraph(section(draft, 'entity', 'CICTE'), '7').id;
});
afterAll(async () => {
  await t.close();
});

const userOf = (c: CollabClient, clientId: number) => c.awareness.get(clientId)?.state?.user as Record<string, unknown> | undefined;

it('shows each person in the paragraph they are in, with the delegation the server vouches for', async () => {
  const mex = await CollabClient.connect(t.url, await t.login('mex'), draftId);
  const us = await CollabClient.connect(t.url, await t.login('us'), draftId);
  const cursor = { anchor: { type: null, tname: null, item: null, assoc: 0 }, head: { type: null, tname: null, item: null, assoc: 0 } };
  // MEX claims to be the United States: the server overwrites `user`.
  expect(await mex.setAwareness({ paragraphId: p7, cursor, user: { delegation: 'US', delegationName: 'United States', username: 'us' } })).toEqual({ ok: true });
  await waitFor(() => userOf(us, mex.doc.clientID) !== undefined, 'MEX’s presence at US');
  expect(us.awareness.get(mex.doc.clientID)?.state).toMatchObject({ paragraphId: p7, cursor, user: { username: 'mex', delegation: 'MEX', role: 'delegate' } });
  expect(userOf(us, mex.doc.clientID)?.delegationName).not.toBe('United States');

  // A latecomer sees who is already there.
  const chair = await CollabClient.connect(t.url, await t.login('chair'), draftId);
  await waitFor(() => userOf(chair, mex.doc.clientID)?.delegation === 'MEX', 'MEX’s presence at the latecomer');

  // Nobody speaks for someone else's awareness client, or sends a novel as a cursor.
  expect(await us.setAwareness({ paragraphId: p7 }, mex.doc.clientID)).toMatchObject({ ok: false, error: 'forbidden', details: { reason: 'awareness_impersonation' } });
  expect(await us.setAwareness({ note: 'x'.repeat(COLLAB_LIMITS.awarenessStateBytes) })).toMatchObject({ ok: false, error: 'payload_too_large', details: { reason: 'oversized' } });
  expect(await us.setAwareness({ paragraphId: 42 })).toMatchObject({ ok: false, details: { reason: 'malformed_awareness' } });
  expect(userOf(chair, mex.doc.clientID)?.delegation).toBe('MEX');

  // Leaving clears the presence for everyone.
  mex.close();
  await waitFor(() => us.awareness.get(mex.doc.clientID)?.state === null, 'MEX’s presence to clear');
  us.close();
  chair.close();
});
