import { DraftView, compilationNumbers } from '@omnibus/shared';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { TestServer, startTestServer } from '../support/test-server';
import { download, getDraft, pdfToText, saveArtifact, squash } from './document-helpers';
import { validateAkn } from './akn-schema';
import { seedSampleDraft } from './sample-in-db';

const DATE = '2022-03-15';

/** The words each language's document prints around the text, as the OAS writes them. */
const WORDS = {
  en: { formula: 'THE GENERAL ASSEMBLY,', resolving: 'RESOLVES:', kind: 'DRAFT RESOLUTION', original: 'Original: English', date: 'March 15, 2022', akn: 'eng' },
  es: { formula: 'LA ASAMBLEA GENERAL,', resolving: 'RESUELVE:', kind: 'PROYECTO DE RESOLUCIÓN', original: 'Original: inglés', date: '15 de marzo de 2022', akn: 'spa' },
  fr: { formula: "L'ASSEMBLÉE GÉNÉRALE,", resolving: 'DÉCIDE :', kind: 'PROJET DE RÉSOLUTION', original: 'Original : anglais', date: '15 mars 2022', akn: 'fra' },
  pt: { formula: 'A ASSEMBLEIA GERAL,', resolving: 'RESOLVE:', kind: 'PROJETO DE RESOLUÇÃO', original: 'Original: inglês', date: '15 de março de 2022', akn: 'por' },
} as const;

/** The text of each page of a PDF, as pdftotext lays it out. */
function pages(file: string): string[] {
  return pdfToText(file).split('\f').map(squash);
}

function pdfPageSize(file: string): string {
  return /Page size:\s+([\d.]+ x [\d.]+ pts)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '';
}

describe('exports in the OAS layout, in each official language', () => {
  let t: TestServer;
  let secretariat: string;
  let chair: string;
  let sample: DraftView;

  async function fetchOk(draftId: string, kind: string, query: string): Promise<Buffer> {
    // Nothing of the sample is translated: a consensus draft in another language is the chair's to
    // issue incomplete, framed in that language's words around the original's paragraphs.
    const incomplete = kind === 'consensus' && /lang=(es|fr|pt)/.test(query);
    const res = await download(t, `/api/drafts/${draftId}/export/${kind}?${query}${incomplete ? '&allowIncomplete=true' : ''}`, incomplete ? chair : secretariat);
    if (res.status !== 200) throw new Error(`${kind} ${query}: ${res.status} ${res.body.toString().slice(0, 400)}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestServer();
    secretariat = await t.login('secretariat');
    chair = await t.login('chair');
    sample = await getDraft(t, secretariat, await seedSampleDraft(t, secretariat, 'CP/CSH/7901/22', 11));
  });
  afterAll(() => t.close());

  it.each(Object.entries(WORDS))('frames the %s document in its own words: formula, resolving formula, DRAFT RESOLUTION, Original:, date', async (lang, w) => {
    const txt = (await fetchOk(sample.id, 'consensus', `format=txt&date=${DATE}&lang=${lang}`)).toString('utf8');
    const lines = txt.split('\n');
    expect(lines.slice(2, 6)).toEqual(['OEA/Ser.G', 'CP/CSH/7901/22', w.date, w.original]);
    expect(lines).toContain(w.kind);
    // The formula opens the preamble; the resolving formula stands between the preamble and the operative part.
    const formula = lines.indexOf(w.formula);
    const resolving = lines.indexOf(w.resolving);
    expect(formula).toBeGreaterThan(0);
    expect(resolving).toBeGreaterThan(formula);
    expect(lines.slice(formula + 1, resolving).filter((l) => /^\d+\. /.test(l))).toEqual([]);
    expect(lines[lines.findIndex((l, i) => i > resolving && /^\d+\. /.test(l))]).toMatch(/^1\. /);
    const html = (await fetchOk(sample.id, 'consensus', `format=html&date=${DATE}&lang=${lang}`)).toString('utf8');
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<p class="formula resolving keep">${w.resolving.replace("'", '&#39;')}</p>`);
    const akn = (await fetchOk(sample.id, 'compilation', `format=akn&date=${DATE}&lang=${lang}`)).toString('utf8');
    expect(akn).toContain(`<FRBRlanguage language="${w.akn}"/>`);
    expect(akn).toContain(`<formula name="resolvingFormula"><p>${w.resolving.replace("'", '&apos;')}</p></formula></preamble>`);
    const md = (await fetchOk(sample.id, 'compilation', `format=md&date=${DATE}&lang=${lang}`)).toString('utf8');
    expect(md).toContain(`**${w.resolving}**`);
  });

  it("prints the committee's own names in the document's language: CICTE's and the IADB's headings, the thematic areas", async () => {
    for (const kind of ['consensus', 'compilation']) {
      const es = (await fetchOk(sample.id, kind, `format=txt&date=${DATE}&lang=es`)).toString('utf8');
      expect(es).toContain('Comité Interamericano contra el Terrorismo (CICTE)');
      expect(es).not.toContain('Inter-American Committee against Terrorism');
      const en = (await fetchOk(sample.id, kind, `format=txt&date=${DATE}&lang=en`)).toString('utf8');
      expect(en).toContain('Inter-American Committee against Terrorism (CICTE)');
    }
    const lines = (await fetchOk(sample.id, 'compilation', `format=txt&date=${DATE}&lang=es`)).toString('utf8').split('\n');
    expect(lines).toContain('Comité Interamericano contra el Terrorismo (CICTE)');
    // The Inter-American Defense Board is the JID in Spanish; the areas print their Spanish titles.
    expect(lines).toContain('Junta Interamericana de Defensa (JID)');
    expect(lines.some((l) => /^INSTRUMENTOS E INSTITUCIONES INTERAMERICANOS$/i.test(l))).toBe(true);
    expect(lines.some((l) => /Inter-American Instruments and Institutions/i.test(l))).toBe(false);
    const fr = (await fetchOk(sample.id, 'compilation', `format=md&date=${DATE}&lang=fr`)).toString('utf8');
    expect(fr).toContain('Comité interaméricain contre le terrorisme (CICTE)');
  });

  it('validates every Akoma Ntoso export against the OASIS schema', async () => {
    const results: string[] = [];
    for (const kind of ['consensus', 'compilation']) {
      for (const lang of ['en', 'es']) {
        const xml = (await fetchOk(sample.id, kind, `format=akn&date=${DATE}&lang=${lang}`)).toString('utf8');
        saveArtifact(`sample-${kind}-${lang}.akn.xml`, xml);
        const result = await validateAkn(xml, `${kind}-${lang}.akn.xml`);
        results.push(`${kind} ${lang}: ${result.valid ? 'valid' : result.errors.slice(0, 3).join('; ')}`);
      }
    }
    expect(results).toEqual(['consensus en: valid', 'consensus es: valid', 'compilation en: valid', 'compilation es: valid']);
    // The validator does refuse what the schema forbids: a paragraph with no number where one is required.
    const broken = (await fetchOk(sample.id, 'consensus', `format=akn&date=${DATE}`)).toString('utf8').replace(/<formula name="resolvingFormula">/, '<formula>');
    expect((await validateAkn(broken.replace('<mainBody>', '<mainBody><num>1.</num>'), 'broken.akn.xml')).valid).toBe(false);
  });

  it('prints the PDF on US Letter like the DOCX: footnotes at the foot of their page, no heading stranded, page 1 without a running header', async () => {
    const file = saveArtifact('sample-compilation-chromium.pdf', await fetchOk(sample.id, 'compilation', `format=pdf&date=${DATE}`));
    expect(pdfPageSize(file)).toBe('612 x 792 pts');
    const text = pages(file).filter((p) => p !== '');
    expect(text.length).toBeGreaterThan(5);
    // Page 1 opens with the header block; later pages carry only "- n -" at their head.
    expect(text[0]).toMatch(/^PERMANENT COUNCIL OF THE .*OEA\/Ser\.G .*CP\/CSH\/7901\/22 March 15, 2022 COMMITTEE ON HEMISPHERIC SECURITY Original: English DRAFT RESOLUTION/);
    expect(text.slice(1).map((p) => /^-\s?(\d+)\s?-/.exec(p)?.[1])).toEqual(text.slice(1).map((_, i) => String(i + 2)));
    // Each reservation's footnote is on the page of the paragraph that calls it, never gathered at the end.
    const reservations = sample.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.reservations ?? []).map((r) => ({ p, r }))));
    expect(reservations.length).toBeGreaterThan(0);
    for (const { p, r } of reservations) {
      const page = text.findIndex((x) => x.includes(squash(r.text).slice(0, 60)));
      expect(page).toBeGreaterThanOrEqual(0);
      expect(text[page]).toContain(squash(p.text).slice(0, 30));
    }
    // A section heading is followed on its own page by its first paragraph's number: never stranded at a page's foot.
    const numbers = compilationNumbers(sample.sections);
    const stranded = sample.sections
      .filter((x) => x.kind !== 'preamble' && x.paragraphs.length > 0)
      .filter((s) => !text.some((x) => x.includes(`${s.kind === 'entity' ? `${s.title} (${s.key})` : s.title} ${numbers.get(s.id)!.get(s.paragraphs[0]!.label)}.`)));
    expect(stranded.map((s) => s.key)).toEqual([]);
  });

  it('prints a paragraph longer than a page over as many pages as it needs, every word of it', async () => {
    const id = await seedSampleDraft(t, secretariat, 'CP/CSH/7903/22', 5);
    const long = `To ${'strengthen regional cooperation in accordance with national laws and '.repeat(130)}and to report at the end of the long paragraph.`;
    expect(long.length).toBeLessThanOrEqual(10_000);
    const db = t.server.dataSource;
    const rows = (await db.query(
      `SELECT p.id FROM paragraph p JOIN section s ON s.id = p.section_id WHERE p.draft_id = $1 AND s.kind = 'topic' ORDER BY s.position, p.label LIMIT 1`,
      [id],
    )) as { id: string }[];
    await db.query(`UPDATE paragraph SET text = $2, status = 'approved' WHERE id = $1`, [rows[0]!.id, long]);
    const file = saveArtifact('long-paragraph-consensus.pdf', await fetchOk(id, 'consensus', `format=pdf&date=${DATE}`));
    const text = squash(pdfToText(file));
    expect(text).toContain('and to report at the end of the long paragraph.');
    expect(text.split('strengthen regional cooperation in accordance with national laws and').length - 1).toBe(130);
    // The pages after it are numbered on from the pages it took.
    const numbers = pages(file).map((p) => /^-\s?(\d+)\s?-/.exec(p)?.[1]).filter((n) => n !== undefined).map(Number);
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers[numbers.length - 1]).toBe(pages(file).filter((p) => p !== '').length);
  });

  it("dates the document by the draft's own last change, not the day of the export", async () => {
    const id = await seedSampleDraft(t, secretariat, 'CP/CSH/7902/22', 5);
    const db = t.server.dataSource;
    await db.query(`UPDATE draft SET updated_at = '2022-05-02 15:00-04' WHERE id = $1`, [id]);
    await db.query(`UPDATE paragraph SET updated_at = '2022-05-02 10:00-04' WHERE draft_id = $1`, [id]);
    await db.query(`UPDATE amendment SET updated_at = '2022-04-28 10:00-04' WHERE draft_id = $1`, [id]);
    const txt = (await fetchOk(id, 'compilation', 'format=txt')).toString('utf8');
    expect(txt.split('\n').slice(2, 6)).toEqual(['OEA/Ser.G', 'CP/CSH/7902/22', 'May 2, 2022', 'Original: English']);
    expect((await fetchOk(id, 'compilation', 'format=txt&lang=es')).toString('utf8')).toContain('\n2 de mayo de 2022\n');
  });

  it("prints on the committee's paper: A4 when the committee sets it", async () => {
    const db = t.server.dataSource;
    const rows = (await db.query(`SELECT committee_id FROM draft WHERE id = $1`, [sample.id])) as { committee_id: string }[];
    const committee = rows[0]!.committee_id;
    expect((await db.query(`SELECT page_size FROM committee WHERE id = $1`, [committee]))[0].page_size).toBe('letter');
    await db.query(`UPDATE committee SET page_size = 'a4' WHERE id = $1`, [committee]);
    try {
      const pdf = saveArtifact('sample-consensus-a4.pdf', await fetchOk(sample.id, 'consensus', `format=pdf&date=${DATE}`));
      // A4 is 595.28 x 841.89 points; Chromium rounds the sheet to whole CSS pixels.
      expect(pdfPageSize(pdf)).toMatch(/^59[56](\.\d+)? x 84[12](\.\d+)? pts$/);
      const docx = await JSZip.loadAsync(await fetchOk(sample.id, 'consensus', `format=docx&date=${DATE}`));
      expect(await docx.file('word/document.xml')!.async('string')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    } finally {
      await db.query(`UPDATE committee SET page_size = 'letter' WHERE id = $1`, [committee]);
    }
    await expect(db.query(`UPDATE committee SET page_size = 'legal' WHERE id = $1`, [committee])).rejects.toThrow(/check constraint/);
  });

  it('refuses a language that is not one of the four', async () => {
    const res = await download(t, `/api/drafts/${sample.id}/export/consensus?format=txt&lang=de`, secretariat);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'validation_failed', details: { issues: [expect.objectContaining({ path: 'lang' })] } });
  });
});
