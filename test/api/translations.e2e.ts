import type { DraftView, ParagraphView, TranslationSummary } from '@omnibus/shared';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';
import { CollabClient } from '../support/collab-client';
import { connectLive, LiveClient } from '../workflow/live-helpers';

/**
 * The CICTE proposal in English, translated into Spanish and French; the negotiation changes the
 * original; the translations concerned turn outdated (live, with the redline) until language
 * services bring them up to date. Every refusal leaves the translations and the history untouched.
 */
let t: TestServer;
let draft: DraftView;
let translator: string;
let live: LiveClient;
const figures: Record<string, unknown> = {};

const ES: Record<string, string> = {
  '1': 'Reiterar su más enérgica e inequívoca condena del terrorismo en todas sus formas y manifestaciones, independientemente de quién lo cometa, dónde y con qué propósito.',
  '7': 'Solicitar a la SSM que, por conducto de la Secretaría del CICTE, brinde asistencia legislativa y técnica y capacitación, cuando corresponda y de conformidad con las leyes nacionales, y que implemente mecanismos para fortalecer la identificación e investigación de grupos criminales terroristas que operan en la región, entre otros medios mediante la cooperación en materia de inteligencia y el intercambio de información.',
  '9': 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el primer semestre de 2022 o con suficiente antelación al período ordinario de sesiones de la Asamblea General de ese año.',
  '5 bis':
    '[CH, MEX and US: Respaldar los informes de consenso de 2021 del Grupo de Trabajo de Composición Abierta sobre los Avances en la Esfera de la Información y las Telecomunicaciones en el Contexto de la Seguridad Internacional (OEWG) y del Grupo de Expertos Gubernamentales sobre el Fomento del Comportamiento Responsable de los Estados en el Ciberespacio en el Contexto de la Seguridad Internacional (GGE), y comprometerse a apoyar y aplicar el marco para el comportamiento responsable de los Estados establecido en dichos informes.]',
};
const FR: Record<string, string> = {
  '7': 'Demander au SSM, par l’intermédiaire du Secrétariat du CICTE, de fournir une assistance législative et technique et une formation, le cas échéant et conformément aux législations nationales, et de mettre en œuvre des mécanismes visant à renforcer l’identification des groupes criminels terroristes opérant dans la région et les enquêtes les concernant, notamment par la coopération en matière de renseignement et l’échange d’informations.',
  '9': 'Convoquer la vingt-deuxième session ordinaire du CICTE au cours du premier semestre de 2022 ou suffisamment à l’avance par rapport à la session ordinaire de l’Assemblée générale de cette année.',
};

beforeAll(async () => {
  t = await startTestServer();
  translator = await t.login('translator');
  draft = await demoDraft(t, translator);
  live = await connectLive(t, await t.login('observer'), draft.id);
});
afterAll(async () => {
  live.close();
  process.stdout.write(`translation figures: ${JSON.stringify(figures)}\n`);
  await t.close();
});

const cicte = () => section(draft, 'entity', 'CICTE');
async function summary(): Promise<Record<string, [number, number, number]>> {
  const res = await t.api<TranslationSummary>('GET', `/api/drafts/${draft.id}/translations/summary`, { token: translator });
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.languages.map((l) => [l.lang, [l.current, l.outdated, l.missing]]));
}
async function inLang(lang: string): Promise<DraftView> {
  const res = await t.api<DraftView>('GET', `/api/drafts/${draft.id}?lang=${lang}`, { token: await t.login('mex') });
  expect(res.status).toBe(200);
  return res.body;
}
const put = (p: { id: string }, lang: string, body: unknown, token = translator) =>
  t.api('PUT', `/api/paragraphs/${p.id}/translations/${lang}`, { token, body });
/** Translations and history rows: a refusal must change neither. */
async function stored(): Promise<string> {
  const rows: unknown[] = await t.server.dataSource.query(
    `SELECT (SELECT count(*)::int FROM audit_event) AS audit, (SELECT md5(coalesce(string_agg(unit_id || lang || text || based_on, ',' ORDER BY unit_id, lang), '')) FROM translation) AS digest`,
  );
  return JSON.stringify(rows[0]);
}

it('names the committee’s official languages and the draft’s original; everything starts missing', async () => {
  expect(draft.languages).toEqual({ original: 'en', official: ['en', 'es', 'fr', 'pt'] });
  const units = draft.sections.flatMap((s) => s.paragraphs).length;
  const start = await summary();
  figures.start = start;
  expect(start).toEqual({ es: [0, 0, units], fr: [0, 0, units], pt: [0, 0, units] });
  const es = await inLang('es');
  const seven = paragraph(section(es, 'entity', 'CICTE'), '7');
  expect(seven.translation).toMatchObject({ lang: 'es', status: 'missing', basedOn: null, originalRevision: 1, text: null });
  expect(seven.text).toBe(paragraph(cicte(), '7').text);
});

it('stores Spanish and French translations; brackets keep their sponsors', async () => {
  for (const [label, text] of Object.entries(ES)) {
    const res = await put(paragraph(cicte(), label), 'es', { text, basedOn: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lang: 'es', status: 'current', basedOn: 1, originalRevision: 1, text, updatedBy: 'translator' });
  }
  for (const [label, text] of Object.entries(FR)) expect((await put(paragraph(cicte(), label), 'fr', { text, basedOn: 1 })).status).toBe(200);
  // The secretariat may translate too.
  const nine = paragraph(cicte(), '9');
  const bySecretariat = await put(nine, 'pt', { text: 'Convocar o vigésimo segundo período ordinário de sessões do CICTE no primeiro semestre de 2022.', basedOn: 1 }, await t.login('secretariat'));
  expect(bySecretariat.status).toBe(200);
  await live.waitFor('translation.changed', (p) => p.cause === 'translation.put' && p.changes[0].unitId === nine.id && p.changes[0].lang === 'pt');

  const units = draft.sections.flatMap((s) => s.paragraphs).length;
  const after = await summary();
  figures.translated = after;
  expect(after).toEqual({ es: [4, 0, units - 4], fr: [2, 0, units - 2], pt: [1, 0, units - 1] });

  const es = await inLang('es');
  const fiveBis = paragraph(section(es, 'entity', 'CICTE'), '5 bis');
  expect(fiveBis.compiled).toBe(ES['5 bis']);
  expect(fiveBis.text).toMatch(/^Respaldar los informes/);
  expect(fiveBis.sponsors).toEqual(['CH', 'MEX', 'US']);
  expect(paragraph(section(es, 'entity', 'CICTE'), '9').text).toBe(ES['9']);
});

it('an amendment and a change of the Chair’s text turn the affected translations outdated, live, with the redline', async () => {
  const nine = paragraph(cicte(), '9');
  const seven = paragraph(cicte(), '7');
  const words = 'in the first half of 2022';
  const start = nine.text.indexOf(words);
  const del = await t.api('POST', `/api/paragraphs/${nine.id}/amendments`, { token: await t.login('us'), body: { kind: 'delete', start, end: start + words.length } });
  expect(del.status).toBe(201);
  const outdated = await live.waitFor('translation.changed', (p) => p.cause === 'original.changed' && p.changes.some((c: { unitId: string }) => c.unitId === nine.id));
  expect(outdated.changes.filter((c: { unitId: string }) => c.unitId === nine.id).map((c: { lang: string; status: string }) => `${c.lang}:${c.status}`).sort()).toEqual([
    'es:outdated',
    'fr:outdated',
    'pt:outdated',
  ]);

  const at = seven.text.indexOf(' provide');
  const ins = await t.api('POST', `/api/paragraphs/${seven.id}/amendments`, { token: await t.login('can'), body: { kind: 'insert', start: at, end: at, text: ' urgently' } });
  expect(ins.status).toBe(201);
  await live.waitFor('translation.changed', (p) => p.changes.some((c: { unitId: string; lang: string }) => c.unitId === seven.id && c.lang === 'fr'));

  const one = paragraph(cicte(), '1');
  const edited = await t.api('PATCH', `/api/paragraphs/${one.id}`, { token: await t.login('chair'), body: { text: one.text.replace('regardless of by whom', 'whoever commits it and') } });
  expect(edited.status).toBe(200);
  await live.waitFor('translation.changed', (p) => p.changes.some((c: { unitId: string; status: string }) => c.unitId === one.id && c.status === 'outdated'));

  const es = await inLang('es');
  const esNine = paragraph(section(es, 'entity', 'CICTE'), '9');
  expect(esNine.translation).toMatchObject({ status: 'outdated', basedOn: 1, originalRevision: 2, text: ES['9'] });
  expect(esNine.translation?.redline).toContainEqual({ op: 'insert', text: expect.stringContaining('[US: ') });
  const nineNow = (await t.api<ParagraphView>('GET', `/api/paragraphs/${nine.id}`, { token: translator })).body;
  expect(esNine.translation?.original.text).toBe(nineNow.compiled);
  expect(esNine.compiled).toBe(ES['9']);
  const esOne = paragraph(section(es, 'entity', 'CICTE'), '1');
  expect(esOne.translation?.redline).toEqual(expect.arrayContaining([{ op: 'delete', text: expect.stringContaining('regardless') }, { op: 'insert', text: expect.stringContaining('whoever') }]));
  // The amendment's proposed words are a unit of their own, missing in every language.
  const esSeven = paragraph(section(es, 'entity', 'CICTE'), '7');
  expect(esSeven.amendments[0]?.translation).toMatchObject({ unitKind: 'amendment', status: 'missing', original: { text: ' urgently' } });

  const units = draft.sections.flatMap((s) => s.paragraphs).length + 1;
  const now = await summary();
  figures.afterAmendments = now;
  expect(now).toEqual({ es: [1, 3, units - 4], fr: [0, 2, units - 2], pt: [0, 1, units - 1] });
});

it('refuses a translation made from an old revision unless it is partial, and never lets it overwrite a newer one', async () => {
  const nine = (await t.api<ParagraphView>('GET', `/api/paragraphs/${paragraph(cicte(), '9').id}`, { token: translator })).body;
  const before = await stored();
  const stale = await put(nine, 'es', { text: ES['9'], basedOn: 1 });
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ error: 'stale_translation', details: { basedOn: 1, originalRevision: 2, lang: 'es' } });
  expect(stale.body.details.redline).toContainEqual({ op: 'insert', text: expect.stringContaining('[US: ') });
  expect(await stored()).toBe(before);

  const partial = await put(nine, 'es', { text: `${ES['9']} (en revisión)`, basedOn: 1, partial: true });
  expect(partial.status).toBe(200);
  expect(partial.body).toMatchObject({ status: 'outdated', basedOn: 1, originalRevision: 2 });

  // Brought up to date: the bracket in the original's sponsors' name.
  const esText = 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE [US: delete: en el primer semestre de 2022] o con suficiente antelación al período ordinario de sesiones de la Asamblea General de ese año.';
  expect(nine.compiled).toMatch(/\[US: delete: in the first half of 2022\]/);
  const wrongSponsor = await put(nine, 'es', { text: esText.replace('[US:', '[MEX:'), basedOn: 2 });
  expect(wrongSponsor.status).toBe(422);
  expect(wrongSponsor.body).toMatchObject({ error: 'bracket_sponsors_mismatch', details: { expected: [['US']], found: [['MEX']] } });
  const dropped = await put(nine, 'es', { text: esText.replace('[US: delete: en el primer semestre de 2022]', 'en el primer semestre de 2022'), basedOn: 2 });
  expect(dropped.body.error).toBe('bracket_sponsors_mismatch');
  const current = await put(nine, 'es', { text: esText, basedOn: 2 });
  expect(current.status).toBe(200);
  expect(current.body).toMatchObject({ status: 'current', basedOn: 2, originalRevision: 2 });
  expect(current.body.redline).toBeUndefined();

  // A late save of work made from revision 1 cannot replace the translation of revision 2, partial or not.
  const late = await put(nine, 'es', { text: ES['9'], basedOn: 1, partial: true });
  expect(late.status).toBe(409);
  expect(late.body).toMatchObject({ error: 'stale_translation', details: { storedBasedOn: 2 } });
  const es = await inLang('es');
  expect(paragraph(section(es, 'entity', 'CICTE'), '9').compiled).toBe(esText);
});

it('refuses a language the committee does not use, the original language, a withdrawn unit, a role that may not translate and an invalid revision', async () => {
  const seven = paragraph(cicte(), '7');
  const before = await stored();
  const cases: [string, Promise<{ status: number; body: { error: string; message: string } }>, number, string][] = [
    ['German', put(seven, 'de', { text: 'Ersuchen', basedOn: 1 }), 422, 'language_not_official'],
    ['Russian (UN, not OAS)', put(seven, 'ru', { text: 'Просить', basedOn: 1 }), 422, 'language_not_official'],
    ['the original', put(seven, 'en', { text: 'To request', basedOn: 1 }), 422, 'original_language'],
    ['a delegate', put(seven, 'es', { text: ES['7']!, basedOn: 1 }, await t.login('mex')), 403, 'forbidden'],
    ['an observer', put(seven, 'es', { text: ES['7']!, basedOn: 1 }, await t.login('observer')), 403, 'forbidden'],
    ['the chair', put(seven, 'es', { text: ES['7']!, basedOn: 1 }, await t.login('chair')), 403, 'forbidden'],
    ['revision 99', put(seven, 'es', { text: ES['7']!, basedOn: 99 }), 422, 'invalid_revision'],
    ['revision 0', put(seven, 'es', { text: ES['7']!, basedOn: 0 }), 400, 'validation_failed'],
    ['empty text', put(seven, 'es', { text: '  ', basedOn: 1 }), 400, 'validation_failed'],
    ['unknown field', put(seven, 'es', { text: ES['7']!, basedOn: 1, sponsors: ['MEX'] }), 400, 'validation_failed'],
    ['unknown paragraph', put({ id: '00000000-0000-4000-8000-000000000000' }, 'es', { text: 'x', basedOn: 1 }), 404, 'not_found'],
  ];
  for (const [what, pending, status, error] of cases) {
    const res = await pending;
    expect({ what, status: res.status, error: res.body.error }).toEqual({ what, status, error });
    expect(res.body.message.length).toBeGreaterThan(20);
  }
  expect((await t.api('GET', `/api/drafts/${draft.id}?lang=de`, { token: translator })).body.error).toBe('language_not_official');

  // A withdrawn amendment, and a deleted paragraph, are no longer translated.
  const amendment = (await t.api<ParagraphView>('GET', `/api/paragraphs/${seven.id}`, { token: translator })).body.amendments[0]!;
  expect((await t.api('POST', `/api/amendments/${amendment.id}/withdraw`, { token: await t.login('can') })).status).toBe(200);
  const afterWithdraw = await stored();
  const withdrawn = await t.api('PUT', `/api/amendments/${amendment.id}/translations/es`, { token: translator, body: { text: ' urgentemente', basedOn: 1 } });
  expect(withdrawn.status).toBe(409);
  expect(withdrawn.body).toMatchObject({ error: 'unit_not_translatable', details: { status: 'withdrawn' } });
  const six = paragraph(cicte(), '6');
  expect((await t.api('POST', `/api/paragraphs/${six.id}/delete`, { token: await t.login('chair') })).status).toBe(200);
  const afterDelete = await stored();
  const deleted = await put(six, 'es', { text: 'Convocar la Cuarta Reunión.', basedOn: 1 });
  expect(deleted.status).toBe(409);
  expect(deleted.body.error).toBe('unit_not_translatable');
  expect(await stored()).toBe(afterDelete);
  expect(afterWithdraw).not.toBe(before); // the withdrawal itself is audited
});

it('translates an amendment’s proposed words and records every translation in the history', async () => {
  const seven = paragraph(cicte(), '7');
  const at = seven.text.indexOf(' provide');
  const ins = await t.api('POST', `/api/paragraphs/${seven.id}/amendments`, { token: await t.login('can'), body: { kind: 'insert', start: at, end: at, text: ' without delay' } });
  expect(ins.status).toBe(201);
  const bracketed = await t.api('PUT', `/api/amendments/${ins.body.id}/translations/es`, { token: translator, body: { text: '[CAN: sin demora]', basedOn: 1 } });
  expect(bracketed.body.error).toBe('bracket_sponsors_mismatch');
  const ok = await t.api('PUT', `/api/amendments/${ins.body.id}/translations/es`, { token: translator, body: { text: ' sin demora', basedOn: 1 } });
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ unitKind: 'amendment', status: 'current', text: ' sin demora' });
  const es = await inLang('es');
  const amendment = paragraph(section(es, 'entity', 'CICTE'), '7').amendments.find((a) => a.id === ins.body.id);
  expect(amendment?.text).toBe(' sin demora');

  const history = await t.api('GET', `/api/drafts/${draft.id}/history?targetId=${paragraph(cicte(), '9').id}`, { token: translator });
  const puts = history.body.filter((e: { action: string }) => e.action === 'translation.put');
  expect(puts.length).toBe(5); // es 1, fr 1, pt 1, es partial, es current
  const last = puts[puts.length - 1];
  expect(last.actor).toMatchObject({ username: 'translator', role: 'translator' });
  expect(last.before).toMatchObject({ lang: 'es', basedOn: 1 });
  expect(last.after).toMatchObject({ lang: 'es', basedOn: 2, originalRevision: 2 });
  figures.end = await summary();
});

it('serialises racing translations of one unit: every save is audited, the last one stands', async () => {
  const two = paragraph(cicte(), '2');
  const texts = Array.from({ length: 8 }, (_, i) => `Reafirmar su compromiso con la labor del CICTE (versión ${i + 1}).`);
  const results = await Promise.all(texts.map((text) => put(two, 'fr', { text, basedOn: 1 })));
  expect(results.map((r) => r.status)).toEqual(texts.map(() => 200));
  const rows: { text: string }[] = await t.server.dataSource.query(`SELECT text FROM translation WHERE unit_id = $1 AND lang = 'fr'`, [two.id]);
  const history = await t.api('GET', `/api/drafts/${draft.id}/history?targetId=${two.id}`, { token: translator });
  const puts = history.body.filter((e: { action: string }) => e.action === 'translation.put');
  expect(puts).toHaveLength(8);
  expect(puts[puts.length - 1].after.text).toBe(rows[0]?.text);
  // Each save saw the one before it: the chain of before/after is unbroken.
  for (let i = 1; i < puts.length; i++) expect(puts[i].before?.text).toBe(puts[i - 1].after.text);
});

it('co-editing the original (a bracket typed live) turns the translation outdated once the edit is stored', async () => {
  const four = paragraph(cicte(), '4');
  const es = 'Promover la cooperación, el intercambio de buenas prácticas y el desarrollo y fortalecimiento de capacidades en materia de ciberdiplomacia, ciberseguridad y lucha contra la ciberdelincuencia.';
  expect((await put(four, 'es', { text: es, basedOn: 1 })).body.status).toBe('current');
  const mex = await CollabClient.connect(t.url, await t.login('mex'), draft.id);
  try {
    mex.propose(four.id, four.text.indexOf(' cybersecurity'), ' and digital inclusion', 'MEX');
    await mex.settled();
    const change = await live.waitFor(
      'translation.changed',
      (p) => p.cause === 'original.changed' && p.changes.some((c: { unitId: string; lang: string }) => c.unitId === four.id && c.lang === 'es'),
      15_000,
    );
    expect(change.changes.find((c: { unitId: string }) => c.unitId === four.id)).toMatchObject({ status: 'outdated', basedOn: 1, originalRevision: 2 });
  } finally {
    mex.close();
  }
  const esFour = paragraph(section(await inLang('es'), 'entity', 'CICTE'), '4');
  expect(esFour.translation?.redline).toContainEqual({ op: 'insert', text: expect.stringMatching(/^\[MEX: +and digital inclusion\]$/) });
});

it('lets the secretariat name other official languages (the UN’s six), keeping each draft’s original among them', async () => {
  const secretariat = await t.login('secretariat');
  const committeeId = draft.committeeId;
  const path = `/api/committees/${committeeId}/languages`;
  expect((await t.api('PUT', path, { token: translator, body: { official: ['ar', 'zh', 'en', 'fr', 'ru', 'es'] } })).status).toBe(403);
  const noEnglish = await t.api('PUT', path, { token: secretariat, body: { official: ['es', 'fr'] } });
  expect(noEnglish.status).toBe(400);
  expect(noEnglish.body.message).toMatch(/written in en, which must stay an official language/);
  expect((await t.api('PUT', path, { token: secretariat, body: { official: ['en', 'de'] } })).status).toBe(400);
  expect((await t.api('PUT', path, { token: secretariat, body: { official: ['en', 'en'] } })).status).toBe(400);

  const un = await t.api('PUT', path, { token: secretariat, body: { official: ['ar', 'zh', 'en', 'fr', 'ru', 'es'] } });
  expect(un.body).toEqual({ committeeId, official: ['ar', 'zh', 'en', 'fr', 'ru', 'es'] });
  expect((await demoDraft(t, translator)).languages).toEqual({ original: 'en', official: ['en', 'ar', 'zh', 'fr', 'ru', 'es'] });
  const s = await summary();
  expect(Object.keys(s)).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
  expect((await t.api('GET', `/api/drafts/${draft.id}?lang=pt`, { token: translator })).body.error).toBe('language_not_official');
  const ru = await put(paragraph(cicte(), '2'), 'ru', { text: 'Вновь подтвердить свою приверженность работе Межамериканского комитета против терроризма (СИКТЕ).', basedOn: 1 });
  expect(ru.status).toBe(200);
  const audited: { actor_username: string; before: unknown; after: unknown }[] = await t.server.dataSource.query(
    `SELECT actor_username, before, after FROM audit_event WHERE action = 'committee.languages' ORDER BY id`,
  );
  expect(audited).toEqual([{ actor_username: 'secretariat', before: { official: ['en', 'es', 'fr', 'pt'] }, after: { official: ['ar', 'zh', 'en', 'fr', 'ru', 'es'] } }]);
  expect((await t.api('PUT', path, { token: secretariat, body: { official: ['en', 'es', 'fr', 'pt'] } })).status).toBe(200);
});

it('translates a mandates paragraph’s chapeau and literals, keeping the original’s labels; the original language reads as itself', async () => {
  const chair = await t.login('chair');
  const topic = section(draft, 'topic', 'landmines');
  const created = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
    token: chair,
    body: { sectionId: topic.id, kind: 'mandates', text: 'To instruct the General Secretariat, through the SMS, to:', literals: [{ text: 'support mine action;' }, { text: 'report to the Committee.' }] },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const chapeau = 'Encomendar a la Secretaría General que, por conducto de la SSM:';
  const wrongLabels = await put({ id }, 'es', { text: chapeau, literals: [{ label: 'b', text: 'informe a la Comisión.' }, { label: 'a', text: 'apoye la acción contra las minas;' }], basedOn: 1 });
  expect(wrongLabels.status).toBe(400);
  expect(wrongLabels.body.message).toMatch(/labels, in order: a, b/);
  const noLiterals = await put({ id }, 'es', { text: chapeau, basedOn: 1 });
  expect(noLiterals.status).toBe(400);
  const ok = await put({ id }, 'es', { text: chapeau, literals: [{ label: 'a', text: 'apoye la acción contra las minas;' }, { label: 'b', text: 'informe a la Comisión.' }], basedOn: 1 });
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ status: 'current', literals: [{ label: 'a' }, { label: 'b' }], original: { literals: [{ label: 'a', text: 'support mine action;' }, { label: 'b', text: 'report to the Committee.' }] } });

  const es = paragraph(section(await inLang('es'), 'topic', 'landmines'), created.body.label);
  expect(es).toMatchObject({ chapeau, text: chapeau, literals: [{ label: 'a', text: 'apoye la acción contra las minas;' }, { label: 'b', text: 'informe a la Comisión.' }] });

  // A literal changed in the original: outdated, the redline shows the literal's words.
  const changed = await t.api('PATCH', `/api/paragraphs/${id}`, { token: chair, body: { literals: [{ text: 'support mine action in the Americas;' }, { text: 'report to the Committee.' }] } });
  expect(changed.status).toBe(200);
  const after = paragraph(section(await inLang('es'), 'topic', 'landmines'), created.body.label);
  expect(after.translation).toMatchObject({ status: 'outdated', basedOn: 1, originalRevision: 2 });
  expect(after.translation?.redline).toContainEqual({ op: 'insert', text: expect.stringContaining('in the Americas') });

  expect((await inLang('es-MX')).lang).toBe('es');
  const en = await inLang('en');
  const enSeven = paragraph(section(en, 'entity', 'CICTE'), '7');
  expect(en.lang).toBe('en');
  expect(enSeven.translation).toMatchObject({ lang: 'en', status: 'current', text: enSeven.compiled });
  expect(enSeven.text).toBe(paragraph(cicte(), '7').text);
});

it('sets a draft’s original language before it is translated, never after', async () => {
  const secretariat = await t.login('secretariat');
  const created = await t.api('POST', '/api/drafts', { token: secretariat, body: { title: 'Proyecto de resolución', symbol: 'CP/CSH/zzzz/22' } });
  expect(created.status).toBe(201);
  const path = `/api/drafts/${created.body.id}/languages`;
  expect((await t.api('PUT', path, { token: translator, body: { original: 'es' } })).status).toBe(403);
  expect((await t.api('PUT', path, { token: secretariat, body: { original: 'ru' } })).body.error).toBe('language_not_official');
  const set = await t.api('PUT', path, { token: secretariat, body: { original: 'es' } });
  expect(set.body).toEqual({ original: 'es', official: ['es', 'en', 'fr', 'pt'] });
  const view = await t.api('GET', `/api/drafts/${created.body.id}`, { token: translator });
  expect(view.body).toMatchObject({ lang: 'es', languages: { original: 'es' } });

  const before = await stored();
  const demo = await t.api('PUT', `/api/drafts/${draft.id}/languages`, { token: secretariat, body: { original: 'fr' } });
  expect(demo.status).toBe(409);
  expect(demo.body.message).toMatch(/already has translations made from its English original/);
  expect(await stored()).toBe(before);
});
