import type { DraftView } from '@omnibus/shared';
import { demoDraft, fingerprint, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
let draft: DraftView;
let chair: string;

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  draft = await demoDraft(t, chair);
});
afterAll(() => t.close());

const paragraphsUrl = () => `/api/drafts/${draft.id}/paragraphs`;

/** Sends a request that must be refused, and checks the refusal and that nothing changed. */
async function refused(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string },
  expected: { status: number; error: string; message?: RegExp },
) {
  const before = await fingerprint(t, draft.id);
  const res = await t.api(method, path, options);
  expect({ status: res.status, error: res.body?.error }).toEqual({ status: expected.status, error: expected.error });
  expect(typeof res.body.message).toBe('string');
  expect(res.body.message.length).toBeGreaterThan(10);
  if (expected.message) expect(res.body.message).toMatch(expected.message);
  expect(await fingerprint(t, draft.id)).toBe(before);
  return res;
}

describe('bad input gets a clear error and changes nothing', () => {
  it('malformed JSON', async () => {
    await refused('POST', paragraphsUrl(), { token: chair, rawBody: '{"sectionId": "x", ' }, { status: 400, error: 'invalid_json', message: /not valid JSON/ });
  });

  it('missing and extra fields, naming each field', async () => {
    const pre = section(draft, 'preamble');
    const missing = await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: pre.id, kind: 'preambular' } }, { status: 400, error: 'validation_failed', message: /text/ });
    expect(missing.body.details.issues[0].path).toBe('text');
    const extra = await refused(
      'POST',
      paragraphsUrl(),
      { token: chair, body: { sectionId: pre.id, kind: 'preambular', text: 'RECALLING;', status: 'approved' } },
      { status: 400, error: 'validation_failed' },
    );
    expect(JSON.stringify(extra.body.details)).toContain('status');
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: pre.id, kind: 'chapter', text: 'x' } }, { status: 400, error: 'validation_failed', message: /kind/ });
    await refused('POST', paragraphsUrl(), { token: chair, body: [] }, { status: 400, error: 'validation_failed' });
  });

  it('text over the size limit, empty text and control characters', async () => {
    const pre = section(draft, 'preamble');
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: pre.id, kind: 'preambular', text: 'x'.repeat(10_001) } }, { status: 400, error: 'validation_failed', message: /at most 10000 characters/ });
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: pre.id, kind: 'preambular', text: '   ' } }, { status: 400, error: 'validation_failed', message: /empty/ });
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: pre.id, kind: 'preambular', text: 'RECALLING\u0000' } }, { status: 400, error: 'validation_failed', message: /control characters/ });
  });

  it('a body over 256 kB', async () => {
    await refused('POST', paragraphsUrl(), { token: chair, rawBody: JSON.stringify({ text: 'x'.repeat(300_000) }) }, { status: 413, error: 'payload_too_large' });
  });

  it('a label collision', async () => {
    const cicte = section(draft, 'entity', 'CICTE');
    const convention = section(draft, 'topic', 'terrorism-convention');
    await refused(
      'POST',
      paragraphsUrl(),
      { token: chair, body: { sectionId: convention.id, kind: 'substantive', text: 'To recall.', label: '2' } },
      { status: 409, error: 'label_taken', message: /Paragraph 2 already exists/ },
    );
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: cicte.id, kind: 'substantive', text: 'x', label: 'five' } }, { status: 400, error: 'validation_failed' });
  });

  it('a paragraph of the wrong kind for its section', async () => {
    const pre = section(draft, 'preamble');
    await refused(
      'POST',
      paragraphsUrl(),
      { token: chair, body: { sectionId: pre.id, kind: 'mandates', text: 'To instruct the General Secretariat to:', literals: [{ text: 'report' }] } },
      { status: 400, error: 'kind_not_allowed', message: /mandates paragraph cannot go in "Preamble"; that section takes preambular paragraphs/ },
    );
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: section(draft, 'general').id, kind: 'substantive', text: 'x y' } }, { status: 400, error: 'kind_not_allowed' });
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: pre.id, kind: 'preambular', text: 'RECALLING', literals: [{ text: 'a' }] } }, { status: 400, error: 'validation_failed', message: /literals/ });
  });

  it('a second mandates paragraph in a topic', async () => {
    const topic = section(draft, 'topic', 'landmines');
    const first = await t.api('POST', paragraphsUrl(), {
      token: chair,
      body: { sectionId: topic.id, kind: 'mandates', text: 'To instruct the General Secretariat, through the SMS, to:', literals: [{ text: 'support demining;' }, { text: 'report.' }] },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ chapeau: 'To instruct the General Secretariat, through the SMS, to:', literals: [{ label: 'a', text: 'support demining;' }, { label: 'b', text: 'report.' }] });
    const second = await refused(
      'POST',
      paragraphsUrl(),
      { token: chair, body: { sectionId: topic.id, kind: 'mandates', text: 'To request the General Secretariat to:', literals: [{ text: 'x' }] } },
      { status: 409, error: 'cap_exceeded' },
    );
    expect(second.body.details).toEqual({ scope: 'topic_mandates', key: 'landmines', limit: 1, used: 1 });
  });

  it('sponsors naming a delegation that did not consent', async () => {
    const mex = await t.login('mex');
    const topic = section(draft, 'topic', 'sustainable-security');
    const res = await refused(
      'POST',
      paragraphsUrl(),
      { token: mex, body: { sectionId: topic.id, kind: 'substantive', text: 'To promote sustainable security.', sponsors: ['MEX', 'US'] } },
      { status: 403, error: 'sponsor_not_consented', message: /US has not agreed to sponsor this/ },
    );
    expect(res.body.details).toEqual({ delegations: ['US'] });
    await refused('POST', paragraphsUrl(), { token: mex, body: { sectionId: topic.id, kind: 'substantive', text: 'x y', cosponsors: ['ZZZ'] } }, { status: 400, error: 'validation_failed', message: /No delegation "ZZZ"/ });
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: topic.id, kind: 'substantive', text: 'x y', sponsors: ['MEX'] } }, { status: 400, error: 'validation_failed', message: /Only delegations sponsor/ });
  });

  it('an observer writing', async () => {
    const observer = await t.login('observer');
    await refused(
      'POST',
      paragraphsUrl(),
      { token: observer, body: { sectionId: section(draft, 'preamble').id, kind: 'preambular', text: 'RECALLING;' } },
      { status: 403, error: 'forbidden', message: /Observers may read the draft but not change it/ },
    );
    const seven = paragraph(section(draft, 'entity', 'CICTE'), '7');
    await refused('POST', `/api/paragraphs/${seven.id}/amendments`, { token: observer, body: { kind: 'insert', start: 5, end: 5, text: 'x' } }, { status: 403, error: 'forbidden' });
    await refused('PATCH', `/api/paragraphs/${seven.id}`, { token: observer, body: { text: 'x' } }, { status: 403, error: 'forbidden' });
    await refused('POST', `/api/paragraphs/${seven.id}/delete`, { token: observer }, { status: 403, error: 'forbidden' });
  });

  it("a delegate editing or withdrawing another delegation's proposal, or the Chair's text", async () => {
    const bis = paragraph(section(draft, 'entity', 'CICTE'), '5 bis');
    const can = await t.login('can');
    await refused('PATCH', `/api/paragraphs/${bis.id}`, { token: can, body: { text: 'Rewritten by Canada.' } }, { status: 403, error: 'forbidden', message: /Only the delegations sponsoring this proposal/ });
    await refused('POST', `/api/paragraphs/${bis.id}/withdraw`, { token: can }, { status: 403, error: 'forbidden', message: /Only the delegation that proposed it may withdraw it/ });
    const seven = paragraph(section(draft, 'entity', 'CICTE'), '7');
    await refused('PATCH', `/api/paragraphs/${seven.id}`, { token: can, body: { text: 'x' } }, { status: 403, error: 'forbidden', message: /delegations propose amendments/ });
    const amendment = await t.api('POST', `/api/paragraphs/${seven.id}/amendments`, {
      token: can,
      body: { kind: 'insert', start: 26, end: 26, text: ' urgently' },
    });
    expect(amendment.status).toBe(201);
    const us = await t.login('us');
    await refused('PATCH', `/api/amendments/${amendment.body.id}`, { token: us, body: { text: ' now' } }, { status: 403, error: 'forbidden' });
    await refused('POST', `/api/amendments/${amendment.body.id}/withdraw`, { token: us }, { status: 403, error: 'forbidden' });
    await refused('POST', `/api/paragraphs/${bis.id}/delete`, { token: us }, { status: 403, error: 'forbidden', message: /Only the chair or a vice-chair/ });
  });

  it('unknown ids and ids that are not ids', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await refused('GET', `/api/drafts/${missing}`, { token: chair }, { status: 404, error: 'not_found', message: /No draft with id/ });
    await refused('GET', `/api/drafts/not-a-uuid`, { token: chair }, { status: 404, error: 'not_found' });
    await refused('POST', `/api/drafts/${missing}/paragraphs`, { token: chair, body: { sectionId: missing, kind: 'preambular', text: 'RECALLING;' } }, { status: 404, error: 'not_found' });
    await refused('POST', paragraphsUrl(), { token: chair, body: { sectionId: missing, kind: 'preambular', text: 'RECALLING;' } }, { status: 404, error: 'not_found', message: /section/ });
    await refused('PATCH', `/api/paragraphs/${missing}`, { token: chair, body: { text: 'x' } }, { status: 404, error: 'not_found' });
    await refused('POST', `/api/sponsorships/${missing}/accept`, { token: await t.login('us') }, { status: 404, error: 'not_found' });
    const pre = section(draft, 'preamble');
    await refused(
      'POST',
      paragraphsUrl(),
      { token: chair, body: { sectionId: pre.id, kind: 'preambular', text: 'RECALLING;', afterParagraphId: missing } },
      { status: 400, error: 'validation_failed', message: /afterParagraphId/ },
    );
  });

  it('stale versions: a concurrent edit is refused, not overwritten', async () => {
    const convention = section(draft, 'topic', 'terrorism-convention');
    const p = convention.paragraphs[0]!;
    const ok = await t.api('PATCH', `/api/paragraphs/${p.id}`, { token: chair, body: { text: `${p.text} `, version: p.version } });
    expect(ok.status).toBe(200);
    await refused('PATCH', `/api/paragraphs/${p.id}`, { token: chair, body: { text: 'Overwrite.', version: p.version } }, { status: 409, error: 'conflict', message: /changed by someone else/ });
  });

  it('markup and SQL in text are stored and returned verbatim, never executed', async () => {
    const text = `<script>alert("x")</script><b>RECALLING</b> '); DROP TABLE paragraph; -- [not a bracket] \\ & "quotes"`;
    const res = await t.api('POST', paragraphsUrl(), { token: chair, body: { sectionId: section(draft, 'preamble').id, kind: 'preambular', text } });
    expect(res.status).toBe(201);
    expect(res.body.text).toBe(text);
    const again = await t.api('GET', `/api/paragraphs/${res.body.id}`, { token: chair });
    expect(again.body.text).toBe(text);
    expect(again.headers.get('content-type')).toMatch(/application\/json/);
    const count: { n: number }[] = await t.server.dataSource.query(`SELECT count(*)::int AS n FROM paragraph`);
    expect(count[0]!.n).toBeGreaterThan(10);
    // The compiled notation escapes the literal brackets so they are not read as a proposal.
    expect(again.body.compiled).toContain('\\[not a bracket\\]');
  });

  it('the history is append-only, even for the database owner', async () => {
    await expect(t.server.dataSource.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.server.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
});
