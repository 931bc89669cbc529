import type { DraftView } from '@omnibus/shared';
import * as fs from 'node:fs';
import { fingerprint, paragraph, section } from '../support/draft-helpers';
import { TestServer, startTestServer } from '../support/test-server';
import { CICTE_SEED, getDraft, newDraft, upload } from './document-helpers';

const SEED = fs.readFileSync(CICTE_SEED, 'utf8');

describe('importing texts into a draft', () => {
  let t: TestServer;
  let secretariat: string;

  beforeAll(async () => {
    t = await startTestServer();
    secretariat = await t.login('secretariat');
  });
  afterAll(() => t.close());

  const importUrl = (draftId: string, query: string, preview = false) => `/api/drafts/${draftId}/import${preview ? '/preview' : ''}?${query}`;

  it('previews the CICTE seed paragraph by paragraph and writes nothing', async () => {
    const draft = await newDraft(t, secretariat, 'CP/CSH/9001/22');
    const before = await fingerprint(t, draft.id);
    const res = await upload(t, importUrl(draft.id, 'source=entity_proposal', true), secretariat, SEED);
    expect(res.status).toBe(200);
    const plan = res.body;
    expect(plan.title).toBe('CICTE’S PROPOSAL FOR THE CSH OMNIBUS RESOLUTION');
    expect(plan.headings.map((h: any) => [h.heading, h.sectionKey])).toEqual([
      ['Inter-American Convention against Terrorism', 'terrorism-convention'],
      ['Inter-American Committee against Terrorism (CICTE)', 'CICTE'],
    ]);
    const cicte = plan.paragraphs.filter((p: any) => p.sectionKey === 'CICTE');
    expect(cicte.map((p: any) => p.label)).toEqual(['1', '2', '3', '4', '5', '5 bis', '6', '7', '8', '9']);
    const bis = cicte[5];
    expect(bis).toMatchObject({ sponsors: ['CH', 'MEX', 'US'], origin: 'delegation', state: 'new', status: 'pending', kind: 'substantive', fits: true });
    expect(bis.text).toMatch(/^To endorse the 2021 consensus reports/);
    // The entity cap is 8: the ninth and tenth paragraphs are reported, one by one.
    expect(cicte.filter((p: any) => !p.fits).map((p: any) => [p.label, p.cap.scope, p.cap.limit, p.cap.used])).toEqual([
      ['8', 'entity', 8, 9],
      ['9', 'entity', 8, 10],
    ]);
    // The seed numbers both Convention paragraphs "1."; the second takes the next free label, and says so.
    const convention = plan.paragraphs.filter((p: any) => p.sectionKey === 'terrorism-convention');
    expect(convention.map((p: any) => [p.sourceLabel, p.label])).toEqual([['1', '1'], ['1', '2']]);
    expect(convention[1].warnings[0]).toContain('Label 1 is taken');
    expect(plan.summary).toMatchObject({ paragraphs: 12, overCap: 2, errors: 0, unmatchedHeadings: 0 });
    expect(plan.verdict.ready).toBe(false);
    expect(plan.verdict.message).toContain('acceptOverCap=true');
    expect(await fingerprint(t, draft.id)).toBe(before);
  });

  it('refuses an over-cap text with a per-paragraph report unless an entity proposal is accepted over cap', async () => {
    const draft = await newDraft(t, secretariat, 'CP/CSH/9002/22');
    const before = await fingerprint(t, draft.id);
    const refused = await upload(t, importUrl(draft.id, 'source=entity_proposal'), secretariat, SEED);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('over_cap_import');
    expect(refused.body.message).toMatch(/^2 paragraphs would pass a cap \(paragraph 8 of "Inter-American Committee against Terrorism \(CICTE\)": the CICTE cap of 8 paragraphs\); nothing was imported/);
    expect(refused.body.details.paragraphs.map((p: any) => p.label)).toEqual(['8', '9']);
    const chairDraft = await upload(t, importUrl(draft.id, 'source=chair_draft&acceptOverCap=true'), secretariat, SEED);
    expect(chairDraft.status).toBe(400);
    expect(chairDraft.body.message).toContain("only for an entity's proposal");
    expect(await fingerprint(t, draft.id)).toBe(before);

    const accepted = await upload(t, importUrl(draft.id, 'source=entity_proposal&acceptOverCap=true'), secretariat, SEED);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ amendments: 0, overCap: 2 });
    expect(accepted.body.paragraphs).toHaveLength(12);
    const after = await getDraft(t, secretariat, draft.id);
    const cicte = section(after, 'entity', 'CICTE');
    expect(cicte.paragraphs.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '5 bis', '6', '7', '8', '9']);
    expect(paragraph(cicte, '5 bis')).toMatchObject({ sponsors: ['CH', 'MEX', 'US'], state: 'new', origin: 'delegation' });
    expect(paragraph(cicte, '5 bis').compiled).toMatch(/^\[CH, MEX and US: To endorse/);
    expect(paragraph(cicte, '1').origin).toBe('entity');
    expect(after.caps.find((c) => c.scope === 'entity' && c.key === 'CICTE')).toMatchObject({ limit: 8, used: 10 });
    const history = await t.api('GET', `/api/drafts/${draft.id}/history`, { token: secretariat });
    const entry = history.body.find((e: any) => e.action === 'draft.import');
    expect(entry.after.overCap.map((o: any) => o.label)).toEqual(['8', '9']);
    expect(entry.after.paragraphs).toHaveLength(12);
  });

  it('turns brackets inside a paragraph into amendments with offsets, kinds and sponsors', async () => {
    const draft = await newDraft(t, secretariat, 'CP/CSH/9003/22');
    const text = [
      'Inter-American Committee against Terrorism (CICTE)',
      '7. To request that the SMS[CAN: , through the CICTE Secretariat,] provide legislative and technical assistance.',
      '9. To convene the twenty-second regular session of CICTE [US: delete: in the first half of 2022] or in advance of [MEX and CH: replace “that year’s” with “the”] regular session.',
      '10. To hold the meeting in Washington [Alt 1 (BRA): in Brasília] [Alt 2 (MEX): in Mexico City].',
      '11. To instruct the General Secretariat, through the SMS, to:',
      'a. convene a meeting; and',
      'b. report on it.',
    ].join('\n');
    const res = await upload(t, importUrl(draft.id, 'source=entity_proposal'), secretariat, text);
    expect(res.status).toBe(201);
    expect(res.body.amendments).toBe(5);
    const cicte = section(await getDraft(t, secretariat, draft.id), 'entity', 'CICTE');
    const seven = paragraph(cicte, '7');
    expect(seven.text).toBe('To request that the SMS provide legislative and technical assistance.');
    expect(seven.state).toBe('amended');
    expect(seven.amendments).toEqual([
      expect.objectContaining({ kind: 'insert', start: 23, end: 23, text: ', through the CICTE Secretariat,', sponsors: ['CAN'] }),
    ]);
    const nine = paragraph(cicte, '9');
    const del = nine.amendments.find((a) => a.kind === 'delete')!;
    expect(nine.text.slice(del.start, del.end)).toBe('in the first half of 2022');
    const rep = nine.amendments.find((a) => a.kind === 'replace')!;
    expect([nine.text.slice(rep.start, rep.end), rep.text, rep.sponsors]).toEqual(['that year’s', 'the', ['MEX', 'CH']]);
    const ten = paragraph(cicte, '10');
    expect(ten.amendments.map((a) => [a.kind, a.alternativeNumber, a.sponsors[0], a.text])).toEqual([
      ['alternative', 1, 'BRA', 'in Brasília'],
      ['alternative', 2, 'MEX', 'in Mexico City'],
    ]);
    expect(new Set(ten.amendments.map((a) => a.alternativeGroup)).size).toBe(1);
    // Each compiled paragraph reads exactly as it was written.
    expect(text.split('\n').slice(1, 4)).toEqual(['7', '9', '10'].map((l) => `${l}. ${paragraph(cicte, l).compiled}`));
    expect(paragraph(cicte, '11')).toMatchObject({ kind: 'mandates', chapeau: 'To instruct the General Secretariat, through the SMS, to:', literals: [{ label: 'a', text: 'convene a meeting; and' }, { label: 'b', text: 'report on it.' }] });
  });

  it('reports a heading that names no section, and imports once the secretariat chooses one', async () => {
    const draft: DraftView = await newDraft(t, secretariat, 'CP/CSH/9004/22');
    const text = 'Terrorism, the convention\n1. To invite member states to ratify the Convention.\n2. To support its implementation.';
    const preview = await upload(t, importUrl(draft.id, 'source=chair_draft', true), secretariat, text);
    expect(preview.body.summary).toMatchObject({ unmatchedHeadings: 1, errors: 2 });
    expect(preview.body.paragraphs[0].errors[0]).toBe('No section of the draft is called "Terrorism, the convention": choose its section');
    const refused = await upload(t, importUrl(draft.id, 'source=chair_draft'), secretariat, text);
    expect(refused.status).toBe(400);
    const target = section(draft, 'topic', 'terrorism-convention');
    const sections = encodeURIComponent(JSON.stringify([{ heading: 'Terrorism, the convention', sectionId: target.id }]));
    const ok = await upload(t, importUrl(draft.id, `source=chair_draft&sections=${sections}`), secretariat, text);
    expect(ok.status).toBe(201);
    const after = section(await getDraft(t, secretariat, draft.id), 'topic', 'terrorism-convention');
    expect(after.paragraphs.map((p) => [p.label, p.origin, p.kind])).toEqual([['1', 'chair', 'substantive'], ['2', 'chair', 'substantive']]);
  });

  it('refuses a Chair draft past a topic cap, naming each paragraph, and changes nothing', async () => {
    const draft = await newDraft(t, secretariat, 'CP/CSH/9005/22');
    const before = await fingerprint(t, draft.id);
    const text = ['Cybersecurity', '1. One.', '2. Two.', '3. Three.', '4. Four.', '5. Five.'].join('\n');
    const res = await upload(t, importUrl(draft.id, 'source=chair_draft'), secretariat, text);
    expect(res.status).toBe(409);
    expect(res.body.details.paragraphs.map((p: any) => [p.label, p.cap.scope, p.cap.used])).toEqual([
      ['4', 'topic_substantive', 4],
      ['5', 'topic_substantive', 5],
    ]);
    expect(res.body.message).toContain('Trim the text, or ask the chair to raise the cap');
    expect(await fingerprint(t, draft.id)).toBe(before);
  });

  it('refuses bad documents with a sentence and changes nothing', async () => {
    const draft = await newDraft(t, secretariat, 'CP/CSH/9006/22');
    const before = await fingerprint(t, draft.id);
    const cases: [Buffer | string, string, number, RegExp][] = [
      ['', 'text/plain', 400, /request body is empty/],
      ['{"text":"1. x"}', 'application/json', 400, /not JSON/],
      ['Cybersecurity\n1. To urge [ZZZ: all] states.', 'text/plain', 400, /"ZZZ", which is not a delegation/],
      ['Cybersecurity\n1. To urge [CH: all states.', 'text/plain', 400, /never closed/],
      ['Cybersecurity\n1. To urge all [US: delete] states.', 'text/plain', 400, /does not say which words it deletes/],
      [Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'text/plain', 400, /not encoded as UTF-8/],
      [Buffer.from('PK\u0003\u0004 not really a zip'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 400, /not a Word document/],
      ['Cybersecurity\n1. x', 'image/png', 400, /cannot be imported/],
      ['no paragraphs here', 'text/plain', 400, /holds no paragraph/],
    ];
    for (const [body, type, status, message] of cases) {
      const res = await upload(t, importUrl(draft.id, 'source=chair_draft'), secretariat, body, type);
      expect([res.status, res.body.message]).toEqual([status, expect.stringMatching(message)]);
    }
    const tooBig = await upload(t, importUrl(draft.id, 'source=chair_draft'), secretariat, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    expect(tooBig.status).toBe(413);
    const badQuery = await upload(t, importUrl(draft.id, 'source=everyone'), secretariat, 'Cybersecurity\n1. x');
    expect(badQuery.status).toBe(400);
    expect(await fingerprint(t, draft.id)).toBe(before);
  });

  it('lets only the secretariat import', async () => {
    const draft = await newDraft(t, secretariat, 'CP/CSH/9007/22');
    for (const user of ['chair', 'observer', 'mex']) {
      const res = await upload(t, importUrl(draft.id, 'source=chair_draft', true), await t.login(user), SEED);
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('Only the secretariat may set up drafts and import texts.');
    }
    const missing = await upload(t, importUrl('00000000-0000-4000-8000-000000000000', 'source=chair_draft'), secretariat, SEED);
    expect(missing.status).toBe(404);
  });
});
