import type { DraftView } from '@omnibus/shared';
import { demoDraft, fingerprint, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { travelTo } from './live-helpers';
import { meetingAt } from './workflow-helpers';

let t: TestServer;
let draft: DraftView;
let chair: string;

const post = async (path: string, who: string, body: unknown = {}) => t.api('POST', path, { token: await t.login(who), body });
const workflowRows = async () =>
  t.server.dataSource.query(
    `SELECT (SELECT count(*)::int FROM draft_version) AS versions, (SELECT count(*)::int FROM approval_session) AS sessions,
            (SELECT phase FROM draft_workflow WHERE draft_id = $1) AS phase, (SELECT comment_deadline FROM draft_workflow WHERE draft_id = $1) AS deadline`,
    [draft.id],
  );

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  draft = await demoDraft(t, chair);
  travelTo(t, '2022-07-14T15:00:00Z');
});
afterAll(() => t.close());

/** Each refusal: the status and code, a sentence to act on, and the database as it was. */
async function refused(call: () => Promise<{ status: number; body: any }>, status: number, error: string): Promise<string> {
  const before = [await fingerprint(t, draft.id), JSON.stringify(await workflowRows())];
  const res = await call();
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error });
  expect(typeof res.body.message).toBe('string');
  expect([await fingerprint(t, draft.id), JSON.stringify(await workflowRows())]).toEqual(before);
  return res.body.message;
}

describe('who may do what in the negotiation, and in which phase', () => {
  it('the phases advance one step at a time, each on its condition', async () => {
    const phase = (p: string, body: Record<string, unknown> = {}) => post(`/api/drafts/${draft.id}/workflow/phase`, 'chair', { phase: p, ...body });
    expect(await refused(() => phase('negotiation'), 409, 'invalid_state')).toBe('From drafting the draft moves to comments, not negotiation.');
    expect(await refused(() => phase('comments'), 409, 'invalid_state')).toMatch(/^Publish the Chair's first draft/);
    await refused(() => post(`/api/drafts/${draft.id}/workflow/phase`, 'secretariat', { phase: 'comments' }), 403, 'forbidden');
    await refused(() => post(`/api/drafts/${draft.id}/workflow/phase`, 'mex', { phase: 'comments' }), 403, 'forbidden');
    await refused(() => phase('revision', { commentDeadline: '2022-08-14T23:59:00-04:00' }), 409, 'invalid_state');
    await refused(() => phase('sideways'), 400, 'validation_failed');

    expect((await post(`/api/drafts/${draft.id}/versions`, 'vicechair', { name: "Chair's first draft" })).status).toBe(201);
    await refused(() => post(`/api/drafts/${draft.id}/versions`, 'chair', { name: "Chair's first draft" }), 409, 'conflict');
    await refused(() => post(`/api/drafts/${draft.id}/versions`, 'observer'), 403, 'forbidden');
    await refused(() => phase('comments', { commentDeadline: '2022-07-01T23:59:00-04:00' }), 400, 'validation_failed');
    expect((await phase('comments')).body.phase).toBe('comments');

    // Extending while open is the chair's, audited; a deadline already past is refused.
    const extended = await post(`/api/drafts/${draft.id}/comment-window`, 'chair', { deadline: '2022-08-16T23:59:00-04:00' });
    expect(extended.body).toMatchObject({ phase: 'comments', commentDeadline: '2022-08-17T03:59:00.000Z' });
    await refused(() => post(`/api/drafts/${draft.id}/comment-window`, 'chair', { deadline: '2022-07-01T00:00:00Z' }), 400, 'validation_failed');
    const history = await t.api('GET', `/api/drafts/${draft.id}/history?targetId=${draft.id}`, { token: chair });
    expect(history.body.filter((e: any) => e.action === 'workflow.window.extend')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ username: 'chair' }), before: expect.objectContaining({ commentDeadline: '2022-08-15T03:59:00.000Z' }) }),
    ]);

    expect((await phase('revision')).body.phase).toBe('revision');
    expect(await refused(() => phase('negotiation'), 409, 'invalid_state')).toMatch(/^Publish the revised version \(rev\. 1\)/);
    await post(`/api/drafts/${draft.id}/versions`, 'chair');
    expect((await phase('negotiation')).body.phase).toBe('negotiation');
    await refused(() => post(`/api/drafts/${draft.id}/comment-window`, 'chair', { deadline: '2022-12-01T00:00:00Z' }), 409, 'invalid_state');
    expect(await refused(() => phase('adopted'), 409, 'invalid_state')).toMatch(/^12 paragraphs are still in play without approval/);
  });

  it('only the chair and vice-chairs run sessions; delegations ask for the floor; observers only watch', async () => {
    const meetingId = await meetingAt(t, chair, '2022-09-01T14:00:00.000Z');
    for (const who of ['secretariat', 'mex', 'observer']) await refused(() => post(`/api/drafts/${draft.id}/sessions`, who, { meetingId }), 403, 'forbidden');
    await refused(() => post(`/api/drafts/${draft.id}/sessions`, 'chair', { meetingId: draft.id }), 404, 'not_found');
    const opened = await post(`/api/drafts/${draft.id}/sessions`, 'vicechair', { meetingId });
    expect(opened.status).toBe(201);
    const s = `/api/sessions/${opened.body.id}`;
    await refused(() => post(`${s}/decisions`, 'chair', { decision: 'approved' }), 409, 'invalid_state');
    await post(`${s}/call`, 'chair');
    await refused(() => post(`${s}/decisions`, 'chair', { decision: 'held' }), 400, 'validation_failed');
    await refused(() => post(`${s}/decisions`, 'chair', { decision: 'held', leadDelegation: 'XYZ' }), 400, 'validation_failed');
    await refused(() => post(`${s}/decisions`, 'chair', { decision: 'approved', agreedText: 'x' }), 400, 'validation_failed');
    await refused(() => post(`${s}/decisions`, 'chair', { decision: 'approved_as_amended' }), 400, 'validation_failed');
    await refused(() => post(`${s}/decisions`, 'chair', { decision: 'approved_as_amended', acceptedAmendmentIds: [draft.id] }), 400, 'validation_failed');
    await refused(() => post(`${s}/decisions`, 'mex', { decision: 'approved' }), 403, 'forbidden');
    await refused(() => post(`${s}/close`, 'secretariat'), 403, 'forbidden');
    await refused(() => post(`${s}/floor`, 'observer'), 403, 'forbidden');
    await refused(() => post(`${s}/speakers/next`, 'chair'), 409, 'invalid_state');
    const held = await post(`${s}/decisions`, 'chair', { decision: 'held', leadDelegation: 'chi' });
    expect(held.body).toMatchObject({ decision: 'held', leadDelegation: 'CH' });
    expect((await post(`${s}/close`, 'chair')).status).toBe(200);
    await refused(() => post(`${s}/call`, 'chair'), 409, 'invalid_state');
  });

  it('comments and reservations are in a delegation’s own name; observers may do neither', async () => {
    const one = paragraph(section(draft, 'entity', 'CICTE'), '1');
    await refused(() => post(`/api/paragraphs/${one.id}/comments`, 'observer', { body: 'A thought.' }), 403, 'forbidden');
    await refused(() => post(`/api/paragraphs/${one.id}/comments`, 'mex', { body: '   ' }), 400, 'validation_failed');
    await refused(() => post(`/api/paragraphs/${one.id}/comments`, 'chair', { body: 'Reply.', parentId: one.id }), 400, 'validation_failed');
    await refused(() => post(`/api/paragraphs/${one.id}/reservations`, 'observer', { text: 'Reserve.' }), 403, 'forbidden');
    await refused(() => post(`/api/paragraphs/${one.id}/reservations`, 'mex', { text: 'Reserve.' }), 409, 'invalid_state');
    // The chair and the secretariat comment in every phase; the window binds delegations only.
    expect((await post(`/api/paragraphs/${one.id}/comments`, 'chair', { body: 'Noted for the next session.' })).status).toBe(201);
    await refused(() => post(`/api/paragraphs/${one.id}/comments`, 'mex', { body: 'Too late.' }), 409, 'deadline_passed');
  });

  it('answers unknown ids and other drafts’ versions with not_found', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await refused(async () => t.api('GET', `/api/drafts/${draft.id}/redline?from=${unknown}`, { token: chair }), 404, 'not_found');
    await refused(async () => t.api('GET', `/api/drafts/${draft.id}/redline?from=yesterday`, { token: chair }), 400, 'validation_failed');
    await refused(async () => t.api('GET', `/api/sessions/${unknown}`, { token: chair }), 404, 'not_found');
    await refused(async () => t.api('GET', `/api/versions/not-a-uuid`, { token: chair }), 404, 'not_found');
    const other = await post('/api/drafts', 'secretariat', { title: 'Another draft', symbol: 'CP/CSH/zzzz/22' });
    const [version] = (await t.api('GET', `/api/drafts/${draft.id}/versions`, { token: chair })).body;
    await refused(async () => t.api('GET', `/api/drafts/${other.body.id}/redline?from=${version.id}`, { token: chair }), 404, 'not_found');
  });
});
