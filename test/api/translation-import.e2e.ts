import type { DraftView, TranslationImportPreview } from '@omnibus/shared';
import { ROOMY_CAPS, corpusText, getDraft, upload } from '../documents/document-helpers';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The Spanish version of CICTE's proposal imported as the translation of the English draft: the
 * preview shows each Spanish paragraph against its English original, flags what cannot be
 * written, and the import writes exactly what the preview showed.
 */
let t: TestServer;
let draft: DraftView;

const SPANISH = `PROPUESTA DEL CICTE PARA LA RESOLUCIÓN ÓMNIBUS DE LA CSH

Convención Interamericana contra el Terrorismo

1. Invitar a los Estados Miembros que aún no lo hayan hecho a que consideren ratificar la Convención Interamericana contra el Terrorismo, adoptada en Bridgetown, Barbados, el 3 de junio de 2002, o adherirse a ella, según sea el caso, y apoyar su plena aplicación.

2. Convocar la primera reunión de los Estados Parte de la Convención Interamericana contra el Terrorismo durante 2022 para conmemorar el vigésimo aniversario de su firma.

Comité Interamericano contra el Terrorismo (CICTE)

1. Reiterar su más enérgica e inequívoca condena del terrorismo en todas sus formas y manifestaciones, independientemente de quién lo cometa, dónde y con qué propósito.

2. Reafirmar su compromiso con la labor del Comité Interamericano contra el Terrorismo (CICTE) como principal entidad regional para prevenir y combatir el terrorismo en las Américas, reconocer sus importantes logros a lo largo de más de 20 años y apoyar la ejecución de su plan de trabajo 2021-2022.

3. Instar a los Estados Miembros a que continúen implementando, con el apoyo de la Secretaría del CICTE, las medidas de fomento de la confianza en el ciberespacio.

4. Promover la cooperación, el intercambio de buenas prácticas y el desarrollo y fortalecimiento de capacidades en materia de ciberdiplomacia, ciberseguridad y lucha contra la ciberdelincuencia.

5. Exhortar a los expertos del Grupo de Trabajo sobre Medidas de Cooperación y Fomento de la Confianza en el Ciberespacio a estudiar formas de mejorar la aplicación de las normas de comportamiento responsable de los Estados en el ciberespacio.

5 bis. [CH, MEX y US: Respaldar los informes de consenso de 2021 del OEWG y del GGE, y comprometerse a apoyar y aplicar el marco para el comportamiento responsable de los Estados establecido en dichos informes.]

6. Convocar la Cuarta Reunión del Grupo de Trabajo sobre Medidas de Cooperación y Fomento de la Confianza en el Ciberespacio en el primer semestre de 2022.

7. Solicitar a la SSM que, por conducto de la Secretaría del CICTE, brinde asistencia legislativa y técnica y capacitación.

8. Encomendar a la Secretaría General de la OEA que, por conducto de la SSM, convoque una reunión conjunta del CICTE y de la CICAD en el segundo trimestre de 2022.

9. Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el primer semestre de 2022.

10. Un párrafo que el original no tiene.
`;

beforeAll(async () => {
  t = await startTestServer();
  draft = await demoDraft(t, await t.login('translator'));
});
afterAll(() => t.close());

const preview = (body: unknown, token: string, lang = 'es') =>
  t.api<TranslationImportPreview & { error?: string }>('POST', `/api/drafts/${draft.id}/translations/${lang}/import/preview`, { token, body });

it('shows the alignment before writing, then writes exactly what it showed', async () => {
  const translator = await t.login('translator');
  const shown = await preview({ text: SPANISH }, translator);
  expect(shown.status).toBe(200);
  const cicte = section(draft, 'entity', 'CICTE');
  const pairs = shown.body.paragraphs;
  expect(pairs.filter((p) => p.sectionKey === 'CICTE').map((p) => [p.label, p.importedLabel])).toEqual([
    ...cicte.paragraphs.map((p, i) => [p.label, ['1', '2', '3', '4', '5', '5 bis', '6', '7', '8', '9'][i]]),
    [null, '10'],
  ]);
  const fiveBis = pairs.find((p) => p.paragraphId === paragraph(cicte, '5 bis').id);
  expect(fiveBis).toMatchObject({ text: expect.stringMatching(/^\[CH, MEX and US: Respaldar/), problems: [] });
  expect(pairs.find((p) => p.importedLabel === '10')?.problems[0]).toMatch(/no counterpart in the draft/);
  const topic = pairs.filter((p) => p.sectionKey === 'terrorism-convention');
  expect(topic).toHaveLength(2);
  expect(topic[1]?.text).toMatch(/^Convocar la primera reunión/);
  expect(shown.body.writable).toBe(12);

  // Nothing was written by the preview.
  const before: { n: number }[] = await t.server.dataSource.query(`SELECT count(*)::int AS n FROM translation`);
  expect(before[0]?.n).toBe(0);

  const noDigest = await t.api('POST', `/api/drafts/${draft.id}/translations/es/import`, { token: translator, body: { text: SPANISH } });
  expect(noDigest.status).toBe(400);
  const otherText = await t.api('POST', `/api/drafts/${draft.id}/translations/es/import`, { token: translator, body: { text: SPANISH.replace('Reiterar', 'Reafirmar'), digest: shown.body.digest } });
  expect(otherText.status).toBe(409);
  expect(otherText.body.error).toBe('conflict');

  const written = await t.api('POST', `/api/drafts/${draft.id}/translations/es/import`, { token: translator, body: { text: SPANISH, digest: shown.body.digest } });
  expect(written.status).toBe(201);
  expect(written.body).toEqual({ lang: 'es', written: 12, skipped: 1 });
  const summary = await t.api('GET', `/api/drafts/${draft.id}/translations/summary`, { token: translator });
  expect(summary.body.languages.find((l: { lang: string }) => l.lang === 'es')).toEqual({ lang: 'es', current: 12, outdated: 0, missing: 0, total: 12 });
  const es = await t.api<DraftView>('GET', `/api/drafts/${draft.id}?lang=es`, { token: await t.login('us') });
  expect(paragraph(section(es.body, 'entity', 'CICTE'), '5 bis').compiled).toMatch(/^\[CH, MEX and US: Respaldar los informes/);
  const audited: { n: number }[] = await t.server.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'translation.import' AND actor_username = 'translator'`);
  expect(audited[0]?.n).toBe(12);
});

it('refuses the import from a role that may not translate, into the original or a language the committee does not use', async () => {
  expect((await preview({ text: SPANISH }, await t.login('mex'))).status).toBe(403);
  expect((await preview({ text: SPANISH }, await t.login('translator'), 'en')).body.error).toBe('original_language');
  expect((await preview({ text: SPANISH }, await t.login('translator'), 'de')).body.error).toBe('language_not_official');
  expect((await preview({ text: '' }, await t.login('translator'))).status).toBe(400);
});

it('aligns a real resolution with its real Portuguese version: AG/RES. 2438 (XXXIX-O/09), every paragraph in order', async () => {
  const secretariat = await t.login('secretariat');
  const created = await t.api<DraftView>('POST', '/api/drafts', { token: secretariat, body: { title: 'AG/RES. 2438 (XXXIX-O/09)', symbol: 'CP/CSH/8997/22', caps: ROOMY_CAPS } });
  expect(created.status).toBe(201);
  const english = corpusText('oas-en-ag-res-2438-2009.txt');
  const topic = section(created.body, 'topic');
  const url = `/api/drafts/${created.body.id}/import?source=chair_draft&sections=${encodeURIComponent(JSON.stringify([{ heading: 'RESOLVES:', sectionId: topic.id }]))}`;
  expect((await upload(t, url, secretariat, english)).status).toBe(201);
  const inPlay = (await getDraft(t, secretariat, created.body.id)).sections.flatMap((s) => s.paragraphs.map((p) => p.id));
  expect(inPlay).toHaveLength(6);

  const translator = await t.login('translator');
  const portuguese = corpusText('oas-pt-ag-res-2438-2009.txt');
  const shown = await t.api<TranslationImportPreview>('POST', `/api/drafts/${created.body.id}/translations/pt/import/preview`, { token: translator, body: { text: portuguese } });
  expect(shown.status).toBe(200);
  // Four preambular paragraphs and two operative ones, which the Portuguese copy leaves unnumbered: matched one by one, in order.
  expect(shown.body.paragraphs.map((p) => p.paragraphId)).toEqual(inPlay);
  expect(shown.body.paragraphs.map((p) => p.problems)).toEqual(inPlay.map(() => []));
  expect(shown.body.paragraphs.map((p) => p.text?.split(' ')[0])).toEqual(['RECONHECENDO', 'GUIADA', 'CONSIDERANDO', 'LEVANDO', 'Que', 'Que']);
  expect(shown.body.paragraphs[0]!.original).toMatch(/^RECOGNIZING the shared interest/);
  const written = await t.api('POST', `/api/drafts/${created.body.id}/translations/pt/import`, { token: translator, body: { text: portuguese, digest: shown.body.digest } });
  expect(written.body).toEqual({ lang: 'pt', written: 6, skipped: 0 });
  const pt = await t.api<DraftView>('GET', `/api/drafts/${created.body.id}?lang=pt`, { token: secretariat });
  expect(pt.body.sections.flatMap((s) => s.paragraphs.map((p) => p.compiled))[4]).toMatch(/^Que a 6ª Resolução, adotada em 31 de janeiro de 1962/);
});
