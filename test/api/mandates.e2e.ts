import { PARAGRAPH_FIELDS, type Literal } from '@omnibus/shared';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, fingerprint, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * A mandates paragraph is one paragraph, a chapeau and its literals: the literals change as a list
 * (against the version the editor started from), reach everyone's live document, and never count
 * as paragraphs.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

it('changes the literals as a list, live for everyone, and refuses a stale or foreign edit without changing anything', async () => {
  const chair = await t.login('chair');
  const draft = await demoDraft(t, chair);
  const topic = section(draft, 'topic', 'landmines');
  const created = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
    token: chair,
    body: { sectionId: topic.id, kind: 'mandates', text: 'To instruct the General Secretariat, through the SMS, to:', literals: [{ text: 'support demining;' }, { text: 'report.' }] },
  });
  expect(created.status).toBe(201);
  const p = created.body as { id: string; version: number };
  const watcher = await CollabClient.connect(t.url, await t.login('mex'), draft.id);

  const literals = [{ text: 'support mine action in the Americas;' }, { text: 'assist victims;' }, { text: 'report to the Committee.' }];
  const saved = await t.api('PATCH', `/api/paragraphs/${p.id}`, { token: chair, body: { literals, version: p.version } });
  expect(saved.status).toBe(200);
  expect(saved.body.literals).toEqual([
    { label: 'a', text: 'support mine action in the Americas;' },
    { label: 'b', text: 'assist victims;' },
    { label: 'c', text: 'report to the Committee.' },
  ]);
  const live = () => watcher.paragraph(p.id).get(PARAGRAPH_FIELDS.literals) as Literal[] | null;
  await waitFor(() => live()?.length === 3, 'the literals in the live document');
  expect(live()?.map((l) => l.label)).toEqual(['a', 'b', 'c']);

  const after = await demoDraft(t, chair);
  const caps = after.caps.find((c) => c.scope === 'topic_mandates' && c.key === 'landmines');
  expect(caps).toMatchObject({ used: 1, limit: 1 });
  expect(after.caps.find((c) => c.scope === 'total')?.used).toBe(draft.caps.find((c) => c.scope === 'total')!.used + 1);

  const before = await fingerprint(t, draft.id);
  const stale = await t.api('PATCH', `/api/paragraphs/${p.id}`, { token: chair, body: { literals: [{ text: 'overwrite' }], version: p.version } });
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/changed by someone else/) });
  const foreign = await t.api('PATCH', `/api/paragraphs/${p.id}`, { token: await t.login('mex'), body: { literals: [{ text: 'ours' }] } });
  expect(foreign.status).toBe(403);
  expect(foreign.body.message).toMatch(/chair, a vice-chair or the secretariat/);
  const tooMany = await t.api('PATCH', `/api/paragraphs/${p.id}`, { token: chair, body: { literals: Array.from({ length: 27 }, (_, i) => ({ text: `item ${i}` })) } });
  expect(tooMany.status).toBe(400);
  expect(await fingerprint(t, draft.id)).toBe(before);
  expect(live()?.map((l) => l.text)).toEqual(literals.map((l) => l.text));
  watcher.close();
});
