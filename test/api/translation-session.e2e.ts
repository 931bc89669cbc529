import type { DraftView } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { connectLive, LiveClient, travelTo } from '../workflow/live-helpers';
import { meetingAt, toNegotiation } from '../workflow/workflow-helpers';

/**
 * The chair's decision in an approval session changes the original ("approved as amended"): its
 * translations turn outdated, and the Spanish consensus draft waits for them unless the chair
 * issues it with a visible note.
 */
let t: TestServer;
let draft: DraftView;
let live: LiveClient;
let chair: string;
let translator: string;
const figures: Record<string, unknown> = {};

const ES_7 = 'Solicitar a la SSM que, por conducto de la Secretaría del CICTE, brinde asistencia legislativa y técnica y capacitación, cuando corresponda y de conformidad con las leyes nacionales, y que implemente mecanismos para fortalecer la identificación e investigación de grupos criminales terroristas que operan en la región, entre otros medios mediante la cooperación en materia de inteligencia y el intercambio de información.';
const ES_9 = 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el primer semestre de 2022 o con suficiente antelación al período ordinario de sesiones de la Asamblea General de ese año.';
const ES_9_AGREED = 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE con suficiente antelación al período ordinario de sesiones de la Asamblea General de 2022.';

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  translator = await t.login('translator');
  draft = await demoDraft(t, chair);
  live = await connectLive(t, await t.login('observer'), draft.id);
});
afterAll(async () => {
  live.close();
  process.stdout.write(`translation session figures: ${JSON.stringify(figures)}\n`);
  await t.close();
});

const cicte = () => section(draft, 'entity', 'CICTE');
const put = (id: string, text: string, basedOn: number) => t.api('PUT', `/api/paragraphs/${id}/translations/es`, { token: translator, body: { text, basedOn } });
const es = async () => (await t.api('GET', `/api/drafts/${draft.id}/translations/summary`, { token: translator })).body.languages.find((l: { lang: string }) => l.lang === 'es');
const exportText = (kind: string, query: string, token = chair) => t.api('GET', `/api/drafts/${draft.id}/export/${kind}?format=txt&${query}`, { token });

it('a decision that changes the text turns its translation outdated; the Spanish consensus draft waits for it', async () => {
  const seven = paragraph(cicte(), '7');
  const nine = paragraph(cicte(), '9');
  expect((await put(seven.id, ES_7, 1)).status).toBe(200);
  expect((await put(nine.id, ES_9, 1)).status).toBe(200);
  figures.translated = await es();

  const rev1 = await toNegotiation(t, draft.id, chair);
  travelTo(t, '2022-09-01T14:05:00Z');
  const session = await t.api('POST', `/api/drafts/${draft.id}/sessions`, { token: chair, body: { meetingId: await meetingAt(t, chair, '2022-09-01T14:00:00.000Z') } });
  expect(session.status).toBe(201);
  const decide = async (paragraphId: string, body: Record<string, unknown>) => {
    expect((await t.api('POST', `/api/sessions/${session.body.id}/call`, { token: chair, body: { paragraphId } })).status).toBe(200);
    const res = await t.api('POST', `/api/sessions/${session.body.id}/decisions`, { token: chair, body });
    expect(res.status).toBe(201);
  };
  await decide(seven.id, { decision: 'approved' });
  const agreed = "To convene the twenty-second regular session of CICTE sufficiently in advance of the 2022 regular session of the General Assembly.";
  await decide(nine.id, { decision: 'approved_as_amended', agreedText: agreed });
  const change = await live.waitFor('translation.changed', (p) => p.cause === 'original.changed' && p.changes.some((c: { unitId: string }) => c.unitId === nine.id));
  expect(change.changes.find((c: { unitId: string }) => c.unitId === nine.id)).toMatchObject({ lang: 'es', status: 'outdated', basedOn: 1, originalRevision: 2 });
  figures.afterDecisions = await es();
  expect(figures.afterDecisions).toMatchObject({ current: 1, outdated: 1 });

  const refused = await exportText('consensus', 'lang=es');
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ error: 'translation_incomplete', details: { lang: 'es', units: [{ unitId: nine.id, label: '9', status: 'outdated' }] } });
  expect((await exportText('consensus', 'lang=es&allowIncomplete=true', await t.login('secretariat'))).status).toBe(403);
  // German is no language of this committee: refused (by the query's schema or the committee's languages).
  expect([400, 422]).toContain((await exportText('consensus', 'lang=de')).status);

  const withNote = await exportText('consensus', 'lang=es&allowIncomplete=true');
  expect(withNote.status).toBe(200);
  expect(withNote.body).toContain(ES_7);
  expect(withNote.body).toContain(agreed);
  expect(withNote.body).toContain('Traducción en actualización: texto en inglés.');
  expect(withNote.body).toMatch(/Traducción incompleta: 1 párrafo\(s\) en inglés/);

  const outdated = (await t.api('GET', `/api/drafts/${draft.id}?lang=es`, { token: translator })).body;
  const redline = paragraph(section(outdated, 'entity', 'CICTE'), '9').translation?.redline;
  expect(redline).toEqual(expect.arrayContaining([{ op: 'delete', text: expect.stringContaining('in the first half of 2022') }]));
  expect((await put(nine.id, ES_9_AGREED, 2)).body.status).toBe('current');
  figures.updated = await es();

  const complete = await exportText('consensus', 'lang=es');
  expect(complete.status).toBe(200);
  expect(complete.body).toContain(ES_7);
  expect(complete.body).toContain(ES_9_AGREED);
  expect(complete.body).not.toContain('Traducción');
  // In English nothing changes, and the compilation marks what is still untranslated.
  expect((await exportText('consensus', '')).body).toContain(agreed);
  const compilation = await exportText('compilation', 'lang=es');
  expect(compilation.status).toBe(200);
  expect(compilation.body).toContain(ES_7);
  expect(compilation.body.match(/\(traducción pendiente\)/g)).toHaveLength(10);

  // A published version is exported with the translations made from its own words: rev. 1 still
  // has paragraph 9 as first written, which the stored Spanish (of the agreed text) does not translate.
  const published = await exportText('compilation', `lang=es&version=${rev1}`);
  expect(published.status).toBe(200);
  expect(published.body).toContain(ES_7);
  expect(published.body).not.toContain(ES_9_AGREED);
  expect(published.body).toContain(nine.text);
  expect(published.body).toContain('(traducción desactualizada)');
});
