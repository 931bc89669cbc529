import { DocModel, DraftView, buildCompilationModel, buildConsensusModel, importText } from '@omnibus/shared';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { readDocx } from '../import/docx-reader';
import { renderAkn } from './render-akn';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import { sampleDraft } from './sample-draft';

const MARKUP = '<script>alert("x")</script> & <b>bold</b> *not emphasis* [link](http://x)';

/** The generated draft with markup typed into one paragraph, as a delegate might paste it. */
function draftWithMarkup(): DraftView {
  const draft = sampleDraft({ seed: 3 });
  const p = draft.sections[1]!.paragraphs[1]!;
  p.text = `To note ${MARKUP}.`;
  p.status = 'approved';
  return draft;
}

const date = '2022-03-15';
const compilation = (): DocModel => buildCompilationModel(draftWithMarkup(), { date });
const consensus = (): DocModel => buildConsensusModel(draftWithMarkup(), { date });

describe('HTML', () => {
  it('escapes markup in paragraph text, so it shows as words', () => {
    const html = renderHtml(compilation());
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toMatch(/<span class="bracket insert">\[<b class="sponsors">[A-Z]+ and [A-Z]+<\/b>: /);
  });
});

describe('Markdown', () => {
  it('escapes what Markdown would read as syntax', () => {
    const md = renderMarkdown(compilation());
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; \\*not emphasis\\* \\[link\\](http://x)');
    expect(md).toMatch(/\*\*2 bis\.\*\* \\\[\*\*[A-Z]+ and [A-Z]+\*\*: /);
    expect(md).toContain('[^2]: The United States joins consensus');
    expect(md).toMatch(/^# ADVANCING HEMISPHERIC SECURITY: A MULTIDIMENSIONAL APPROACH\[\^1\]$/m);
  });
});

/** The parts of a parsed AKN document the test reads (fast-xml-parser, arrays as configured below). */
interface AknParagraph {
  num: string;
  list?: { intro: { p: string }; point: { num: string }[] };
}
interface AknSection {
  paragraph?: AknParagraph[];
}
interface AknMainBody {
  hcontainer: { section: AknSection[] }[];
  section: AknSection[];
}

describe('Akoma Ntoso', () => {
  const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['section', 'paragraph', 'point', 'container', 'hcontainer'].includes(name) });

  it('is well-formed and shaped as an AKN4UN General Assembly resolution', () => {
    const xml = renderAkn(consensus());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml).akomaNtoso;
    expect(doc['@xmlns']).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
    const statement = doc.statement;
    expect(statement['@name']).toBe('resolution');
    expect(statement.meta.identification.FRBRWork.FRBRnumber['@value']).toBe('CP/CSH/9999/22 rev. 1');
    const preface = statement.preface.p as Record<string, unknown>[];
    expect(preface.find((p) => p.docNumber)?.docNumber).toBe('CP/CSH/9999/22 rev. 1');
    expect(preface.find((p) => p.docTitle)?.docTitle).toBe('Advancing Hemispheric Security: A Multidimensional Approach');
    expect(preface.find((p) => p.docType)?.docType).toBe('DRAFT RESOLUTION');
    expect(preface.find((p) => p.docAuthority)?.docAuthority).toBe('PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES');
    // The enacting formula opens the preamble and the resolving formula closes it, before the operative part.
    expect(statement.preamble.formula.map((f: { '@name': string; p: string }) => [f['@name'], f.p])).toEqual([
      ['enactingFormula', 'THE GENERAL ASSEMBLY,'],
      ['resolvingFormula', 'RESOLVES:'],
    ]);
    expect(statement.preamble.container.length).toBeGreaterThan(0);
    const body = statement.mainBody as AknMainBody;
    const sections = [...body.hcontainer.flatMap((h) => h.section), ...body.section];
    const paragraphs = sections.flatMap((s) => s.paragraph ?? []);
    // Numbered 1, 2, 3 … through the resolution, in document order.
    const nums = paragraphs.map((p) => p.num);
    expect(nums.slice(0, 3)).toEqual(['1.', '2.', '3.']);
    expect(new Set(nums).size).toBe(nums.length);
    const mandates = paragraphs.find((p) => p.list)?.list;
    if (!mandates) throw new Error('no mandates paragraph (a list) in the main body');
    expect(mandates.intro.p).toMatch(/^To instruct the General Secretariat/);
    expect(mandates.point[0]?.num).toBe('a.');
    expect(xml).toMatch(/<authorialNote marker="1" placement="bottom" eId="preface__authorialNote_1"><p>Text approved by the Committee/);
    expect(xml).toMatch(/<authorialNote marker="2" placement="bottom" eId="[^"]+"><p>The United States joins consensus/);
    expect(xml).toContain('&lt;script&gt;');
  });

  it('marks brackets with the delegations that sponsor them in the compilation text', () => {
    const xml = renderAkn(compilation());
    expect(XMLValidator.validate(xml)).toBe(true);
    // In Akoma Ntoso's own terms: a proposal refers to its sponsors, its words are <ins>, the words it strikes <del>.
    expect(xml).toMatch(/<span class="proposal insert" refersTo="#[a-z]+ #[a-z]+"><inline name="sponsors">[A-Z]+ and [A-Z]+<\/inline><ins>/);
    expect(xml).toMatch(/<span class="proposal replace" refersTo="[^"]+"><inline name="sponsors">[^<]+<\/inline><del>[^<]+<\/del><ins>[^<]+<\/ins><\/span>/);
    expect(xml).not.toMatch(/>\[[A-Z]+[^<]*: /);
    expect(xml).toMatch(/<TLCOrganization eId="mex" href="\/akn\/ontology\/organizations\/oas\/mex" showAs="Mexico"\/>/);
  });
});

describe('plain text', () => {
  it('reads back through the importer with every label, sponsor, status and footnote', () => {
    const model = compilation();
    const back = importText(renderText(model));
    expect(back.problems).toEqual([]);
    expect(back.subtitle).toBe(model.subtitle);
    const read = back.sections.flatMap((s) => s.paragraphs);
    const written = model.sections.flatMap((s) => s.paragraphs);
    // Preambular paragraphs print no number, as in OAS resolutions, and read back without one;
    // operative paragraphs print the resolution's numbers and read back as their section's labels.
    expect(read.map((p) => [p.label, p.status, p.sponsors.length > 0])).toEqual(written.map((p) => [p.number === null ? null : p.label, p.status, p.state === 'new']));
    expect(written.filter((p) => p.number !== null).some((p) => p.number !== p.label)).toBe(true);
    expect(read.flatMap((p) => p.footnotes ?? [])).toEqual(['The United States joins consensus on this paragraph on the understanding that it creates no new obligations.']);
  });
});

describe('DOCX', () => {
  it('has Word numbering, named styles, footnotes, US Letter and the OAS header block on page 1 only', async () => {
    const buffer = await renderDocx(consensus());
    const zip = await JSZip.loadAsync(buffer);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(await zip.file('word/numbering.xml')!.async('string')).toContain('w:val="%1."');
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/w:styleId="Operative"[\s\S]*w:styleId="Literal"/);
    expect(await zip.file('word/footnotes.xml')!.async('string')).toContain('The United States joins consensus');
    expect(documentXml).toContain('<w:numPr>');
    expect(documentXml).toContain('w:footnoteReference');
    // The block is on page 1 (a table at the top of the body); later pages carry only "- n -".
    const block = documentXml.slice(documentXml.indexOf('<w:tbl>'), documentXml.indexOf('</w:tbl>'));
    for (const line of ['PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES', 'COMMITTEE ON HEMISPHERIC SECURITY', 'OEA/Ser.G', 'CP/CSH/9999/22 rev. 1', 'March 15, 2022', 'Original: English']) {
      expect(block).toContain(line);
    }
    expect(documentXml).toContain('w:titlePg');
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
    expect(headers.join('')).not.toContain('CP/CSH/9999/22');
    expect(documentXml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    const text = documentXml.replace(/<[^>]+>/g, '');
    expect(text.indexOf('DRAFT RESOLUTION')).toBeLessThan(text.indexOf('THE GENERAL ASSEMBLY,'));
    expect(text.indexOf('THE GENERAL ASSEMBLY,')).toBeLessThan(text.indexOf('RESOLVES:'));
  });

  it('reads back to the same text as the plain-text export', async () => {
    for (const model of [compilation(), consensus()]) {
      const fromDocx = importText((await readDocx(await renderDocx(model))).text);
      const fromText = importText(renderText(model));
      expect(fromDocx.sections.map((s) => s.paragraphs.map((p) => [p.label, p.text, p.sponsors, p.literals, p.status, p.footnotes]))).toEqual(
        fromText.sections.map((s) => s.paragraphs.map((p) => [p.label, p.text, p.sponsors, p.literals, p.status, p.footnotes])),
      );
      expect([fromDocx.title, fromDocx.symbol, fromDocx.subtitle]).toEqual([fromText.title, fromText.symbol, fromText.subtitle]);
    }
  });
});

describe('translation markers', () => {
  it('mark every untranslated unit of a compilation in every format, and the plain text still reads back', async () => {
    const built = buildCompilationModel(draftWithMarkup(), { date, lang: 'es' });
    const model = { ...built, sections: built.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => ({ ...p, translationStatus: 'missing' as const })) })) };
    const count = model.sections.reduce((n, s) => n + s.paragraphs.length, 0);
    const times = (s: string) => s.split('(traducción pendiente)').length - 1;
    expect(times(renderText(model))).toBe(count);
    expect(times(renderMarkdown(model))).toBe(count);
    expect(times(renderHtml(model))).toBe(count);
    expect(times(renderAkn(model))).toBe(count);
    expect(times((await readDocx(await renderDocx(model))).text)).toBe(count);
    expect(importText(renderText(model)).problems).toEqual([]);
  });
});
