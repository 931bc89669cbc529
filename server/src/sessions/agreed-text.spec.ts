import { applyAmendments, ApplicableAmendment } from './agreed-text';

const base = 'To convene the twenty-second regular session of CICTE in the first half of 2022.';
const at = (words: string) => base.indexOf(words);
const a = (over: Partial<ApplicableAmendment> & Pick<ApplicableAmendment, 'kind' | 'start' | 'end'>): ApplicableAmendment => ({
  id: Math.random().toString(36),
  text: '',
  alternativeGroup: null,
  ...over,
});

describe('the agreed text from accepted amendments', () => {
  it('writes insertions, deletions and replacements in, whatever order they come in', () => {
    const result = applyAmendments(base, [
      a({ kind: 'delete', start: at(' in the first half'), end: at(' of 2022') }),
      a({ kind: 'insert', start: at(' regular'), end: at(' regular'), text: ' and last' }),
      a({ kind: 'replace', start: at('2022'), end: at('2022') + 4, text: '2023' }),
    ]);
    expect(result).toEqual({ ok: true, text: 'To convene the twenty-second and last regular session of CICTE of 2023.' });
  });

  it('closes the double space an insertion that is not agreed leaves between its neighbours', () => {
    const text = 'To request that the SMS  provide legislative assistance.';
    const point = text.indexOf('  ') + 1;
    const insertion = a({ kind: 'insert', start: point, end: point, text: ', through the CICTE Secretariat,' });
    expect(applyAmendments(text, [], [insertion])).toEqual({ ok: true, text: 'To request that the SMS provide legislative assistance.' });
    // Taken up, the insertion keeps its spaces; and a double space no bracket stood in is not the decision's to change.
    expect(applyAmendments(text, [insertion])).toEqual({ ok: true, text: 'To request that the SMS , through the CICTE Secretariat, provide legislative assistance.' });
    expect(applyAmendments(text, [], [])).toEqual({ ok: true, text });
  });

  it('takes the one alternative chosen', () => {
    const start = at('in the first half of 2022');
    const result = applyAmendments(base, [a({ kind: 'alternative', start, end: start + 25, text: 'before the end of 2022', alternativeGroup: 'g' })]);
    expect(result).toEqual({ ok: true, text: 'To convene the twenty-second regular session of CICTE before the end of 2022.' });
  });

  it('refuses two accepted changes to the same words', () => {
    const start = at('first half');
    expect(applyAmendments(base, [a({ kind: 'delete', start, end: start + 10 }), a({ kind: 'replace', start: start + 6, end: start + 10, text: 'part' })]).ok).toBe(false);
    expect(
      applyAmendments(base, [
        a({ kind: 'alternative', start, end: start + 5, text: 'x', alternativeGroup: 'g' }),
        a({ kind: 'alternative', start, end: start + 5, text: 'y', alternativeGroup: 'g' }),
      ]).ok,
    ).toBe(false);
  });
});
