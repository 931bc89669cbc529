import { merge3 } from './text-edits';

describe('merge3 (an API change merged into the live text)', () => {
  const ancestor = 'To convene the session of CICTE in Washington in 2022.';

  it('merges an API change with live typing elsewhere, every patch placed', () => {
    const theirs = ancestor.replace('2022', '2023');
    const mine = `Also, ${ancestor}`;
    expect(merge3(ancestor, theirs, mine)).toEqual({ text: `Also, ${theirs}`, patches: 1, failedPatches: 0 });
  });

  it('takes either side whole when the other did not change, with nothing to patch', () => {
    expect(merge3(ancestor, 'API text.', ancestor)).toEqual({ text: 'API text.', patches: 0, failedPatches: 0 });
    expect(merge3(ancestor, ancestor, 'Live text.')).toEqual({ text: 'Live text.', patches: 0, failedPatches: 0 });
  });

  it('says how many patches found no place when the live text around them was rewritten', () => {
    const theirs = ancestor.replace('Washington', 'Ottawa');
    const mine = 'Delegations agree on nothing whatsoever about venues here.';
    const result = merge3(ancestor, theirs, mine);
    expect(result.patches).toBe(1);
    expect(result.failedPatches).toBe(1);
    // The live text is kept as it was: the part of the API change that found no place is not in it.
    expect(result.text).toBe(mine);
  });
});
