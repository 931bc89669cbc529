import type { DraftView } from '@omnibus/shared';
import { readDocx } from '../../server/src/documents/import/docx-reader';
import { demoDraft, section } from '../support/draft-helpers';
import { TestServer, startTestServer } from '../support/test-server';
import { docxType, download, getDraft, newDraft, saveArtifact, upload } from './document-helpers';
import { seedSampleDraft } from './sample-in-db';

const DATE = '2022-03-15';

/** What the round trip must keep: every paragraph's place, label, kind, status, sponsors and bracketed text. */
function essence(d: DraftView, only?: (status: string) => boolean) {
  return d.sections.flatMap((s) =>
    s.paragraphs
      .filter((p) => !only || only(p.status))
      .map((p) => ({ section: s.key, label: p.label, kind: p.kind, state: p.state, status: p.status, sponsors: p.sponsors, compiled: p.compiled, literals: p.literals ?? null })),
  );
}

describe('export → import → export is lossless', () => {
  let t: TestServer;
  let secretariat: string;

  beforeAll(async () => {
    t = await startTestServer();
    secretariat = await t.login('secretariat');
  });
  afterAll(() => t.close());

  async function exported(draftId: string, kind: string, format: string): Promise<Buffer> {
    const res = await download(t, `/api/drafts/${draftId}/export/${kind}?format=${format}&date=${DATE}`, secretariat);
    if (res.status !== 200) throw new Error(`${kind} ${format}: ${res.status} ${res.body.toString()}`);
    return res.body;
  }

  /** Imports a document into a new draft with the same symbol, then exports it again the same way. */
  async function roundTrip(original: DraftView, kind: 'compilation' | 'consensus', format: 'txt' | 'docx', query: string) {
    const first = await exported(original.id, kind, format);
    const copy = await newDraft(t, secretariat, original.symbol);
    const imported = await upload(t, `/api/drafts/${copy.id}/import?${query}`, secretariat, first, format === 'docx' ? docxType : 'text/plain');
    if (imported.status !== 201) throw new Error(`import of ${kind} ${format}: ${imported.status} ${JSON.stringify(imported.body).slice(0, 800)}`);
    const second = await exported(copy.id, kind, format);
    return { first, second, copy: await getDraft(t, secretariat, copy.id) };
  }

  async function textOf(format: 'txt' | 'docx', file: Buffer): Promise<string> {
    return format === 'txt' ? file.toString('utf8') : (await readDocx(file)).text;
  }

  describe.each(['txt', 'docx'] as const)('as %s', (format) => {
    it('keeps the CICTE compilation text: headings, labels, 5 bis with its sponsors, statuses', async () => {
      const demo = await demoDraft(t, secretariat);
      const { first, second, copy } = await roundTrip(demo, 'compilation', format, 'source=entity_proposal&acceptOverCap=true');
      saveArtifact(`round-trip-cicte-compilation-1.${format}`, first);
      saveArtifact(`round-trip-cicte-compilation-2.${format}`, second);
      expect(await textOf(format, second)).toBe(await textOf(format, first));
      expect(essence(copy)).toEqual(essence(demo));
      expect(section(copy, 'entity', 'CICTE').paragraphs.find((p) => p.label === '5 bis')?.sponsors).toEqual(['CH', 'MEX', 'US']);
    });

    it('keeps the generated 130-paragraph compilation text with brackets of every kind', async () => {
      const id = await seedSampleDraft(t, secretariat, `CP/CSH/77${format === 'txt' ? '01' : '02'}/22`);
      const original = await getDraft(t, secretariat, id);
      expect(essence(original)).toHaveLength(130);
      const kinds = new Set(original.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.amendments.map((a) => a.kind))));
      expect([...kinds].sort()).toEqual(['alternative', 'delete', 'insert', 'replace']);
      const { first, second, copy } = await roundTrip(original, 'compilation', format, 'source=chair_draft');
      expect(await textOf(format, second)).toBe(await textOf(format, first));
      expect(essence(copy)).toEqual(essence(original));
    });

    it('keeps the consensus draft of the generated draft: numbering, cross-references, agreed text', async () => {
      const id = await seedSampleDraft(t, secretariat, `CP/CSH/78${format === 'txt' ? '01' : '02'}/22`, 11);
      const original = await getDraft(t, secretariat, id);
      const { first, second, copy } = await roundTrip(original, 'consensus', format, 'source=chair_draft');
      if (format === 'docx') saveArtifact('round-trip-sample-consensus-2.docx', second);
      // The first document says which paragraphs it leaves out; the draft made from it holds only
      // approved paragraphs, so its consensus draft is complete and says so. The text is the same.
      const [before, after] = [await textOf(format, first), await textOf(format, second)];
      expect(before).toMatch(/\(\d+ of 130 paragraphs are not yet approved and are not in this text: /);
      expect(after).toMatch(/\(Approved by the Committee on Hemispheric Security on March 15, 2022\)\n\(All \d+ paragraphs of the draft are approved\.\)/);
      const body = (s: string) => s.slice(s.indexOf('THE GENERAL ASSEMBLY,')).split('\n');
      // A reference to a paragraph the consensus draft leaves out ("as set out in paragraph 1" when
      // paragraph 1 of its section is not approved) keeps its section's label, which a section's
      // labels cannot tell from this section's own paragraph once read back; every other line,
      // references included, must come back exactly.
      const [b, a] = [body(before), body(after)];
      expect(a).toHaveLength(b.length);
      let sectionFirst = 0;
      let heading = true;
      const dangling = b.map((l) => {
        const n = /^(\d+)\. /.exec(l)?.[1];
        if (n !== undefined && heading) sectionFirst = Number(n);
        if (l !== '' && n === undefined && !/^[a-z]\. |^\(/.test(l)) heading = true;
        else if (n !== undefined) heading = false;
        return [...l.matchAll(/paragraphs? (\d+)/g)].some((m) => Number(m[1]) < sectionFirst);
      });
      const masked = (l: string) => l.replace(/paragraphs? \d+/g, 'paragraph #');
      const differing = b.map((l, i) => [l, a[i]!, dangling[i]] as const).filter(([x, y]) => x !== y);
      expect(differing.filter(([x, y, d]) => !d || masked(x) !== masked(y))).toEqual([]);
      const approved = essence(original, (s) => s === 'approved');
      // The consensus draft prints agreed text only: brackets and sponsors are gone, paragraphs renumbered.
      expect(essence(copy).map((p) => [p.section, p.kind, p.status])).toEqual(approved.map((p) => [p.section, p.kind, 'approved']));
      expect(essence(copy).every((p) => p.sponsors.length === 0 && !p.compiled.includes('['))).toBe(true);
    });
  });
});
