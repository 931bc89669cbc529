import type { DraftView } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
let draft: DraftView;

beforeAll(async () => {
  t = await startTestServer();
  draft = await demoDraft(t, await t.login('observer'));
});
afterAll(() => t.close());

describe('the seeded demo committee', () => {
  it('answers health once the database is reachable', async () => {
    const res = await t.api('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('has a delegate per delegation named by its primary code, and the offices', async () => {
    for (const username of ['chair', 'secretariat', 'observer', 'ch', 'mex', 'us', 'can', 'bra']) {
      const res = await t.api('POST', '/api/auth/login', { body: { username, password: 'demo' } });
      expect(res.status).toBe(200);
    }
    const ch = await t.api('POST', '/api/auth/login', { body: { username: 'ch', password: 'demo' } });
    expect(ch.body.user).toEqual({ id: expect.any(String), username: 'ch', displayName: expect.stringContaining('Chile'), role: 'delegate', delegation: 'CH' });
    const delegations = await t.api('GET', '/api/delegations', { token: ch.body.token });
    expect(delegations.body).toHaveLength(35);
    expect(delegations.body.find((d: { code: string }) => d.code === 'US').aliases).toContain('USA');
  });

  it('lays the draft out in document order: preamble, 24 topics by area, CICAD, CICTE, IADB, general', () => {
    expect(draft.symbol).toBe('CP/CSH/xxxx/22');
    const kinds = draft.sections.map((s) => s.kind);
    expect(kinds[0]).toBe('preamble');
    expect(kinds.filter((k) => k === 'topic')).toHaveLength(24);
    expect(draft.sections.filter((s) => s.kind === 'entity').map((s) => s.key)).toEqual(['CICAD', 'CICTE', 'IADB']);
    expect(kinds.at(-1)).toBe('general');
    expect(draft.sections.every((s, i) => s.position === i)).toBe(true);
    expect(section(draft, 'topic', 'terrorism-convention').area).toBe('Inter-American Instruments and Institutions');
  });

  it("holds CICTE's proposal: 9 paragraphs and 5 bis bracketed in the names of CH, MEX and US", () => {
    const cicte = section(draft, 'entity', 'CICTE');
    expect(cicte.paragraphs.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '5 bis', '6', '7', '8', '9']);
    const bis = paragraph(cicte, '5 bis');
    expect(bis).toMatchObject({ state: 'new', status: 'pending', origin: 'delegation', sponsors: ['CH', 'MEX', 'US'], kind: 'substantive' });
    expect(bis.text.startsWith('To endorse the 2021 consensus reports')).toBe(true);
    expect(bis.compiled).toBe(`[CH, MEX and US: ${bis.text}]`);
    const seven = paragraph(cicte, '7');
    expect(seven).toMatchObject({ state: 'consensus', origin: 'entity', sponsors: [] });
    expect(seven.text).toMatch(/^To request that the SMS, through the CICTE Secretariat, provide legislative/);
    const convention = section(draft, 'topic', 'terrorism-convention');
    expect(convention.paragraphs.map((p) => p.label)).toEqual(['1', '2']);
    expect(convention.paragraphs[1]?.text).toMatch(/^To convene the first meeting of the States Party/);
  });

  it('reports every cap with limit and used, including CICTE over its cap of 8 as the entity proposed it', () => {
    const caps = draft.caps;
    expect(caps).toContainEqual({ scope: 'entity', key: 'CICTE', limit: 8, used: 10 });
    expect(caps).toContainEqual({ scope: 'entity_mandates', key: 'CICTE', limit: 1, used: 0 });
    expect(caps).toContainEqual({ scope: 'preamble', key: 'preamble', limit: 6, used: 0 });
    expect(caps).toContainEqual({ scope: 'topic_substantive', key: 'terrorism-convention', limit: 3, used: 2 });
    expect(caps).toContainEqual({ scope: 'general', key: 'general', limit: 4, used: 0 });
    expect(caps.at(-1)).toEqual({ scope: 'total', key: 'draft', limit: 130, used: 12 });
    // one cap per topic and kind, per entity and kind, three for general, preamble and total
    expect(caps).toHaveLength(1 + 24 * 2 + 3 * 2 + 3 + 1);
  });

  it('refuses a new CICTE paragraph while the section is over its cap, naming cap, limit and count', async () => {
    const token = await t.login('mex');
    const res = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token,
      body: { sectionId: section(draft, 'entity', 'CICTE').id, kind: 'substantive', text: 'To welcome the work of CICTE.' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: 'cap_exceeded',
      message: expect.stringContaining('CICTE cap of 8 paragraphs'),
      details: { scope: 'entity', key: 'CICTE', limit: 8, used: 10 },
    });
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const html = await t.api('GET', '/api/docs');
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('swagger');
    const json = await t.api('GET', '/api/docs-json');
    expect(json.body.openapi).toBe('3.1.0');
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/drafts/{id}/paragraphs']));
    expect(json.body.paths['/api/drafts/{id}/paragraphs'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['sectionId', 'kind', 'text']),
    );
  });

  it('answers unknown API paths with a JSON error', async () => {
    const res = await t.api('GET', '/api/nothing-here', { token: await t.login('chair') });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
  });
});
