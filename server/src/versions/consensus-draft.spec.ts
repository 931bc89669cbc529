import type { DraftView, ParagraphView, SectionView } from '@omnibus/shared';
import { buildConsensusDraft } from './consensus-draft';

const p = (id: string, label: string, status: ParagraphView['status'], text: string, extra: Partial<ParagraphView> = {}): ParagraphView => ({
  id,
  sectionId: 's',
  label,
  kind: 'substantive',
  state: 'consensus',
  status,
  origin: 'chair',
  position: 0,
  text,
  sponsors: [],
  invited: [],
  amendments: [],
  compiled: text,
  version: 1,
  updatedAt: '2022-09-01T00:00:00Z',
  ...extra,
});

const section = (key: string, kind: SectionView['kind'], paragraphs: ParagraphView[]): SectionView => ({
  id: key,
  kind,
  key,
  title: key,
  position: 0,
  paragraphs,
});

const draft = (sections: SectionView[]): DraftView => ({
  id: 'd',
  committeeId: 'c',
  title: 'Advancing Hemispheric Security',
  symbol: 'CP/CSH/xxxx/22 rev. 1',
  createdAt: '2022-07-14T00:00:00Z',
  capsConfig: {} as DraftView['capsConfig'],
  caps: [],
  sections,
});

describe('the consensus draft', () => {
  const result = buildConsensusDraft(
    draft([
      section('preamble', 'preamble', [p('pre', '1', 'approved', 'RECALLING its resolutions;')]),
      section('terrorism-convention', 'topic', [p('t1', '1', 'approved', 'To invite member states to ratify.'), p('t2', '2', 'held', 'To convene.')]),
      section('CICTE', 'entity', [
        p('c1', '1', 'approved', 'To reiterate its condemnation.'),
        p('c5', '5', 'deleted', 'Gone.'),
        p('c5b', '5 bis', 'approved', 'To endorse the reports, as set out in paragraph 6.', {
          origin: 'delegation',
          reservations: [{ delegation: 'BRA', text: 'Brazil does not endorse the GGE report.', createdAt: '2022-09-15T00:00:00Z' }],
        }),
        p('c6', '6', 'approved', 'To convene the meeting referred to in paragraph 5 bis.', {
          kind: 'mandates',
          literals: [{ label: 'a', text: 'Report on paragraphs 1 and 5 bis.' }],
        }),
      ]),
    ]),
  );

  it('keeps approved paragraphs only, and counts those still open', () => {
    expect(result.sections.map((s) => [s.key, s.paragraphs.map((x) => x.id)])).toEqual([
      ['preamble', ['pre']],
      ['terrorism-convention', ['t1']],
      ['CICTE', ['c1', 'c5b', 'c6']],
    ]);
    expect(result.outstanding).toBe(1);
  });

  it('numbers operative paragraphs through the resolution and leaves the preamble unnumbered', () => {
    expect(result.sections.flatMap((s) => s.paragraphs.map((x) => [x.negotiationLabel, x.number]))).toEqual([
      ['1', null],
      ['1', '1'],
      ['1', '2'],
      ['5 bis', '3'],
      ['6', '4'],
    ]);
  });

  it('rewrites cross-references within the section, in literals too', () => {
    const cicte = result.sections[2]!.paragraphs;
    expect(cicte[1]!.text).toBe('To endorse the reports, as set out in paragraph 4.');
    expect(cicte[2]!.text).toBe('To convene the meeting referred to in paragraph 3.');
    expect(cicte[2]!.literals).toEqual([{ label: 'a', text: 'Report on paragraphs 2 and 3.' }]);
  });

  it('turns reservations into numbered footnotes in the delegation’s name', () => {
    expect(result.footnotes).toEqual([{ number: 1, paragraphId: 'c5b', delegation: 'BRA', text: 'Brazil does not endorse the GGE report.' }]);
    expect(result.sections[2]!.paragraphs[1]!.footnotes).toEqual([1]);
  });
});
