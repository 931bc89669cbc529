import { Segment, parseBrackets, printBrackets } from '@omnibus/shared';
import { printedText, segmentParts } from './bracket-parts';

const compilation = { view: 'compilation' as const };

function segments(s: string): Segment[] {
  const parsed = parseBrackets(s);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.segments;
}

describe('segmentParts', () => {
  it.each([
    '5 bis. [CH, MEX and US: To endorse the reports.]',
    'CICTE [US: delete] in 2022 and [CAN: replace “a \\” b” with “c”]',
    '[Alt 1 (BRA): x] [Alt 2 (MEX): y]\\ [Alt 1 (US): z] and \\[literal\\] brackets \\\\ too',
    '[US: \\delete] the word delete',
    '5 bis. [CH, MEX and US: To endorse the [CAN: biennial ]consensus [US: delete: reports]]',
    '[CH: \\delete the [CAN: old] words]',
  ])('prints %s exactly as printBrackets does', (text) => {
    const parsed = segments(text);
    expect(printedText(compilation, parsed)).toBe(printBrackets(parsed));
  });

  it('marks the sponsors of each bracket, and only them', () => {
    const parts = segmentParts(compilation, segments('To [CH and MEX: endorse] it [Alt 1 (BRA): now] [Alt 2 (US): later]'));
    expect(parts.filter((p) => p.sponsors).map((p) => p.text)).toEqual(['CH and MEX', 'BRA', 'US']);
  });

  it("marks the sponsors of brackets nested in a new paragraph's bracket", () => {
    const parts = segmentParts(compilation, segments('[CH and MEX: To [CAN: \\delete] it [Alt 1 (BRA): now]]'));
    expect(parts.filter((p) => p.sponsors).map((p) => p.text)).toEqual(['CH and MEX', 'CAN', 'BRA']);
    expect(parts.map((p) => p.text).join('')).toBe('[CH and MEX: To [CAN: \\delete] it [Alt 1 (BRA): now]]');
  });

  it('prints the consensus draft’s words without escapes', () => {
    expect(printedText({ view: 'consensus' }, [{ type: 'text', text: 'A [sic] text' }])).toBe('A [sic] text');
  });
});

describe('display runs', () => {
  it("show other delegations' proposals inside a new paragraph's bracket, with every sponsor marked", () => {
    const nested = segments('[CH, MEX and US: To endorse the [CAN: biennial ]consensus [Alt 1 (BRA): reviews]]');
    expect(printedText(compilation, nested, 'display')).toBe('[CH, MEX and US: To endorse the [CAN: biennial ]consensus [Alt 1 (BRA): reviews]]');
    expect(segmentParts(compilation, nested, 'display').filter((p) => p.sponsors).map((p) => p.text)).toEqual(['CH, MEX and US', 'CAN', 'BRA']);
  });

  it('show literal brackets and keywords without the notation’s escapes', () => {
    expect(printedText(compilation, segments('A \\[sic\\] [US: \\delete] and [CAN: delete: x]'), 'display')).toBe('A [sic] [US: delete] and [CAN: delete: x]');
  });
});
