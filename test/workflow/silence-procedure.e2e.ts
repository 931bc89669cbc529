import type { DraftView } from '@omnibus/shared';
import { demoDraft, fingerprint, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { connectLive, eventually, LiveClient, travelTo } from './live-helpers';
import { meetingAt, toNegotiation } from './workflow-helpers';

let t: TestServer;
let draft: DraftView;
let chair: string;
let bra: string;
let mex: string;
let observer: LiveClient;

const cicte = (label: string) => paragraph(section(draft, 'entity', 'CICTE'), label).id;
const post = (path: string, token: string, body: unknown = {}) => t.api('POST', path, { token, body });

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  bra = await t.login('bra');
  mex = await t.login('mex');
  draft = await demoDraft(t, chair);
  await toNegotiation(t, draft.id, chair);
  travelTo(t, '2022-09-09T14:00:00Z');
  observer = await connectLive(t, await t.login('observer'), draft.id);
});

afterAll(async () => {
  observer.close();
  await t.close();
});

const status = async (id: string) => (await t.api('GET', `/api/paragraphs/${id}`, { token: chair })).body.status;

describe('the silence procedure', () => {
  it('only the chair circulates text, with a deadline still to come; refusals change nothing', async () => {
    const before = await fingerprint(t, draft.id);
    const deadline = '2022-09-12T12:00:00-04:00';
    expect((await post(`/api/drafts/${draft.id}/silence`, mex, { deadline, items: [{ paragraphId: cicte('1') }] })).status).toBe(403);
    const past = await post(`/api/drafts/${draft.id}/silence`, chair, { deadline: '2022-09-01T12:00:00-04:00', items: [{ paragraphId: cicte('1') }] });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('September 1, 2022 at 12:00 PM EDT');
    expect((await post(`/api/drafts/${draft.id}/silence`, chair, { deadline, items: [] })).status).toBe(400);
    expect(await fingerprint(t, draft.id)).toBe(before);
    expect(await t.server.dataSource.query(`SELECT 1 FROM silence_procedure`)).toHaveLength(0);
  });

  it('unbroken at its deadline, it adopts the circulated text; its timer fires without anyone asking', async () => {
    travelTo(t, null);
    const deadline = new Date(Date.now() + 1500).toISOString();
    const nine = paragraph(section(draft, 'entity', 'CICTE'), '9');
    const circulated = nine.text.replace(' in the first half of 2022', '');
    const started = await post(`/api/drafts/${draft.id}/silence`, chair, {
      deadline,
      note: 'Texts agreed in informal consultations.',
      items: [{ paragraphId: cicte('1') }, { paragraphId: nine.id, text: circulated }],
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'open', items: [{ label: '1' }, { label: '9', text: circulated }], objections: [] });
    const adopted = await observer.waitFor('silence.changed', (p) => p.id === started.body.id && p.status === 'adopted', 10_000);
    expect(adopted.concludedAt).not.toBeNull();
    expect(await status(cicte('1'))).toBe('approved');
    const nineNow = (await t.api('GET', `/api/paragraphs/${nine.id}`, { token: chair })).body;
    expect(nineNow).toMatchObject({ status: 'approved', text: circulated });
    const history = await t.api('GET', `/api/drafts/${draft.id}/history?targetId=${started.body.id}`, { token: chair });
    expect(history.body.map((e: { action: string; actor: { username: string | null } }) => [e.action, e.actor.username])).toEqual([
      ['silence.start', 'chair'],
      ['silence.adopted', null],
    ]);
  });

  it('a stated objection breaks silence: at the deadline the paragraphs return to the session’s queue', async () => {
    travelTo(t, '2022-09-13T14:00:00Z');
    const opened = await post(`/api/drafts/${draft.id}/sessions`, chair, { meetingId: await meetingAt(t, chair, '2022-09-13T14:00:00.000Z') });
    expect(opened.status).toBe(201);
    const sessionId = opened.body.id;
    const started = await post(`/api/drafts/${draft.id}/silence`, chair, {
      deadline: '2022-09-14T12:00:00-04:00',
      items: [{ paragraphId: cicte('5') }, { paragraphId: cicte('6') }],
    });
    expect(started.status).toBe(201);
    // Under silence: not to be called meanwhile.
    const call = await post(`/api/sessions/${sessionId}/call`, chair, { paragraphId: cicte('5') });
    expect(call.body).toMatchObject({ error: 'invalid_state' });
    expect((await post(`/api/drafts/${draft.id}/silence`, chair, { deadline: '2022-09-15T12:00:00-04:00', items: [{ paragraphId: cicte('5') }] })).status).toBe(409);

    expect((await post(`/api/silence/${started.body.id}/objections`, chair, { reason: 'x' })).status).toBe(403);
    expect((await post(`/api/silence/${started.body.id}/objections`, bra, { reason: '' })).status).toBe(400);
    const broken = await post(`/api/silence/${started.body.id}/objections`, bra, { reason: 'Brazil cannot accept the reference to the OEWG report.' });
    expect(broken.status).toBe(201);
    expect(broken.body).toMatchObject({ status: 'open', objections: [{ delegation: 'BRA', reason: 'Brazil cannot accept the reference to the OEWG report.' }] });
    expect((await post(`/api/silence/${started.body.id}/objections`, bra, { reason: 'Again.' })).body.error).toBe('conflict');

    travelTo(t, '2022-09-14T16:30:00Z');
    const concluded = await eventually(async () => {
      const got = await t.api('GET', `/api/silence/${started.body.id}`, { token: mex });
      expect(got.body.status).toBe('broken');
      return got.body;
    });
    expect(concluded.deadlineLocal).toBe('Wednesday, September 14, 2022 at 12:00 PM EDT (America/New_York)');
    expect(await status(cicte('5'))).toBe('pending');
    const session = (await t.api('GET', `/api/sessions/${sessionId}`, { token: chair })).body;
    expect(session.queue.filter((q: { returning: boolean }) => q.returning).map((q: { label: string }) => q.label)).toEqual(['5', '6']);
    const late = await post(`/api/silence/${started.body.id}/objections`, mex, { reason: 'Late.' });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('deadline_passed');
    expect(late.body.message).toContain('September 14, 2022 at 12:00 PM EDT');
    expect((await post(`/api/sessions/${sessionId}/call`, chair, { paragraphId: cicte('5') })).status).toBe(200);
  });

  it('is settled on read when no timer ran (another instance, a restart)', async () => {
    // Written straight to the database: no timer of this server knows about it.
    const [row] = await t.server.dataSource.query(
      `INSERT INTO silence_procedure (draft_id, deadline, started_at) VALUES ($1, now() - interval '1 hour', now() - interval '1 day') RETURNING id`,
      [draft.id],
    );
    await t.server.dataSource.query(`INSERT INTO silence_item (procedure_id, paragraph_id, position, text) VALUES ($1, $2, 0, 'To agree.')`, [
      row.id,
      cicte('7'),
    ]);
    travelTo(t, null);
    const list = await t.api('GET', `/api/drafts/${draft.id}/silence`, { token: mex });
    expect(list.body.find((s: { id: string }) => s.id === row.id).status).toBe('adopted');
    expect((await t.api('GET', `/api/paragraphs/${cicte('7')}`, { token: chair })).body).toMatchObject({ status: 'approved', text: 'To agree.' });
  });
});
