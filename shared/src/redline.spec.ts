import { diffWords, redlineDrafts, RedlineParagraph, RedlineSnapshot } from './redline';
import type { WordDiff } from './redline-types';

const from = { id: 'v1', name: "Chair's first draft", symbol: 'CP/CSH/xxxx/22' };
const to = { id: 'v2', name: 'rev. 1', symbol: 'CP/CSH/xxxx/22 rev. 1' };

const para = (id: string, label: string, compiled: string, extra: Partial<RedlineParagraph> = {}): RedlineParagraph => ({
  id,
  label,
  compiled,
  ...extra,
});

const snapshot = (...sections: [string, RedlineParagraph[]][]): RedlineSnapshot => ({
  sections: sections.map(([key, paragraphs]) => ({ key, paragraphs })),
});

const text = (diffs: WordDiff[], op: WordDiff['op']): string =>
  diffs
    .filter((d) => d.op === op || d.op === 'equal')
    .map((d) => d.text)
    .join('');

describe('diffWords', () => {
  it('reports whole words, never pieces of them', () => {
    const diffs = diffWords('To convene the meeting in 2022.', 'To convene the meetings in 2023.');
    expect(diffs).toEqual([
      { op: 'equal', text: 'To convene the ' },
      { op: 'delete', text: 'meeting' },
      { op: 'insert', text: 'meetings' },
      { op: 'equal', text: ' in ' },
      { op: 'delete', text: '2022' },
      { op: 'insert', text: '2023' },
      { op: 'equal', text: '.' },
    ]);
  });

  it('rebuilds both texts exactly', () => {
    const a = 'To request that the SMS, through the CICTE Secretariat, provide legislative and technical assistance.';
    const b = 'To request that the SMS [CAN: , through the CICTE Secretariat,] provide legislative assistance and training.';
    const diffs = diffWords(a, b);
    expect(text(diffs, 'delete')).toBe(a);
    expect(text(diffs, 'insert')).toBe(b);
  });

  it('shows a bracket added around existing words as an insertion of the bracket and its sponsors', () => {
    const diffs = diffWords(
      'To convene the twenty-second regular session of CICTE in the first half of 2022',
      'To convene the twenty-second regular session of CICTE [US: delete] in the first half of 2022',
    );
    const changes = diffs.filter((d) => d.op !== 'equal');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ op: 'insert' });
    expect(changes[0]!.text.trim()).toBe('[US: delete]');
  });

  it('merges a scatter of small equalities into one readable change (semantic cleanup)', () => {
    const diffs = diffWords('alpha beta gamma and delta epsilon zeta', 'eta theta iota and kappa lambda mu');
    // Literally this is two replacements around a shared " and "; a reader sees one replacement.
    expect(diffs.filter((d) => d.op === 'delete')).toHaveLength(1);
    expect(diffs.filter((d) => d.op === 'insert')).toHaveLength(1);
  });

  it('keeps accented words and apostrophes whole', () => {
    const diffs = diffWords('Chair’s draft on the Inter-American Day', 'Chair’s revised draft on the Inter-Américan Day');
    expect(diffs.filter((d) => d.op === 'insert').map((d) => d.text.trim())).toContain('revised');
    expect(diffs.some((d) => d.text === 'Am' || d.text === 'é')).toBe(false);
  });

  it('handles empty texts on either side', () => {
    expect(diffWords('', 'New text')).toEqual([{ op: 'insert', text: 'New text' }]);
    expect(diffWords('Old text', '')).toEqual([{ op: 'delete', text: 'Old text' }]);
    expect(diffWords('', '')).toEqual([]);
  });
});

describe('redlineDrafts', () => {
  const one = para('p1', '1', 'To reiterate its strong condemnation of terrorism.');
  const two = para('p2', '2', 'To reaffirm its commitment to the work of CICTE.');
  const three = para('p3', '3', 'To urge member states to continue implementing the measures.');

  it('classifies unchanged, modified, added and deleted paragraphs and counts them', () => {
    const r = redlineDrafts(
      from,
      snapshot(['CICTE', [one, two, three]]),
      to,
      snapshot(['CICTE', [one, para('p2', '2', 'To reaffirm its firm commitment to the work of CICTE.'), para('p9', '2 bis', '[MEX: To welcome the report.]')]]),
    );
    expect(r.from).toEqual(from);
    expect(r.to).toEqual(to);
    expect(r.paragraphs.map((p) => [p.paragraphId, p.change])).toEqual([
      ['p1', 'unchanged'],
      ['p2', 'modified'],
      ['p3', 'deleted'],
      ['p9', 'added'],
    ]);
    expect(r.summary).toEqual({ unchanged: 1, modified: 1, added: 1, deleted: 1, moved: 0 });
    expect(r.paragraphs[1]!.diff.filter((d) => d.op !== 'equal').map((d) => [d.op, d.text.trim()])).toEqual([['insert', 'firm']]);
    expect(r.paragraphs[3]).toMatchObject({ labelBefore: null, labelAfter: '2 bis', sectionKeyBefore: null, sectionKeyAfter: 'CICTE' });
    expect(r.paragraphs[2]).toMatchObject({ labelBefore: '3', labelAfter: null, diff: [{ op: 'delete', text: three.compiled }] });
  });

  it('places a deleted paragraph where it stood, after its surviving predecessor', () => {
    const r = redlineDrafts(from, snapshot(['CICTE', [one, two, three]]), to, snapshot(['CICTE', [one, three]]));
    expect(r.paragraphs.map((p) => p.paragraphId)).toEqual(['p1', 'p2', 'p3']);
    const first = redlineDrafts(from, snapshot(['CICTE', [one, two]]), to, snapshot(['CICTE', [two]]));
    expect(first.paragraphs.map((p) => [p.paragraphId, p.change])).toEqual([
      ['p1', 'deleted'],
      ['p2', 'unchanged'],
    ]);
  });

  it('recognises a paragraph moved to another section by its id, with its word changes', () => {
    const r = redlineDrafts(
      from,
      snapshot(['CICTE', [one, two]], ['terrorism-convention', []]),
      to,
      snapshot(['CICTE', [one]], ['terrorism-convention', [para('p2', '1', 'To reaffirm its commitment to the work of the CICTE.')]]),
    );
    const moved = r.paragraphs.find((p) => p.paragraphId === 'p2')!;
    expect(moved).toMatchObject({ change: 'moved', sectionKeyBefore: 'CICTE', sectionKeyAfter: 'terrorism-convention', labelBefore: '2', labelAfter: '1' });
    expect(moved.diff.filter((d) => d.op !== 'equal').map((d) => [d.op, d.text.trim()])).toEqual([['insert', 'the']]);
    expect(r.summary.moved).toBe(1);
  });

  it('marks only the paragraph whose place changed, not every paragraph it passed', () => {
    const four = para('p4', '4', 'Four.');
    const r = redlineDrafts(from, snapshot(['S', [one, two, three, four]]), to, snapshot(['S', [two, three, four, one]]));
    expect(r.paragraphs.map((p) => [p.paragraphId, p.change])).toEqual([
      ['p2', 'unchanged'],
      ['p3', 'unchanged'],
      ['p4', 'unchanged'],
      ['p1', 'moved'],
    ]);
  });

  it('treats deleted or withdrawn paragraphs as absent from their side', () => {
    const r = redlineDrafts(
      from,
      snapshot(['S', [one, { ...two, status: 'pending' }]]),
      to,
      snapshot(['S', [one, { ...two, status: 'deleted' }, { ...three, status: 'withdrawn' }]]),
    );
    expect(r.paragraphs.map((p) => [p.paragraphId, p.change])).toEqual([
      ['p1', 'unchanged'],
      ['p2', 'deleted'],
    ]);
  });

  it('compares a mandates paragraph’s literals too', () => {
    const chapeau = 'To instruct the General Secretariat, through the SMS, to:';
    const r = redlineDrafts(
      from,
      snapshot(['S', [para('m', '8', chapeau, { literals: [{ label: 'a', text: 'Convene a meeting.' }] })]]),
      to,
      snapshot(['S', [para('m', '8', chapeau, { literals: [{ label: 'a', text: 'Convene a joint meeting.' }] })]]),
    );
    expect(r.paragraphs[0]!.change).toBe('modified');
    expect(r.paragraphs[0]!.diff.filter((d) => d.op !== 'equal').map((d) => [d.op, d.text.trim()])).toEqual([['insert', 'joint']]);
  });
});
