import { importText } from './import-text';
import { compilationNumbers, rewriteSegments, sectionLocalNumbers } from './resolution-numbering';

describe('numbering straight through the resolution', () => {
  const sections = [
    { id: 'pre', kind: 'preamble', paragraphs: [{ label: '1' }, { label: '2' }] },
    { id: 'a', kind: 'topic', paragraphs: [{ label: '1' }, { label: '2' }, { label: '2 bis' }, { label: '3' }] },
    { id: 'b', kind: 'entity', paragraphs: [{ label: '1' }, { label: '1 bis' }, { label: '5 bis A' }, { label: '5' }] },
    { id: 'c', kind: 'general', paragraphs: [{ label: '1' }] },
  ];

  it('prints each section after the numbers of the sections before it, suffixes kept, preamble unnumbered', () => {
    const n = compilationNumbers(sections);
    expect([...n.get('pre')!.values()]).toEqual([]);
    expect([...n.get('a')!.values()]).toEqual(['1', '2', '2 bis', '3']);
    expect([...n.get('b')!.values()]).toEqual(['4', '4 bis', '8 bis A', '8']);
    expect([...n.get('c')!.values()]).toEqual(['9']);
  });

  it("reads a text numbered straight through back into each section's labels, with its own references", () => {
    const text = ['Topic', '1. One.', '2. Two, as in paragraph 1.', 'Entity', '3. Three.', '3 bis. [CH: New, after paragraph 3 and paragraph 1 of the Declaration of Panama.]', '4. Four, see paragraphs 3 bis and 4 of this resolution.'].join('\n');
    const back = importText(text);
    expect(back.sections.map((s) => s.paragraphs.map((p) => p.label))).toEqual([['1', '2'], ['1', '1 bis', '2']]);
    expect(back.sections[1]!.paragraphs.map((p) => p.text)).toEqual([
      'Three.',
      'New, after paragraph 1 and paragraph 1 of the Declaration of Panama.',
      'Four, see paragraphs 1 bis and 2 of this resolution.',
    ]);
  });

  it("leaves an entity's proposal (each section from 1) and a text out of order as written", () => {
    const proposal = importText(['A', '1. One.', 'B', '1. One.', '2. Two.'].join('\n'));
    expect(sectionLocalNumbers(proposal).sections.map((s) => s.paragraphs.map((p) => p.label))).toEqual([['1'], ['1', '2']]);
    const gap = importText(['A', '1. One.', 'B', '5. Five.'].join('\n'));
    expect(gap.sections.map((s) => s.paragraphs.map((p) => p.label))).toEqual([['1'], ['5']]);
  });
});

describe('rewriteSegments', () => {
  it("renumbers references inside a new paragraph's nested proposals as in its own words", () => {
    const map = new Map([['5 bis', '6']]);
    const [out] = rewriteSegments(
      [
        {
          type: 'insert',
          sponsors: ['CH'],
          text: 'As in paragraph 5 bis.',
          nested: [
            { type: 'text', text: 'As in paragraph 5 bis' },
            { type: 'insert', sponsors: ['CAN'], text: ' and paragraph 5 bis' },
            { type: 'text', text: '.' },
          ],
        },
      ],
      map,
    );
    expect(out).toEqual({
      type: 'insert',
      sponsors: ['CH'],
      text: 'As in paragraph 6.',
      nested: [
        { type: 'text', text: 'As in paragraph 6' },
        { type: 'insert', sponsors: ['CAN'], text: ' and paragraph 6' },
        { type: 'text', text: '.' },
      ],
    });
  });
});
