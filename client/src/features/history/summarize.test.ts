import { describe, expect, it } from 'vitest';
import { summarize } from './summarize';

describe('what a history row changed', () => {
  it('names only the fields that differ', () => {
    expect(summarize({ text: 'To urge', status: 'pending', label: '7' }, { text: 'To urge strongly', status: 'pending', label: '7' })).toEqual([
      { field: 'text', before: 'To urge', after: 'To urge strongly' },
    ]);
  });

  it('tells a creation and a decision by what they set', () => {
    expect(summarize(null, { text: 'New.', sponsors: ['MEX', 'CAN'] })).toEqual([
      { field: 'text', before: null, after: 'New.' },
      { field: 'sponsors', before: null, after: 'MEX, CAN' },
    ]);
    expect(summarize({ status: 'pending' }, { status: 'held', leadDelegation: 'BRA' })).toEqual([
      { field: 'status', before: 'pending', after: 'held' },
      { field: 'leadDelegation', before: null, after: 'BRA' },
    ]);
    // A decision row carries the text before and the outcome after: nothing was removed.
    expect(summarize({ text: 'To urge', status: 'pending' }, { decision: 'approved', label: '1' })).toEqual([{ field: 'decision', before: null, after: 'approved' }]);
  });

  it('never reports a field the row merely does not repeat', () => {
    expect(summarize({ status: 'pending', label: '3' }, { label: '3 bis' })).toEqual([{ field: 'label', before: '3', after: '3 bis' }]);
  });

  it('says nothing of a row with nothing readable', () => {
    expect(summarize({ x: 1 }, { x: 2 })).toEqual([]);
  });
});
