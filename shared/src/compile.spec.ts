import { parseBrackets } from './brackets';
import { CompilableAmendment, compileParagraph, compileSegments } from './compile';

const base = 'To convene the twenty-second regular session of CICTE in the first half of 2022.';
const at = (words: string) => base.indexOf(words);
const amendment = (a: Partial<CompilableAmendment> & Pick<CompilableAmendment, 'kind' | 'start' | 'end'>): CompilableAmendment => ({
  text: '',
  sponsors: ['US'],
  alternativeGroup: null,
  alternativeNumber: null,
  ...a,
});

describe('compileParagraph', () => {
  it('returns the text unchanged without amendments', () => {
    expect(compileParagraph({ text: base, sponsors: [], amendments: [] })).toBe(base);
  });

  it('brackets a whole new paragraph in its sponsors’ names', () => {
    expect(compileParagraph({ text: 'To endorse the reports.', sponsors: ['CH', 'MEX', 'US'], amendments: [] })).toBe(
      '[CH, MEX and US: To endorse the reports.]',
    );
  });

  it('nests other delegations’ amendments inside a new paragraph’s bracket, and reads back', () => {
    const text = 'To endorse the consensus reports.';
    const compiled = compileParagraph({
      text,
      sponsors: ['CH', 'MEX', 'US'],
      amendments: [amendment({ kind: 'insert', start: 15, end: 15, text: '2021 ', sponsors: ['CAN'] })],
    });
    expect(compiled).toBe('[CH, MEX and US: To endorse the [CAN: 2021 ]consensus reports.]');
    const parsed = parseBrackets(compiled);
    expect(parsed.ok && parsed.segments[0]?.type === 'insert' && parsed.segments[0].text).toBe(text);
  });

  it('writes deletions, insertions and replacements where they apply, in order', () => {
    const s = at('in the first half of 2022');
    const out = compileParagraph({
      text: base,
      sponsors: [],
      amendments: [
        amendment({ kind: 'delete', start: s, end: s + 'in the first half of 2022'.length }),
        amendment({ kind: 'insert', start: at('regular'), end: at('regular'), text: 'special and ', sponsors: ['CAN'] }),
        amendment({ kind: 'replace', start: at('convene'), end: at('convene') + 7, text: 'hold', sponsors: ['BRA', 'MEX'] }),
      ],
    });
    expect(out).toBe(
      'To [BRA and MEX: replace “convene” with “hold”] the twenty-second [CAN: special and ]regular session of CICTE [US: delete: in the first half of 2022].',
    );
    expect(parseBrackets(out).ok).toBe(true);
  });

  it('groups alternatives after the words they compete with', () => {
    const s = at('in the first half of 2022');
    const e = s + 'in the first half of 2022'.length;
    const segments = compileSegments({
      text: base,
      sponsors: [],
      amendments: [
        amendment({ kind: 'alternative', start: s, end: e, text: 'in 2023', sponsors: ['MEX'], alternativeGroup: 'g', alternativeNumber: 2 }),
        amendment({ kind: 'alternative', start: s, end: e, text: 'before the end of 2022', sponsors: ['BRA'], alternativeGroup: 'g', alternativeNumber: 1 }),
      ],
    });
    expect(segments.at(-2)).toEqual({
      type: 'alternatives',
      options: [
        { number: 1, sponsors: ['BRA'], text: 'before the end of 2022' },
        { number: 2, sponsors: ['MEX'], text: 'in 2023' },
      ],
    });
    expect(compileParagraph({ text: base, sponsors: [], amendments: [] })).toBe(base);
  });

  it('never hides an overlapping proposal: it is written with the words it names', () => {
    const out = compileParagraph({
      text: base,
      sponsors: [],
      amendments: [
        amendment({ kind: 'delete', start: at('twenty-second'), end: at('CICTE') + 5 }),
        amendment({ kind: 'replace', start: at('regular'), end: at('regular') + 7, text: 'special', sponsors: ['CAN'] }),
      ],
    });
    expect(out).toContain('[US: delete: twenty-second regular session of CICTE]');
    expect(out).toContain('[CAN: replace “regular” with “special”]');
    expect(out.match(/twenty-second/g)).toHaveLength(1);
  });
});
