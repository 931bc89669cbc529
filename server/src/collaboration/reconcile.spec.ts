import { BracketInput, COLLAB_DOC, PARAGRAPH_FIELDS, projectDelta } from '@omnibus/shared';
import { addParagraph } from './doc-builder';
import { ancestorOf, ParagraphSource } from './paragraph-source';
import { reconcileParagraph, type MergeFailure } from './reconcile';
import { deltaNow } from './text-runs';
import { Y, type YMap, type YText } from './yjs';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const ins = (id: string, start: number, text: string, sponsors = ['MEX']): BracketInput => ({ id, kind: 'insert', start, end: start, text, sponsors, alternativeGroup: null, alternativeNumber: null });

function source(text: string, open: BracketInput[], extra: Partial<ParagraphSource> = {}): ParagraphSource {
  return {
    id: 'p1',
    sectionId: 's1',
    label: '7',
    kind: 'substantive',
    status: 'pending',
    origin: 'chair',
    text,
    literals: null,
    sponsors: [],
    open,
    statuses: new Map(open.map((a) => [a.id, 'proposed'])),
    ...extra,
  };
}

function setup(src: ParagraphSource) {
  const doc = new Y.Doc();
  const paragraphs = doc.getMap<unknown>(COLLAB_DOC.paragraphs);
  doc.transact(() => addParagraph(paragraphs, src));
  const text = () => (paragraphs.get('p1') as YMap<unknown>).get(PARAGRAPH_FIELDS.text) as YText;
  const view = () => {
    const p = projectDelta(deltaNow(text()));
    if (!p.ok) throw new Error(p.problem);
    return p;
  };
  return { doc, paragraphs, text, view };
}

describe('reconcileParagraph (the API’s changes merged into the live text)', () => {
  const base = 'To convene the session of CICTE in 2022.';

  it('keeps live typing in the base text while adding an amendment proposed through the API', () => {
    const first = source(base, []);
    const { doc, paragraphs, text, view } = setup(first);
    text().insert(0, 'Also, '); // live, not yet projected
    const next = source(base, [ins(A, 15, 'twenty-second ')]);
    doc.transact(() => reconcileParagraph(paragraphs, next, ancestorOf(first.text, first.open)));
    expect(view().base).toBe(`Also, ${base}`);
    expect(view().brackets).toEqual([expect.objectContaining({ id: A, start: 21, text: 'twenty-second ', sponsors: ['MEX'] })]);
  });

  it('removes a withdrawn bracket and keeps a live one the database does not know yet', () => {
    const first = source(base, [ins(A, 3, 'kindly ')]);
    const { doc, paragraphs, text, view } = setup(first);
    text().insert(10, 'live ', { bracket: { id: B, kind: 'insert', sponsors: 'US' } });
    const next = source(base, [], { statuses: new Map([[A, 'withdrawn']]) });
    doc.transact(() => reconcileParagraph(paragraphs, next, ancestorOf(first.text, first.open)));
    expect(view().base).toBe(base);
    expect(view().brackets.map((b) => b.id)).toEqual([B]);
  });

  it('re-attributes a bracket whose co-sponsor accepted, and merges a text changed through the API with live typing', () => {
    const first = source(base, [ins(A, 3, 'kindly ')]);
    const { doc, paragraphs, text, view } = setup(first);
    text().insert(3 + 7, 'and'); // live: "kindly and"
    const next = source(base, [{ ...ins(A, 3, 'very kindly '), sponsors: ['MEX', 'US'] }]);
    doc.transact(() => reconcileParagraph(paragraphs, next, ancestorOf(first.text, first.open)));
    expect(view().brackets).toEqual([expect.objectContaining({ id: A, text: 'very kindly and', sponsors: ['MEX', 'US'] })]);
  });

  it('applies a base text changed through the API around a bracket, and bumps the revision', () => {
    const first = source(base, [ins(A, 3, 'kindly ')]);
    const { doc, paragraphs, view } = setup(first);
    const changed = base.replace('2022', '2023');
    doc.transact(() => reconcileParagraph(paragraphs, source(changed, [ins(A, 3, 'kindly ')]), ancestorOf(first.text, first.open)));
    expect(view().base).toBe(changed);
    expect(view().brackets[0]).toMatchObject({ id: A, start: 3 });
    expect((paragraphs.get('p1') as YMap<unknown>).get(PARAGRAPH_FIELDS.rev)).toBe(1);
  });

  it('changes nothing when the document already says what the database says', () => {
    const first = source(base, [ins(A, 3, 'kindly ')]);
    const { doc, paragraphs } = setup(first);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.transact(() => expect(reconcileParagraph(paragraphs, first, ancestorOf(first.text, first.open))).toBe(false));
    expect(updates).toHaveLength(0);
  });

  it('tells the caller which paragraph and amendment an API change could not be merged into', () => {
    const first = source(base, [ins(A, 3, 'kindly ')]);
    const { doc, paragraphs, text, view } = setup(first);
    // Live: the base text and the bracket's text both rewritten beyond recognition.
    const live = view();
    text().delete(live.brackets[0]!.end + 7, base.length - 3);
    text().insert(live.brackets[0]!.end + 7, 'nothing of the kind remains here at all');
    text().delete(3, 7);
    text().insert(3, 'warmly and at once ', { bracket: { id: A, kind: 'insert', sponsors: 'MEX' } });
    const failures: MergeFailure[] = [];
    const next = source(base.replace('session of CICTE', 'regular session of the Committee'), [ins(A, 3, 'kindly please ')]);
    doc.transact(() => reconcileParagraph(paragraphs, next, ancestorOf(first.text, first.open), (f) => failures.push(f)));
    expect(failures).toEqual(expect.arrayContaining([expect.objectContaining({ paragraphId: 'p1', amendmentId: null, failedPatches: expect.any(Number) })]));
    expect(failures.every((f) => f.failedPatches >= 1 && f.failedPatches <= f.patches)).toBe(true);
  });

  it('reports no merge failure when the API change merges cleanly', () => {
    const first = source(base, [ins(A, 3, 'kindly ')]);
    const { doc, paragraphs } = setup(first);
    const failures: MergeFailure[] = [];
    doc.transact(() => reconcileParagraph(paragraphs, source(base.replace('2022', '2023'), [ins(A, 3, 'kindly ')]), ancestorOf(first.text, first.open), (f) => failures.push(f)));
    expect(failures).toEqual([]);
  });
});
