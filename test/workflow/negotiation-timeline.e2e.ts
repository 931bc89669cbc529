import type { DraftView, ParagraphView } from '@omnibus/shared';
import { demoDraft, fingerprint, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { connectLive, LiveClient, travelTo } from './live-helpers';

/**
 * The work plan's whole negotiation on the demo committee, in order, over HTTP and socket.io:
 * July 14 first draft, the comment window to August 14, rev. 1 on August 22, approval sessions
 * on September 1 and 8, a held paragraph's return, a reservation, and the consensus draft.
 * The steps share one server and build on each other, like the committee's calendar.
 */
let t: TestServer;
let draft: DraftView;
let chair: string;
const tokens: Record<string, string> = {};
const live: LiveClient[] = [];
const ids: Record<string, string> = {};

const at = (label: string) => ids[label] as string;
const post = (path: string, token: string, body?: unknown) => t.api('POST', path, { token, body: body ?? {} });
const get = (path: string, token: string = chair) => t.api('GET', path, { token });

function words(p: ParagraphView, text: string): { start: number; end: number } {
  const start = p.text.indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in paragraph ${p.label}`);
  return { start, end: start + text.length };
}

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  for (const u of ['mex', 'us', 'bra', 'ch', 'arg', 'observer', 'secretariat']) tokens[u] = await t.login(u);
  draft = await demoDraft(t, chair);
  const tc = section(draft, 'topic', 'terrorism-convention');
  const cicte = section(draft, 'entity', 'CICTE');
  for (const p of tc.paragraphs) ids[`TC ${p.label}`] = p.id;
  for (const p of cicte.paragraphs) ids[`CICTE ${p.label}`] = p.id;
});

afterAll(async () => {
  for (const c of live) c.close();
  await t.close();
});

const fresh = async () => (draft = (await get(`/api/drafts/${draft.id}`)).body);
const para = (key: string, label: string) => paragraph(section(draft, key === 'CICTE' ? 'entity' : 'topic', key), label);

describe('the negotiation of the omnibus resolution, July to September 2022', () => {
  it('July 14: the chair presents the first version, a published and immutable version', async () => {
    travelTo(t, '2022-07-14T15:00:00Z');
    const refused = await post(`/api/drafts/${draft.id}/versions`, tokens.mex!);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');

    const first = await post(`/api/drafts/${draft.id}/versions`, chair);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, name: "Chair's first draft", symbol: 'CP/CSH/xxxx/22', phase: 'drafting', publishedBy: 'chair' });
    expect(first.body.classification.new.map((p: { label: string }) => p.label)).toEqual(['5 bis']);
    expect(first.body.classification.new[0].sponsors).toEqual(['CH', 'MEX', 'US']);
    expect(first.body.classification.consensus).toHaveLength(11);
    ids.v1 = first.body.id;

    const stored = await get(`/api/versions/${ids.v1}`, tokens.observer);
    expect(stored.body.snapshot.sections.find((s: { key: string }) => s.key === 'CICTE').paragraphs).toHaveLength(10);
    await expect(t.server.dataSource.query(`UPDATE draft_version SET name = 'x' WHERE id = $1`, [ids.v1])).rejects.toThrow(/immutable/);
    await expect(t.server.dataSource.query(`DELETE FROM draft_version WHERE id = $1`, [ids.v1])).rejects.toThrow(/immutable/);
  });

  it('the comment window opens until the work plan’s deadline, shown in Washington time', async () => {
    const opened = await post(`/api/drafts/${draft.id}/workflow/phase`, chair, { phase: 'comments' });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      phase: 'comments',
      commentDeadline: '2022-08-15T03:59:00.000Z',
      commentDeadlineLocal: 'Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York)',
      timeZone: 'America/New_York',
      windowOpen: true,
    });
    const history = await get(`/api/drafts/${draft.id}/history?targetId=${draft.id}`);
    expect(history.body.map((e: { action: string }) => e.action)).toContain('workflow.phase.comments');
  });

  it('during the window delegations send amendments, a new paragraph and comments', async () => {
    travelTo(t, '2022-08-01T15:00:00Z');
    const nine = para('CICTE', '9');
    const del = await post(`/api/paragraphs/${nine.id}/amendments`, tokens.us!, { kind: 'delete', ...words(nine, ' in the first half of 2022') });
    expect(del.status).toBe(201);
    ids.usDelete = del.body.id;

    const four = para('CICTE', '4');
    const rep = await post(`/api/paragraphs/${four.id}/amendments`, tokens.bra!, { kind: 'replace', ...words(four, 'cyberdiplomacy'), text: 'digital diplomacy' });
    expect(rep.status).toBe(201);

    const two = para('terrorism-convention', '2');
    const at2022 = words(two, 'during 2022').end;
    const ins = await post(`/api/paragraphs/${two.id}/amendments`, tokens.mex!, { kind: 'insert', start: at2022, end: at2022, text: ', in a hybrid format,' });
    expect(ins.status).toBe(201);

    const tc = section(draft, 'topic', 'terrorism-convention');
    const added = await post(`/api/drafts/${draft.id}/paragraphs`, tokens.mex!, {
      sectionId: tc.id,
      kind: 'substantive',
      text: 'To encourage member states to exchange information on the implementation of the Convention.',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ label: '3', state: 'new', sponsors: ['MEX'] });
    ids['TC 3'] = added.body.id;

    const comment = await post(`/api/paragraphs/${at('CICTE 5 bis')}/comments`, tokens.bra!, { body: 'Could the sponsors name the 2021 reports?' });
    expect(comment.status).toBe(201);
    const reply = await post(`/api/paragraphs/${at('CICTE 5 bis')}/comments`, tokens.ch!, { body: 'The OEWG and GGE consensus reports.', parentId: comment.body.id });
    expect(reply.status).toBe(201);
    const thread = await get(`/api/paragraphs/${at('CICTE 5 bis')}/comments`, tokens.observer);
    expect(thread.body).toHaveLength(1);
    expect(thread.body[0]).toMatchObject({ author: { delegation: 'BRA' }, replies: [{ body: 'The OEWG and GGE consensus reports.', author: { delegation: 'CH' } }] });
  });

  it('after August 14 a late proposal is refused with the deadline named, and nothing changes', async () => {
    travelTo(t, '2022-08-15T16:00:00Z');
    await fresh();
    const before = await fingerprint(t, draft.id);
    const one = para('terrorism-convention', '1');
    const late = await post(`/api/paragraphs/${one.id}/amendments`, tokens.arg!, { kind: 'replace', ...words(one, 'consider ratifying or acceding to'), text: 'ratify or accede to' });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('deadline_passed');
    expect(late.body.message).toContain('Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York)');
    expect(late.body.details).toMatchObject({ deadline: '2022-08-15T03:59:00.000Z', timeZone: 'America/New_York' });
    const tc = section(draft, 'topic', 'terrorism-convention');
    const lateParagraph = await post(`/api/drafts/${draft.id}/paragraphs`, tokens.arg!, { sectionId: tc.id, kind: 'substantive', text: 'Late.' });
    expect(lateParagraph.body.error).toBe('deadline_passed');
    const lateComment = await post(`/api/paragraphs/${one.id}/comments`, tokens.arg!, { body: 'Late.' });
    expect(lateComment.body.error).toBe('deadline_passed');
    expect(await fingerprint(t, draft.id)).toBe(before);
    expect((await get(`/api/drafts/${draft.id}/workflow`, tokens.arg)).body.windowOpen).toBe(false);
  });

  it('the chair closes the window for the revision, then reopens it for a day (audited)', async () => {
    expect((await post(`/api/drafts/${draft.id}/workflow/phase`, chair, { phase: 'revision' })).body.phase).toBe('revision');
    const refused = await post(`/api/drafts/${draft.id}/comment-window`, tokens.arg!, { deadline: '2022-08-17T23:59:00-04:00' });
    expect(refused.status).toBe(403);
    const reopened = await post(`/api/drafts/${draft.id}/comment-window`, chair, { deadline: '2022-08-17T23:59:00-04:00' });
    expect(reopened.body).toMatchObject({ phase: 'comments', windowOpen: true, commentDeadline: '2022-08-18T03:59:00.000Z' });
    const one = para('terrorism-convention', '1');
    const accepted = await post(`/api/paragraphs/${one.id}/amendments`, tokens.arg!, {
      kind: 'replace',
      ...words(one, 'consider ratifying or acceding to'),
      text: 'ratify or accede to',
    });
    expect(accepted.status).toBe(201);
    ids.argReplace = accepted.body.id;
    expect((await post(`/api/drafts/${draft.id}/workflow/phase`, chair, { phase: 'revision' })).status).toBe(200);
    const history = await get(`/api/drafts/${draft.id}/history?targetId=${draft.id}`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['workflow.phase.revision', 'workflow.window.reopen']),
    );
  });

  it('August 22: rev. 1 holds the consensus paragraphs, the amended ones with their proposals, and the new ones', async () => {
    travelTo(t, '2022-08-22T14:00:00Z');
    const rev1 = await post(`/api/drafts/${draft.id}/versions`, chair);
    expect(rev1.status).toBe(201);
    expect(rev1.body).toMatchObject({ number: 2, name: 'rev. 1', symbol: 'CP/CSH/xxxx/22 rev. 1', phase: 'revision' });
    const labels = (list: { sectionKey: string; label: string }[]) => list.map((p) => `${p.sectionKey} ${p.label}`);
    expect(labels(rev1.body.classification.consensus)).toEqual(['CICTE 1', 'CICTE 2', 'CICTE 3', 'CICTE 5', 'CICTE 6', 'CICTE 7', 'CICTE 8']);
    expect(labels(rev1.body.classification.amended)).toEqual(['terrorism-convention 1', 'terrorism-convention 2', 'CICTE 4', 'CICTE 9']);
    expect(labels(rev1.body.classification.new)).toEqual(['terrorism-convention 3', 'CICTE 5 bis']);
    ids.rev1 = rev1.body.id;

    const redline = await get(`/api/drafts/${draft.id}/redline?from=${ids.v1}&to=${ids.rev1}`, tokens.observer);
    expect(redline.status).toBe(200);
    expect(redline.body.from).toMatchObject({ id: ids.v1, name: "Chair's first draft" });
    // The seven consensus paragraphs and 5 bis are as they were; four carry new brackets; TC 3 is new.
    expect(redline.body.summary).toEqual({ unchanged: 8, modified: 4, added: 1, deleted: 0, moved: 0 });
    const nine = redline.body.paragraphs.find((p: { paragraphId: string }) => p.paragraphId === at('CICTE 9'));
    expect(nine.change).toBe('modified');
    // Word by word: the bracket and its sponsor are inserted around words that stay.
    const snapshot = (await get(`/api/versions/${ids.rev1}`)).body.snapshot;
    const compiled = snapshot.sections.find((x: { key: string }) => x.key === 'CICTE').paragraphs.find((p: { label: string }) => p.label === '9').compiled;
    expect(compiled).toContain('[US: delete:');
    expect(nine.diff.filter((d: { op: string }) => d.op !== 'delete').map((d: { text: string }) => d.text).join('')).toBe(compiled);
    expect(nine.diff.filter((d: { op: string }) => d.op === 'insert').map((d: { text: string }) => d.text.trim())).toEqual(['[US: delete:', ']']);
    expect(nine.diff.find((d: { op: string; text: string }) => d.op === 'equal' && d.text.includes('in the first half of 2022'))).toBeDefined();
  });

  it('September 1: the chair opens a session at the calendar’s meeting, its queue in the seed’s order', async () => {
    expect((await post(`/api/drafts/${draft.id}/workflow/phase`, chair, { phase: 'negotiation' })).body.phase).toBe('negotiation');
    const calendar = await get('/api/calendar', tokens.mex);
    const sept1 = calendar.body.events.find((e: { category: string; start: string | null }) => e.category === 'meeting' && e.start === '2022-09-01T14:00:00.000Z');
    const sept8 = calendar.body.events.find((e: { category: string; start: string | null }) => e.category === 'meeting' && e.start === '2022-09-08T14:00:00.000Z');
    expect(sept1.title).toMatch(/consideration of the draft resolution/);
    ids.sept1 = sept1.id;
    ids.sept8 = sept8.id;

    travelTo(t, '2022-09-01T14:05:00Z');
    for (const token of [tokens.observer!, tokens.mex!, chair]) live.push(await connectLive(t, token, draft.id));
    expect((await post(`/api/drafts/${draft.id}/sessions`, tokens.mex!, { meetingId: ids.sept1 })).status).toBe(403);
    const opened = await post(`/api/drafts/${draft.id}/sessions`, chair, { meetingId: ids.sept1 });
    expect(opened.status).toBe(201);
    ids.session1 = opened.body.id;
    const queue = opened.body.queue.map((q: { sectionKey: string; label: string; group: string }) => `${q.group}: ${q.sectionKey} ${q.label}`);
    expect(queue).toEqual([
      'consensus: CICTE 1',
      'consensus: CICTE 2',
      'consensus: CICTE 3',
      'consensus: CICTE 5',
      'consensus: CICTE 6',
      'consensus: CICTE 7',
      'consensus: CICTE 8',
      'amended: terrorism-convention 1',
      'amended: terrorism-convention 2',
      'amended: CICTE 4',
      'amended: CICTE 9',
      'new: terrorism-convention 3',
      'new: CICTE 5 bis',
    ]);
    expect(opened.body.tally.text).toBe('0 of 13 approved');
    for (const c of live) expect((await c.waitFor('session.opened')).id).toBe(ids.session1);
    const again = await post(`/api/drafts/${draft.id}/sessions`, chair, { meetingId: ids.sept8 });
    expect(again.body).toMatchObject({ error: 'invalid_state' });
  });

  it('the chair skips, returns and reorders, calls each paragraph for everyone and records every kind of decision', async () => {
    const s = `/api/sessions/${ids.session1}`;
    const skipped = await post(`${s}/queue/${at('CICTE 1')}/skip`, chair);
    expect(skipped.body.find((q: { paragraphId: string }) => q.paragraphId === at('CICTE 1')).status).toBe('skipped');
    const returned = await post(`${s}/queue/${at('CICTE 1')}/return`, chair);
    expect(returned.body.at(-1)).toMatchObject({ paragraphId: at('CICTE 1'), status: 'waiting', returning: true });
    const waiting = returned.body.map((q: { paragraphId: string }) => q.paragraphId);
    const order = [at('CICTE 1'), ...waiting.filter((id: string) => id !== at('CICTE 1'))];
    const reordered = await post(`${s}/queue/order`, chair, { paragraphIds: order });
    expect(reordered.body.map((q: { paragraphId: string }) => q.paragraphId)).toEqual(order);
    expect((await post(`${s}/queue/order`, chair, { paragraphIds: order.slice(1) })).body.error).toBe('validation_failed');

    // The floor: one delegation asks over HTTP, another over the socket; the chair gives it in turn.
    expect((await post(`${s}/floor`, tokens.bra!, { paragraphId: at('CICTE 1') })).status).toBe(201);
    const us = await connectLive(t, tokens.us!, draft.id);
    live.push(us);
    const ack = await us.socket.emitWithAck('floor.request', {});
    expect(ack.ok).toBe(true);
    expect(ack.data.map((r: { delegation: string; status: string }) => [r.delegation, r.status])).toEqual([
      ['BRA', 'waiting'],
      ['US', 'waiting'],
    ]);
    expect((await post(`${s}/floor`, tokens.bra!)).body.error).toBe('conflict');
    expect((await post(`${s}/floor`, chair)).status).toBe(403);
    const next = await post(`${s}/speakers/next`, chair);
    expect(next.body.map((r: { delegation: string; status: string }) => [r.delegation, r.status])).toEqual([
      ['BRA', 'speaking'],
      ['US', 'waiting'],
    ]);
    await live[0]!.waitFor('speakers.changed', (p) => p.speakers[0]?.status === 'speaking');

    const decide = async (key: string, body: Record<string, unknown>) => {
      const called = await post(`${s}/call`, chair, { paragraphId: at(key) });
      expect(called.status).toBe(200);
      const decided = await post(`${s}/decisions`, chair, body);
      expect(decided.status).toBe(201);
      return decided.body;
    };
    // Called without naming one: the first waiting paragraph, CICTE 1, reaches everyone connected.
    const first = await post(`${s}/call`, chair);
    expect(first.body).toMatchObject({ paragraphId: at('CICTE 1'), status: 'called' });
    for (const c of live) expect((await c.waitFor('paragraph.called', (p) => p.item.paragraphId === at('CICTE 1'))).item.label).toBe('1');
    expect((await post(`${s}/decisions`, tokens.mex!, { decision: 'approved' })).status).toBe(403);
    expect((await post(`${s}/decisions`, chair, { decision: 'approved' })).body.tally.text).toBe('1 of 13 approved');

    await decide('CICTE 2', { decision: 'approved' });
    const deleted = await decide('CICTE 3', { decision: 'deleted' });
    expect(deleted.tally.text).toBe('2 of 12 approved');
    for (const key of ['CICTE 5', 'CICTE 6', 'CICTE 7']) await decide(key, { decision: 'approved' });
    await decide('CICTE 8', { decision: 'deferred', note: 'Awaiting the joint CICTE–CICAD meeting date.' });
    const tc1 = await decide('TC 1', { decision: 'approved_as_amended', acceptedAmendmentIds: [ids.argReplace] });
    expect(tc1.agreedText).toMatch(/^To invite those member states that have not yet done so to ratify or accede to, as the case may be/);
    await decide('TC 2', { decision: 'approved' });
    const four = await decide('CICTE 4', {
      decision: 'approved_as_amended',
      agreedText: para('CICTE', '4').text.replace('cyberdiplomacy', 'cyberdiplomacy and digital diplomacy'),
    });
    expect(four.agreedText).toContain('cyberdiplomacy and digital diplomacy');
    const nine = await decide('CICTE 9', { decision: 'approved_as_amended', acceptedAmendmentIds: [ids.usDelete] });
    expect(nine.agreedText).toBe("To convene the twenty-second regular session of CICTE or sufficiently in advance of that year's regular session of the General Assembly.");
    await decide('TC 3', { decision: 'approved' });
    const held = await decide('CICTE 5 bis', { decision: 'held' });
    expect(held).toMatchObject({ decision: 'held', leadDelegation: 'CH' });
    expect(held.tally).toMatchObject({ approved: 10, total: 12, held: 1, deferred: 1, text: '10 of 12 approved' });

    // Everyone connected saw the thirteen decisions in the order taken, each with the tally.
    for (const c of live.slice(0, 3)) {
      const decisions = c.received.filter((r) => r.event === 'decision.recorded').map((r) => r.payload);
      expect(decisions).toHaveLength(13);
      expect(decisions.map((d) => d.decision.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      expect(decisions.at(-1).tally.text).toBe('10 of 12 approved');
    }

    // The agreed text replaced the brackets: accepted and rejected amendments are settled.
    await fresh();
    expect(para('CICTE', '9')).toMatchObject({ status: 'approved', amendments: [{ id: ids.usDelete, status: 'accepted' }] });
    expect(para('CICTE', '9').compiled).not.toContain('[');
    expect(para('terrorism-convention', '2').amendments.map((a) => a.status)).toEqual(['rejected']);
    expect(para('CICTE', '3').status).toBe('deleted');
  });

  it('closing records the minutes, decisions in order, exportable as JSON, Markdown and text', async () => {
    const s = `/api/sessions/${ids.session1}`;
    expect((await get(`${s}/minutes`)).body.error).toBe('invalid_state');
    travelTo(t, '2022-09-01T16:55:00Z');
    const closed = await post(`${s}/close`, chair);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toMatch(/^2022-09-01T16:55/);
    expect(closed.body.decisions.map((d: { label: string; decision: string }) => `${d.label} ${d.decision}`)).toEqual([
      '1 approved',
      '2 approved',
      '3 deleted',
      '5 approved',
      '6 approved',
      '7 approved',
      '8 deferred',
      '1 approved_as_amended',
      '2 approved',
      '4 approved_as_amended',
      '9 approved_as_amended',
      '3 approved',
      '5 bis held',
    ]);
    const md = await get(`${s}/minutes?format=markdown`, tokens.observer);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.body).toContain('13. CICTE, paragraph 5 bis: held in brackets for informal consultations, led by CH. (10 of 12 approved)');
    const text = await get(`${s}/minutes?format=text`, tokens.observer);
    expect(text.body).toMatch(/^MINUTES: APPROVAL SESSION 1\n/);
    expect((await post(`${s}/call`, chair)).body.error).toBe('invalid_state');
    for (const c of live.slice(0, 3)) await c.waitFor('session.closed');
  });

  it('the held paragraph goes to informal consultations led by its proposer, and returns to a later session', async () => {
    const list = await get(`/api/drafts/${draft.id}/consultations`, tokens.observer);
    expect(list.body).toEqual([expect.objectContaining({ paragraphId: at('CICTE 5 bis'), label: '5 bis', leadDelegation: 'CH', status: 'open' })]);
    const id = list.body[0].id;
    expect((await t.api('PATCH', `/api/consultations/${id}`, { token: tokens.bra, body: { status: 'ready' } })).status).toBe(403);
    const ready = await t.api('PATCH', `/api/consultations/${id}`, { token: tokens.ch, body: { status: 'ready', note: 'Agreed wording circulated to all delegations.' } });
    expect(ready.body).toMatchObject({ status: 'ready', note: 'Agreed wording circulated to all delegations.' });

    travelTo(t, '2022-09-08T14:05:00Z');
    const opened = await post(`/api/drafts/${draft.id}/sessions`, chair, { meetingId: ids.sept8 });
    expect(opened.status).toBe(201);
    ids.session2 = opened.body.id;
    expect(opened.body.queue.map((q: { label: string; group: string; returning: boolean }) => [q.label, q.group, q.returning])).toEqual([
      ['8', 'consensus', true],
      ['5 bis', 'new', true],
    ]);
    expect((await get(`/api/drafts/${draft.id}/consultations`)).body[0].status).toBe('returned');

    const s = `/api/sessions/${ids.session2}`;
    await post(`${s}/call`, chair);
    expect((await post(`${s}/decisions`, chair, { decision: 'approved' })).body.tally.text).toBe('11 of 12 approved');
    await post(`${s}/call`, chair);
    const agreed =
      'To endorse the 2021 consensus reports of the OEWG and the GGE, and to commit to support and implement the framework for responsible state behavior as set out in those reports, in the spirit of paragraph 6.';
    const decided = await post(`${s}/decisions`, chair, { decision: 'approved_as_amended', agreedText: agreed });
    expect(decided.body.tally.text).toBe('12 of 12 approved');
    expect((await get(`/api/drafts/${draft.id}/consultations`)).body[0].status).toBe('concluded');
    expect((await post(`${s}/close`, chair)).status).toBe(200);
  });

  it('after approval a delegation records a reservation, a footnote in its name', async () => {
    const pending = await post(`/api/paragraphs/${at('CICTE 3')}/reservations`, tokens.bra!, { text: 'Brazil reserves.' });
    expect(pending.status).toBe(409);
    expect((await post(`/api/paragraphs/${at('CICTE 5 bis')}/reservations`, chair, { text: 'x' })).status).toBe(403);
    const text = 'Brazil does not endorse the report of the Open-ended Working Group.';
    const made = await post(`/api/paragraphs/${at('CICTE 5 bis')}/reservations`, tokens.bra!, { text });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ delegation: 'BRA', text });
    expect((await post(`/api/paragraphs/${at('CICTE 5 bis')}/reservations`, tokens.bra!, { text })).body.error).toBe('conflict');
    await fresh();
    expect(para('CICTE', '5 bis').reservations).toEqual([{ delegation: 'BRA', text, createdAt: expect.any(String) }]);
  });

  it('the consensus draft: approved paragraphs only, renumbered, brackets gone, reservations as footnotes', async () => {
    const consensus = await get(`/api/drafts/${draft.id}/consensus`, tokens.secretariat);
    expect(consensus.status).toBe(200);
    expect(consensus.body.outstanding).toBe(0);
    const numbered = consensus.body.sections.flatMap((s: { key: string; paragraphs: { number: string; negotiationLabel: string }[] }) =>
      s.paragraphs.map((p) => `${p.number} ← ${s.key} ${p.negotiationLabel}`),
    );
    expect(numbered).toEqual([
      '1 ← terrorism-convention 1',
      '2 ← terrorism-convention 2',
      '3 ← terrorism-convention 3',
      '4 ← CICTE 1',
      '5 ← CICTE 2',
      '6 ← CICTE 4',
      '7 ← CICTE 5',
      '8 ← CICTE 5 bis',
      '9 ← CICTE 6',
      '10 ← CICTE 7',
      '11 ← CICTE 8',
      '12 ← CICTE 9',
    ]);
    const all = consensus.body.sections.flatMap((s: { paragraphs: { text: string }[] }) => s.paragraphs);
    for (const p of all) expect(p.text).not.toMatch(/[[\]]/);
    const fiveBis = all.find((p: { negotiationLabel: string }) => p.negotiationLabel === '5 bis');
    expect(fiveBis.text).toMatch(/in the spirit of paragraph 9\.$/);
    expect(fiveBis.footnotes).toEqual([1]);
    expect(consensus.body.footnotes).toEqual([
      { number: 1, paragraphId: at('CICTE 5 bis'), delegation: 'BRA', text: 'Brazil does not endorse the report of the Open-ended Working Group.' },
    ]);

    const redline = await get(`/api/drafts/${draft.id}/redline?from=${ids.rev1}&to=live`);
    expect(redline.body.to).toMatchObject({ id: 'live', name: 'Live draft' });
    expect(redline.body.paragraphs.find((p: { paragraphId: string }) => p.paragraphId === at('CICTE 3')).change).toBe('deleted');

    const adopted = await post(`/api/drafts/${draft.id}/workflow/phase`, chair, { phase: 'adopted' });
    expect(adopted.body.phase).toBe('adopted');
  });
});
