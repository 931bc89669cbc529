import type { DraftView } from '@omnibus/shared';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import * as fs from 'node:fs';
import { readDocx } from '../../server/src/documents/import/docx-reader';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { TestServer, startTestServer } from '../support/test-server';
import { convertWithLibreOffice, download, getDraft, pdfToText, saveArtifact, squash } from './document-helpers';

const DATE = '2022-03-15';
const FORMATS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  akn: 'application/akn+xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};
const MARKUP = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

describe('exports of the demo draft', () => {
  let t: TestServer;
  let secretariat: string;
  let demo: DraftView;
  const sizes: { file: string; bytes: number; renderMs: number }[] = [];

  const url = (kind: string, query: string) => `/api/drafts/${demo.id}/export/${kind}?date=${DATE}&${query}`;
  async function fetchOk(kind: string, query: string, token = secretariat) {
    const res = await download(t, url(kind, query), token);
    if (res.status !== 200) throw new Error(`${kind} ${query}: ${res.status} ${res.body.toString().slice(0, 400)}`);
    return res;
  }

  beforeAll(async () => {
    t = await startTestServer();
    secretariat = await t.login('secretariat');
    demo = await demoDraft(t, secretariat);
    const db = t.server.dataSource;
    const cicte = section(demo, 'entity', 'CICTE');
    const topic = section(demo, 'topic', 'terrorism-convention');
    // The committee has agreed some of CICTE's text: what the consensus draft is made of.
    const agreed = [...topic.paragraphs, ...['1', '2', '3', '5 bis', '6', '7'].map((l) => paragraph(cicte, l))].map((p) => p.id);
    await db.query(`UPDATE paragraph SET status = 'approved' WHERE id = ANY($1)`, [agreed]);
    await db.query(`UPDATE paragraph SET text = text || ' Its report follows paragraph 5 bis.' WHERE id = $1`, [paragraph(cicte, '6').id]);
    await db.query(`UPDATE paragraph SET text = $2 WHERE id = $1`, [paragraph(cicte, '4').id, `To promote cooperation ${MARKUP}.`]);
    await db.query(
      `INSERT INTO reservation (draft_id, paragraph_id, delegation_id, text, created_by)
       SELECT $1, $2, d.id, 'Mexico joins consensus on the understanding that the reports are not binding.', u.id
         FROM delegation d, app_user u WHERE d.code = 'MEX' AND u.username = 'mex' AND d.committee_id = u.committee_id`,
      [demo.id, paragraph(cicte, '5 bis').id],
    );
    demo = await getDraft(t, secretariat, demo.id);
  });
  afterAll(async () => {
    saveArtifact('export-sizes.json', JSON.stringify(sizes, null, 2));
    await t.close();
  });

  it.each(Object.keys(FORMATS))('streams the compilation text and the consensus draft as %s, with type and file name', async (format) => {
    for (const kind of ['compilation', 'consensus']) {
      const res = await fetchOk(kind, `format=${format}`);
      const ext = format === 'akn' ? 'akn.xml' : format;
      const name = `CP-CSH-xxxx-22-${kind}-${DATE}.${ext}`;
      expect(res.headers.get('content-type')).toBe(FORMATS[format]);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
      expect(Number(res.headers.get('content-length'))).toBe(res.body.length);
      saveArtifact(name, res.body);
      sizes.push({ file: name, bytes: res.body.length, renderMs: Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]) });
    }
  });

  it('prints the compilation text with labels, brackets, sponsors, states and statuses', async () => {
    const txt = (await fetchOk('compilation', 'format=txt')).body.toString('utf8');
    // Numbered straight through the resolution, as the consensus draft is: CICTE's 5 bis follows the Convention's two paragraphs.
    expect(txt).toContain('7 bis. [CH, MEX and US: To endorse the 2021 consensus reports');
    expect(txt).toContain('Its report follows paragraph 7 bis.');
    expect(txt).toContain('(new; approved)');
    expect(txt).toContain('(consensus; pending)');
    // Footnote 1 is the title's; reservations follow it.
    expect(txt).toContain('(Footnote 2: Mexico joins consensus on the understanding that the reports are not binding.)');
    const html = (await fetchOk('compilation', 'format=html')).body.toString('utf8');
    expect(html).toContain('<span class="bracket insert">[<b class="sponsors">CH, MEX and US</b>: To endorse');
    const pdf = (await fetchOk('compilation', 'format=pdf')).body;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = squash(pdfToText(saveArtifact('compilation-chromium.pdf', pdf)));
    expect(pdfText).toContain('7 bis. [CH, MEX and US: To endorse the 2021 consensus reports');
    expect(pdfText).toMatch(/OEA\/Ser\.G .*CP\/CSH\/xxxx\/22 March 15, 2022 .*Original: English DRAFT RESOLUTION/);
  });

  it('makes a consensus draft of approved text only, renumbered, with references and reservations', async () => {
    const txt = (await fetchOk('consensus', 'format=txt')).body.toString('utf8');
    expect(txt).not.toMatch(/\[|5 bis|\(consensus;/);
    const numbered = txt.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.slice(0, 40));
    expect(numbered).toEqual([
      '1. To invite those member states that ha',
      '2. To convene the first meeting of the S',
      '3. To reiterate its strong and unequivoc',
      '4. To reaffirm its commitment to the wor',
      '5. To urge member states to continue imp',
      '6. To endorse the 2021 consensus reports',
      '7. To convene the Fourth Meeting of the ',
      '8. To request that the SMS, through the ',
    ]);
    expect(txt).toContain('first half of 2022. Its report follows paragraph 6.');
    expect(txt).toContain('(Footnote 2: Mexico joins consensus');
    // A partial consensus draft says what it leaves out.
    expect(txt).toContain('(4 of 12 paragraphs are not yet approved and are not in this text: Inter-American Committee against Terrorism (CICTE) 4, 5, 8 and 9.)');
    const pdf = squash(pdfToText(saveArtifact('consensus-chromium.pdf', (await fetchOk('consensus', 'format=pdf')).body)));
    expect(pdf).toContain('4 of 12 paragraphs are not yet approved');
    expect(pdf).toMatch(/THE GENERAL ASSEMBLY, RESOLVES: INTER-AMERICAN INSTRUMENTS AND INSTITUTIONS/);
  });

  it('opens in LibreOffice: numbering, brackets, header and footnotes survive the conversion', async () => {
    const compilation = (await fetchOk('compilation', 'format=docx')).body;
    const compiled = squash(pdfToText(saveArtifact('compilation-libreoffice.pdf', fs.readFileSync(await convertWithLibreOffice(compilation, 'compilation.docx')))));
    expect(compiled).toContain('ADVANCING HEMISPHERIC SECURITY: A MULTIDIMENSIONAL APPROACH');
    expect(compiled).toContain('CP/CSH/xxxx/22');
    expect(compiled).toContain('Inter-American Committee against Terrorism (CICTE)');
    expect(compiled).toContain('7 bis. [CH, MEX and US: To endorse the 2021 consensus reports');
    expect(compiled).toContain('(new; approved)');
    const consensus = (await fetchOk('consensus', 'format=docx')).body;
    const agreed = squash(pdfToText(saveArtifact('consensus-libreoffice.pdf', fs.readFileSync(await convertWithLibreOffice(consensus, 'consensus.docx')))));
    // Word's own list numbers the operative paragraphs; LibreOffice prints the numbers it worked out.
    expect(agreed).toMatch(/6\. To endorse the 2021 consensus reports/);
    expect(agreed).toMatch(/8\. To request that the SMS, through the CICTE Secretariat/);
    expect(agreed).toContain('March 15, 2022');
    expect(agreed).toContain('PERMANENT COUNCIL OF THE ORGANIZATION OF');
    expect(agreed).toMatch(/THE GENERAL ASSEMBLY, RESOLVES: INTER-AMERICAN INSTRUMENTS AND INSTITUTIONS/);
    expect(agreed).toContain('Mexico joins consensus on the understanding that the reports are not binding.');
    expect(agreed).not.toContain('[');
  });

  it('shows markup typed into a paragraph as words in every format', async () => {
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;';
    const html = (await fetchOk('compilation', 'format=html')).body.toString('utf8');
    expect(html).toContain(escaped);
    expect(html).not.toMatch(/<script>|<img/);
    const md = (await fetchOk('compilation', 'format=md')).body.toString('utf8');
    expect(md).not.toMatch(/<script>|<img/);
    const akn = (await fetchOk('compilation', 'format=akn')).body.toString('utf8');
    expect(XMLValidator.validate(akn)).toBe(true);
    expect(akn).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect((await readDocx((await fetchOk('compilation', 'format=docx')).body)).text).toContain(MARKUP);
    expect(squash(pdfToText(saveArtifact('markup.pdf', (await fetchOk('compilation', 'format=pdf')).body)))).toContain(MARKUP);
  });

  it('lets observers export only published versions, and delegates the live draft', async () => {
    const observer = await t.login('observer');
    const refused = await download(t, url('compilation', 'format=docx'), observer);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: 'forbidden', message: expect.stringContaining('Observers may export only published versions') });
    const version = await publishDirectly(t, demo, 'Chair’s first draft', 'CP/CSH/xxxx/22');
    const published = await download(t, url('compilation', `format=txt&version=${version}`), observer);
    expect(published.status).toBe(200);
    expect(published.body.toString('utf8')).toContain('7 bis. [CH, MEX and US: To endorse');
    expect((await download(t, url('consensus', 'format=docx'), await t.login('mex'))).status).toBe(200);
  });

  it('renders a redline between a published version and the live draft, with tracked changes in Word', async () => {
    const version = await publishDirectly(t, demo, 'rev. 1', 'CP/CSH/xxxx/22 rev. 1');
    const cicte = section(demo, 'entity', 'CICTE');
    const db = t.server.dataSource;
    await db.query(`UPDATE paragraph SET text = replace(text, 'Fourth Meeting', 'Fifth Meeting') WHERE id = $1`, [paragraph(cicte, '6').id]);
    await db.query(`UPDATE paragraph SET status = 'withdrawn' WHERE id = $1`, [paragraph(cicte, '9').id]);
    const html = (await fetchOk('redline', `format=html&from=${version}&to=live`)).body.toString('utf8');
    expect(html).toContain('<del>Fourth</del><ins>Fifth</ins>');
    expect(html).toContain('1 modified, 0 added, 1 deleted');
    const docx = (await fetchOk('redline', `format=docx&from=${version}`)).body;
    saveArtifact(`CP-CSH-xxxx-22-redline-${DATE}.docx`, docx);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:del [^>]*w:author="Omnibus: rev. 1 → Live draft"[\s\S]*<w:delText[^>]*>Fourth<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*>Fifth<\/w:t>/);
    const converted = squash(pdfToText(await convertWithLibreOffice(docx, 'redline.docx')));
    expect(converted).toContain('Fifth');
    for (const format of ['md', 'txt', 'pdf']) expect((await download(t, url('redline', `format=${format}&from=${version}`), secretariat)).status).toBe(200);
    expect((await fetchOk('redline', `format=txt&from=${version}`)).body.toString('utf8')).toContain('[-Fourth-]{+Fifth+}');
    const akn = await download(t, url('redline', `format=akn&from=${version}`), secretariat);
    expect([akn.status, (akn.json as { message: string }).message]).toEqual([400, expect.stringContaining('a redline is not one')]);
    const observer = await t.login('observer');
    expect((await download(t, url('redline', `format=html&from=${version}`), observer)).status).toBe(403);
    expect((await download(t, url('redline', `format=html&from=${version}&to=${version}`), observer)).status).toBe(200);
  });

  it('answers unknown exports, formats, versions and drafts with a clear error', async () => {
    const cases: [string, number, RegExp][] = [
      [url('minutes', 'format=docx'), 404, /no "minutes" export/],
      [url('consensus', 'format=rtf'), 400, /format/],
      [url('consensus', 'format=docx&version=00000000-0000-4000-8000-000000000000'), 404, /published version/],
      [url('consensus', 'format=docx&date=2022-13-45'), 400, /date/],
      [url('redline', 'format=docx'), 400, /from/],
      [`/api/drafts/00000000-0000-4000-8000-000000000000/export/consensus?format=docx`, 404, /draft/],
    ];
    for (const [path, status, message] of cases) {
      const res = await download(t, path, secretariat);
      expect([res.status, (res.json as { message: string }).message]).toEqual([status, expect.stringMatching(message)]);
    }
  });
});

/** A published version as the workflow stores one: the draft frozen as it stands. */
async function publishDirectly(t: TestServer, draft: DraftView, name: string, symbol: string): Promise<string> {
  const live = await getDraft(t, await t.login('secretariat'), draft.id);
  const [row] = (await t.server.dataSource.query(
    `INSERT INTO draft_version (draft_id, number, name, symbol, phase, classification, snapshot, published_by)
     SELECT $1, coalesce(max(number), 0) + 1, $2, $3, 'revision', '{}', $4, (SELECT id FROM app_user WHERE username = 'chair')
       FROM draft_version WHERE draft_id = $1 RETURNING id`,
    [draft.id, name, symbol, JSON.stringify(live)],
  )) as { id: string }[];
  return row!.id;
}
