import type { DraftView, ParagraphView, SectionView } from '@omnibus/shared';
import { buildQueue, tallyOf } from './queue';

const p = (id: string, state: ParagraphView['state'], status: ParagraphView['status'] = 'pending'): ParagraphView =>
  ({ id, state, status, label: id, kind: 'substantive' }) as ParagraphView;
const s = (key: string, paragraphs: ParagraphView[]): SectionView => ({ id: key, key, kind: 'entity', title: key, position: 0, paragraphs });
const draft = (sections: SectionView[]): DraftView => ({ sections }) as DraftView;

describe('the approval queue', () => {
  it('puts consensus paragraphs first, then amended, then new, each in document order', () => {
    const q = buildQueue(
      draft([
        s('terrorism-convention', [p('t1', 'amended'), p('t2', 'consensus')]),
        s('CICTE', [p('c1', 'consensus'), p('c5bis', 'new'), p('c7', 'amended'), p('c8', 'consensus')]),
      ]),
      new Set(),
    );
    expect(q.map((x) => [x.paragraphId, x.group])).toEqual([
      ['t2', 'consensus'],
      ['c1', 'consensus'],
      ['c8', 'consensus'],
      ['t1', 'amended'],
      ['c7', 'amended'],
      ['c5bis', 'new'],
    ]);
  });

  it('brings back held and deferred paragraphs, and leaves out decided or excluded ones', () => {
    const q = buildQueue(
      draft([s('S', [p('a', 'consensus', 'approved'), p('b', 'new', 'held'), p('c', 'amended', 'deferred'), p('d', 'consensus', 'deleted'), p('e', 'consensus')])]),
      new Set(['e']),
    );
    expect(q).toEqual([
      { paragraphId: 'c', group: 'amended', returning: true },
      { paragraphId: 'b', group: 'new', returning: true },
    ]);
  });

  it('tallies approvals over the paragraphs in play', () => {
    expect(tallyOf(['approved', 'approved', 'pending', 'held', 'deferred', 'deleted', 'withdrawn'])).toEqual({
      approved: 2,
      total: 5,
      held: 1,
      deferred: 1,
      pending: 1,
      deleted: 2,
      text: '2 of 5 approved',
    });
  });
});
