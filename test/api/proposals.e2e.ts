import type { DraftView } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
let draft: DraftView;

beforeAll(async () => {
  t = await startTestServer();
  draft = await demoDraft(t, await t.login('chair'));
});
afterAll(() => t.close());

describe('proposals in a delegation’s own name', () => {
  it('co-sponsors are invited, and become sponsors only when their own delegate accepts', async () => {
    const mex = await t.login('mex');
    const topic = section(draft, 'topic', 'climate-change');
    const created = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token: mex,
      body: { sectionId: topic.id, kind: 'substantive', text: 'To recognise the security implications of climate change.', cosponsors: ['chi', 'USA', 'MEX'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ label: '1', state: 'new', origin: 'delegation', sponsors: ['MEX'], invited: ['CH', 'US'] });
    expect(created.body.compiled).toBe('[MEX: To recognise the security implications of climate change.]');

    const us = await t.login('us');
    const ch = await t.login('ch');
    const usInvites = await t.api('GET', '/api/sponsorships/invitations', { token: us });
    const chInvites = await t.api('GET', '/api/sponsorships/invitations', { token: ch });
    const usInvite = usInvites.body.find((i: { paragraphId: string }) => i.paragraphId === created.body.id);
    const chInvite = chInvites.body.find((i: { paragraphId: string }) => i.paragraphId === created.body.id);
    expect(usInvite).toMatchObject({ delegation: 'US', status: 'invited' });

    // Mexico cannot accept on Chile's behalf, nor can the chair.
    expect((await t.api('POST', `/api/sponsorships/${chInvite.id}/accept`, { token: mex })).status).toBe(403);
    expect((await t.api('POST', `/api/sponsorships/${chInvite.id}/accept`, { token: await t.login('chair') })).status).toBe(403);

    expect((await t.api('POST', `/api/sponsorships/${chInvite.id}/accept`, { token: ch })).body.status).toBe('accepted');
    expect((await t.api('POST', `/api/sponsorships/${usInvite.id}/decline`, { token: us })).body.status).toBe('declined');
    const again = await t.api('POST', `/api/sponsorships/${usInvite.id}/accept`, { token: us });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('invalid_state');

    const after = await t.api('GET', `/api/paragraphs/${created.body.id}`, { token: mex });
    expect(after.body).toMatchObject({ sponsors: ['MEX', 'CH'], invited: [] });
    expect(after.body.compiled).toBe('[MEX and CH: To recognise the security implications of climate change.]');

    // Accepted co-sponsors may edit the proposal's text; the edit is attributed to Chile.
    const edited = await t.api('PATCH', `/api/paragraphs/${created.body.id}`, { token: ch, body: { text: 'To recognise the security implications of climate change for small island states.' } });
    expect(edited.status).toBe(200);
    const history = await t.api('GET', `/api/drafts/${draft.id}/history?targetId=${created.body.id}`, { token: mex });
    expect(history.body.map((e: { action: string; actor: { delegation: string } }) => [e.action, e.actor.delegation])).toEqual([
      ['paragraph.create', 'MEX'],
      ['paragraph.update', 'CH'],
    ]);
    expect(history.body[1].before.text).toBe('To recognise the security implications of climate change.');
    expect(history.body[1].after.text).toMatch(/small island states/);
  });

  it('a delegation withdraws its own proposal, which frees its place under the cap', async () => {
    const bra = await t.login('bra');
    const topic = section(draft, 'topic', 'sica');
    const texts = ['To support SICA.', 'To welcome SICA’s security strategy.', 'To encourage cooperation with SICA.'];
    const ids: string[] = [];
    for (const text of texts) {
      const r = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token: bra, body: { sectionId: topic.id, kind: 'substantive', text } });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const full = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token: bra, body: { sectionId: topic.id, kind: 'substantive', text: 'One more.' } });
    expect(full.status).toBe(409);
    const withdrawn = await t.api('POST', `/api/paragraphs/${ids[1]}/withdraw`, { token: bra });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const twice = await t.api('POST', `/api/paragraphs/${ids[1]}/withdraw`, { token: bra });
    expect(twice.status).toBe(409);
    const fits = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token: bra, body: { sectionId: topic.id, kind: 'substantive', text: 'One more.', afterParagraphId: ids[0] } });
    expect(fits.status).toBe(201);
    expect(fits.body.label).toBe('1 bis');
    // Restoring the withdrawn one now would overshoot the cap: refused.
    const restore = await t.api('POST', `/api/paragraphs/${ids[1]}/restore`, { token: await t.login('chair') });
    expect(restore.status).toBe(409);
    expect(restore.body.details).toEqual({ scope: 'topic_substantive', key: 'sica', limit: 3, used: 3 });
  });

  it('amendments to the Chair’s text: insertion, deletion, replacement and alternatives, each in its sponsors’ names', async () => {
    const cicte = section(draft, 'entity', 'CICTE');
    const nine = paragraph(cicte, '9');
    const words = 'in the first half of 2022';
    const start = nine.text.indexOf(words);
    const can = await t.login('can');
    const us = await t.login('us');
    const bra = await t.login('bra');
    const mex = await t.login('mex');

    const del = await t.api('POST', `/api/paragraphs/${nine.id}/amendments`, { token: us, body: { kind: 'delete', start, end: start + words.length } });
    expect(del.status).toBe(201);
    expect(del.body).toMatchObject({ kind: 'delete', sponsors: ['US'], status: 'proposed', text: '' });

    const seven = paragraph(cicte, '7');
    const at = seven.text.indexOf(' provide legislative');
    const ins = await t.api('POST', `/api/paragraphs/${seven.id}/amendments`, { token: can, body: { kind: 'insert', start: at, end: at, text: ' urgently' } });
    expect(ins.status).toBe(201);

    const six = paragraph(cicte, '6');
    const half = six.text.indexOf('in the first half of 2022');
    const alt1 = await t.api('POST', `/api/paragraphs/${six.id}/amendments`, { token: bra, body: { kind: 'alternative', start: half, end: half + 25, text: 'before the end of 2022' } });
    expect(alt1.body).toMatchObject({ alternativeNumber: 1, sponsors: ['BRA'] });
    const alt2 = await t.api('POST', `/api/paragraphs/${six.id}/amendments`, {
      token: mex,
      body: { kind: 'alternative', start: half, end: half + 25, text: 'in 2023', alternativeTo: alt1.body.id },
    });
    expect(alt2.body).toMatchObject({ alternativeNumber: 2, alternativeGroup: alt1.body.alternativeGroup, sponsors: ['MEX'] });
    const misplaced = await t.api('POST', `/api/paragraphs/${six.id}/amendments`, {
      token: mex,
      body: { kind: 'alternative', start: 0, end: 5, text: 'x', alternativeTo: alt1.body.id },
    });
    expect(misplaced.status).toBe(400);

    const four = paragraph(cicte, '4');
    const rep = await t.api('POST', `/api/paragraphs/${four.id}/amendments`, {
      token: mex,
      body: { kind: 'replace', start: 3, end: 12, text: 'foster', cosponsors: ['CAN'] },
    });
    expect(rep.body).toMatchObject({ kind: 'replace', sponsors: ['MEX'], invited: ['CAN'] });

    const now = await demoDraft(t, can);
    const c = section(now, 'entity', 'CICTE');
    expect(paragraph(c, '9')).toMatchObject({ state: 'amended' });
    expect(paragraph(c, '9').compiled).toBe(`To convene the twenty-second regular session of CICTE [US: delete: in the first half of 2022] or sufficiently in advance of that year's regular session of the General Assembly.`);
    // One space after the colon belongs to the notation; the inserted text keeps its own leading space.
    expect(paragraph(c, '7').compiled).toContain('the SMS, through the CICTE Secretariat,[CAN:  urgently] provide legislative');
    expect(paragraph(c, '6').compiled).toContain('in the first half of 2022 [Alt 1 (BRA): before the end of 2022] [Alt 2 (MEX): in 2023]');
    expect(paragraph(c, '4').compiled.startsWith('To [MEX: replace “promote c” with “foster”]')).toBe(true);
    expect(paragraph(c, '3')).toMatchObject({ state: 'consensus' });

    // Bad ranges are refused with the reason.
    const outside = await t.api('POST', `/api/paragraphs/${four.id}/amendments`, { token: mex, body: { kind: 'delete', start: 0, end: 99_999 } });
    expect(outside.status).toBe(400);
    const emptyInsert = await t.api('POST', `/api/paragraphs/${four.id}/amendments`, { token: mex, body: { kind: 'insert', start: 2, end: 2, text: ' ' } });
    expect(emptyInsert.status).toBe(400);

    // The Chair's text cannot change under open amendments, which point into it.
    const chairEdit = await t.api('PATCH', `/api/paragraphs/${nine.id}`, { token: await t.login('chair'), body: { text: 'Replaced.' } });
    expect(chairEdit.status).toBe(409);

    // Withdrawing the only amendment returns the paragraph to consensus.
    expect((await t.api('POST', `/api/amendments/${del.body.id}/withdraw`, { token: us })).body.status).toBe('withdrawn');
    const back = await t.api('GET', `/api/paragraphs/${nine.id}`, { token: us });
    expect(back.body).toMatchObject({ state: 'consensus' });
    expect(back.body.compiled).toBe(nine.text);
  });

  it('the chair moves a paragraph within the caps of its new section', async () => {
    const chair = await t.login('chair');
    const convention = section(draft, 'topic', 'terrorism-convention');
    const target = section(draft, 'topic', 'cybersecurity');
    const moved = await t.api('POST', `/api/paragraphs/${convention.paragraphs[1]!.id}/move`, { token: chair, body: { sectionId: target.id } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sectionId: target.id, label: '1' });
    const mex = await t.login('mex');
    expect((await t.api('POST', `/api/paragraphs/${moved.body.id}/move`, { token: mex, body: { sectionId: convention.id } })).status).toBe(403);
    const pre = section(draft, 'preamble');
    const wrongKind = await t.api('POST', `/api/paragraphs/${moved.body.id}/move`, { token: chair, body: { sectionId: pre.id } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error).toBe('kind_not_allowed');
  });

  it('the chair may raise a cap but not lower it below what is in play', async () => {
    const chair = await t.login('chair');
    // SICA holds 3 substantive paragraphs in play (see above): a limit of 2 would strand one.
    const lower = await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: chair, body: { topicSubstantive: 2 } });
    expect(lower.status).toBe(409);
    expect(lower.body.details).toMatchObject({ scope: 'topic_substantive', key: 'sica', limit: 2, used: 3 });
    const raised = await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: chair, body: { entity: 10 } });
    expect(raised.status).toBe(200);
    expect(raised.body.caps).toContainEqual({ scope: 'entity', key: 'CICTE', limit: 10, used: 10 });
    const bad = await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: chair, body: { preamble: -1 } });
    expect(bad.status).toBe(400);
    expect((await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: await t.login('mex'), body: { entity: 12 } })).status).toBe(403);
  });

  it('the secretariat sets up a new draft with the standard sections and default caps', async () => {
    const sec = await t.login('secretariat');
    const res = await t.api('POST', '/api/drafts', { token: sec, body: { title: 'Draft resolution 2023', symbol: 'CP/CSH/yyyy/23', caps: { preamble: 5 } } });
    expect(res.status).toBe(201);
    expect(res.body.sections).toHaveLength(1 + 24 + 3 + 1);
    expect(res.body.capsConfig).toMatchObject({ preamble: 5, total: 130 });
    expect((await t.api('POST', '/api/drafts', { token: await t.login('chair'), body: { title: 'x', symbol: 'y' } })).status).toBe(403);
    const list = await t.api('GET', '/api/drafts', { token: await t.login('observer') });
    expect(list.body.map((d: { symbol: string }) => d.symbol)).toEqual(['CP/CSH/xxxx/22', 'CP/CSH/yyyy/23']);
  });
});
