import type { DraftView, ParagraphView, SectionView } from './domain';
import { agreedText, buildConsensusModel } from './export-consensus';
import { buildCompilationModel } from './export-compilation';
import { parseBrackets } from './brackets';

let ids = 0;
function p(label: string, text: string, extra: Partial<ParagraphView> = {}): ParagraphView {
  return {
    id: `p${++ids}`,
    sectionId: 's',
    label,
    kind: 'substantive',
    state: 'consensus',
    status: 'approved',
    origin: 'chair',
    position: 0,
    text,
    sponsors: [],
    invited: [],
    amendments: [],
    compiled: text,
    version: 1,
    updatedAt: '2022-01-01T00:00:00.000Z',
    ...extra,
  };
}

function s(kind: SectionView['kind'], key: string, paragraphs: ParagraphView[], area?: string): SectionView {
  const section: SectionView = { id: `s-${key}`, kind, key, title: key === 'CICTE' ? 'Inter-American Committee against Terrorism' : `Topic ${key}`, position: 0, paragraphs };
  if (area) section.area = area;
  return section;
}

function draft(sections: SectionView[]): DraftView {
  return { id: 'd', committeeId: 'c', title: 'Advancing Hemispheric Security', symbol: 'CP/CSH/xxxx/22', createdAt: '', capsConfig: {} as DraftView['capsConfig'], sections, caps: [] };
}

describe('buildConsensusModel', () => {
  const sample = draft([
    s('preamble', 'preamble', [p('1', 'RECALLING resolution AG/RES. 2970,', { kind: 'preambular' }), p('2', 'NOTING the report,', { kind: 'preambular', status: 'pending' })]),
    s('topic', 'a', [p('1', 'To urge states.'), p('1 bis', 'To welcome paragraph 2 and paragraph 1 bis.', { origin: 'delegation', sponsors: ['MEX'], state: 'new' }), p('2', 'To note paragraphs 1 bis and 3.', { status: 'held' })], 'Area one'),
    s('entity', 'CICTE', [
      p('5', 'To call on experts.', { status: 'deleted' }),
      p('5 bis', 'To endorse the reports, as in paragraph 6.', { reservations: [{ delegation: 'US', text: 'The United States does not join.', createdAt: '' }, { delegation: 'MEX', text: 'Reserves.', createdAt: '' }] }),
      p('6', 'To instruct the SMS to:', { kind: 'mandates', literals: [{ label: 'a', text: 'convene [US: delete: promptly] a meeting [CAN: in 2022] per paragraph 5 bis;' }] }),
    ]),
  ]);
  const model = buildConsensusModel(sample, { date: '2022-03-15' });
  const all = model.sections.flatMap((x) => x.paragraphs);

  it('keeps approved paragraphs only, without sponsors or brackets', () => {
    expect(all.map((x) => x.label)).toEqual(['1', '1', '1 bis', '5 bis', '6']);
    expect(all.every((x) => x.sponsors.length === 0 && x.note === null)).toBe(true);
  });

  it('numbers operative paragraphs 1, 2, 3 … through the resolution and leaves the preamble unnumbered', () => {
    expect(all.map((x) => x.number)).toEqual([null, '1', '2', '3', '4']);
  });

  it('rewrites references within their own section, leaving references to unapproved paragraphs as written', () => {
    expect(all[2]!.segments).toEqual([{ type: 'text', text: 'To welcome paragraph 2 and paragraph 2.' }]);
    expect(all[3]!.segments).toEqual([{ type: 'text', text: 'To endorse the reports, as in paragraph 4.' }]);
    expect(all[4]!.literals).toEqual([{ label: 'a', segments: [{ type: 'text', text: 'convene promptly a meeting per paragraph 3;' }] }]);
  });

  it('turns reservations into footnotes numbered through the document, naming the state', () => {
    expect(all[3]!.footnotes).toEqual([
      { number: 2, text: 'The United States does not join.' },
      { number: 3, text: 'Mexico: Reserves.' },
    ]);
  });

  it('names the view and date in its subtitle and groups topics by area', () => {
    expect(model.subtitle).toBe('(Consensus draft, March 15, 2022)');
    expect(model.sections.map((x) => [x.heading, x.area])).toEqual([
      [null, null],
      ['Topic a', 'Area one'],
      ['Inter-American Committee against Terrorism (CICTE)', null],
    ]);
  });

  it('keeps only what was agreed of a text with brackets', () => {
    const parsed = parseBrackets('To [BRA: replace “convene” with “hold”] a [CAN: special ]session [US: delete: in 2022] [Alt 1 (MEX): soon] now.');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(agreedText(parsed.segments)).toBe('To convene a session in 2022 now.');
  });
});

describe('buildCompilationModel', () => {
  it('prints every paragraph with its label, brackets, sponsors and a note of state and status', () => {
    const model = buildCompilationModel(
      draft([
        s('topic', 'a', [
          p('1', 'To convene the session.', {
            status: 'pending',
            state: 'amended',
            amendments: [{ id: 'a1', paragraphId: 'x', kind: 'insert', start: 10, end: 10, text: 'special ', alternativeGroup: null, alternativeNumber: null, sponsors: ['CAN'], invited: [], status: 'proposed', createdAt: '' }],
          }),
          p('1 bis', 'To endorse.', { origin: 'delegation', sponsors: ['CH', 'MEX', 'US'], state: 'new', status: 'held' }),
          p('2', 'Gone.', { status: 'withdrawn' }),
        ]),
      ]),
      { date: '2022-03-15' },
    );
    const [one, bis, two] = model.sections[0]!.paragraphs;
    expect(one!.segments).toEqual([{ type: 'text', text: 'To convene' }, { type: 'insert', sponsors: ['CAN'], text: 'special ' }, { type: 'text', text: ' the session.' }]);
    expect(one!.note).toBe('(amended; pending)');
    expect(bis!.segments).toEqual([{ type: 'insert', sponsors: ['CH', 'MEX', 'US'], text: 'To endorse.' }]);
    expect(bis!.note).toBe('(new; held in brackets)');
    expect([two!.number, two!.note]).toEqual(['2', '(consensus; withdrawn)']);
    expect(model.subtitle).toBe('(Compilation text, March 15, 2022)');
  });
});
