import type * as YjsModule from 'yjs' with { 'resolution-mode': 'import' };
import {
  BRACKET_ATTRIBUTE,
  BracketInput,
  deltaFromBrackets,
  markAttributes,
  markKey,
  projectDelta,
  proposedAttributes,
  TextDeltaOp,
} from './collab-model';
import { compileParagraph } from './compile';

// Yjs's types are declared as an ES module; its CommonJS build is what Jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Y = require('yjs') as typeof YjsModule;

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const G = '44444444-4444-4444-8444-444444444444';

const base = 'To convene the twenty-second regular session of CICTE in the first half of 2022.';

function viaYjs(delta: TextDeltaOp[]): TextDeltaOp[] {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.applyDelta(delta);
  return text.toDelta() as TextDeltaOp[];
}

describe('the Y.Text model of a paragraph', () => {
  const brackets: BracketInput[] = [
    { id: A, kind: 'insert', start: 15, end: 15, text: 'annual ', sponsors: ['CAN'], alternativeGroup: null, alternativeNumber: null },
    { id: B, kind: 'delete', start: 52, end: 55, text: '', sponsors: ['US'], alternativeGroup: null, alternativeNumber: null },
    { id: C, kind: 'replace', start: 59, end: 69, text: 'second half', sponsors: ['MEX', 'CH'], alternativeGroup: null, alternativeNumber: null },
  ];

  it('round-trips base text and brackets through a real Y.Text', () => {
    const projected = projectDelta(viaYjs(deltaFromBrackets(base, brackets)));
    if (!projected.ok) throw new Error(projected.problem);
    expect(projected.base).toBe(base);
    expect(projected.brackets.map(({ words: _w, ...b }) => b)).toEqual(brackets);
    expect(projected.brackets.find((b) => b.id === B)?.words).toBe(base.slice(52, 55));
  });

  it('prints the negotiation text the API prints', () => {
    const projected = projectDelta(deltaFromBrackets(base, brackets));
    if (!projected.ok) throw new Error(projected.problem);
    expect(compileParagraph({ text: projected.base, sponsors: [], amendments: projected.brackets })).toBe(
      compileParagraph({ text: base, sponsors: [], amendments: brackets }),
    );
  });

  it('keeps typing inside a bracket in that bracket, and typing outside in the base text', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.applyDelta(deltaFromBrackets(base, brackets.slice(0, 1)));
    text.insert(17, 'XX'); // inside "annual "
    text.insert(0, 'Y'); // base text
    const projected = projectDelta(text.toDelta());
    if (!projected.ok) throw new Error(projected.problem);
    expect(projected.base).toBe(`Y${base}`);
    expect(projected.brackets[0]).toMatchObject({ id: A, start: 16, text: 'anXXnual ' });
  });

  it('holds overlapping marks and a group of alternatives', () => {
    const alts: BracketInput[] = [
      { id: A, kind: 'alternative', start: 3, end: 10, text: 'call', sponsors: ['BRA'], alternativeGroup: G, alternativeNumber: 1 },
      { id: B, kind: 'alternative', start: 3, end: 10, text: 'hold', sponsors: ['MEX'], alternativeGroup: G, alternativeNumber: 2 },
      { id: C, kind: 'delete', start: 0, end: 14, text: '', sponsors: ['US'], alternativeGroup: null, alternativeNumber: null },
    ];
    const projected = projectDelta(viaYjs(deltaFromBrackets(base, alts)));
    if (!projected.ok) throw new Error(projected.problem);
    expect(projected.brackets.map((b) => [b.id, b.start, b.end, b.text])).toEqual([
      [C, 0, 14, ''],
      [A, 3, 10, 'call'],
      [B, 3, 10, 'hold'],
    ]);
  });

  it('refuses what the model cannot express', () => {
    const ins = { id: A, kind: 'insert' as const, sponsors: 'MEX' };
    expect(projectDelta([{ insert: { image: 'x' } }])).toMatchObject({ ok: false });
    expect(projectDelta([{ insert: 'a', attributes: { bold: true } }])).toMatchObject({ ok: false });
    expect(projectDelta([{ insert: 'a', attributes: { [BRACKET_ATTRIBUTE]: { ...ins, sponsors: 'mexico' } } }])).toMatchObject({ ok: false });
    expect(projectDelta([{ insert: 'a', attributes: { [BRACKET_ATTRIBUTE]: { ...ins, id: 'x' } } }])).toMatchObject({ ok: false });
    // One bracket in two places.
    expect(projectDelta([{ insert: 'a', attributes: proposedAttributes(ins) }, { insert: 'b' }, { insert: 'c', attributes: proposedAttributes(ins) }])).toMatchObject({
      ok: false,
      amendmentId: A,
    });
    // A mark under another id's key.
    expect(projectDelta([{ insert: 'a', attributes: { [markKey(B)]: { id: A, kind: 'delete', sponsors: 'US' } } }])).toMatchObject({ ok: false });
    // A replacement whose new words are away from the words they replace.
    const rep = { id: C, kind: 'replace' as const, sponsors: 'US' };
    expect(projectDelta([{ insert: 'old', attributes: markAttributes(rep) }, { insert: ' x ' }, { insert: 'new', attributes: proposedAttributes(rep) }])).toMatchObject({
      ok: false,
      amendmentId: C,
    });
  });
});
