import {
  compareLabels,
  formatLabel,
  labelBetween,
  normalizeLabel,
  parseLabel,
  renumber,
  rewriteCrossReferences,
} from './labels';

/** Deterministic so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseLabel / formatLabel', () => {
  it.each([
    ['5', '5'],
    ['5 bis', '5 bis'],
    ['5 BIS', '5 bis'],
    ['5bis', '5 bis'],
    ['  5   bis  ', '5 bis'],
    ['5 bis bis', '5 bis bis'],
    ['5bisbis', '5 bis bis'],
    ['5 bis a', '5 bis A'],
    ['5bisA', '5 bis A'],
    ['5A', '5 A'],
    ['12 quaterdecies', '12 quaterdecies'],
    ['12 quater decies', '12 quater decies'],
    ['3 vicies', '3 vicies'],
    ['3 Ter', '3 ter'],
  ])('reads %j as %j', (input, canonical) => {
    const parsed = parseLabel(input);
    expect(parsed).not.toBeNull();
    expect(formatLabel(parsed!)).toBe(canonical);
  });

  it('keeps the structure of a label', () => {
    expect(parseLabel('5 bis A')).toEqual({
      base: 5,
      parts: [
        { kind: 'latin', value: 2 },
        { kind: 'letter', value: 'A' },
      ],
    });
  });

  it.each(['', 'bis', '0', '5.', '5 ABC', '5 bis-', '5 2', 'five', '5 unvicies', '-1'])('refuses %j', (input) => {
    expect(parseLabel(input)).toBeNull();
  });
});

describe('compareLabels', () => {
  it('follows document order', () => {
    const ordered = ['4', '5 A', '5', '5 bis A', '5 bis', '5 bis bis', '5 ter', '6'];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareLabels(ordered[i]!, ordered[j]!))).toBe(Math.sign(i - j));
      }
    }
  });

  it('orders letters alphabetically and ordinals by value', () => {
    expect(compareLabels('5 A', '5 B')).toBeLessThan(0);
    expect(compareLabels('5 Z', '5')).toBeLessThan(0);
    expect(compareLabels('5 novies', '5 decies')).toBeLessThan(0);
    expect(compareLabels('5 A bis', '5 B')).toBeLessThan(0);
    expect(compareLabels('5 A bis', '5 A')).toBeGreaterThan(0);
    expect(compareLabels('5 bis', '5 BIS')).toBe(0);
    expect(compareLabels('10', '9 vicies')).toBeGreaterThan(0);
  });

  it('throws on something that is not a label', () => {
    expect(() => compareLabels('x', '5')).toThrow(/not a paragraph label/);
  });
});

describe('labelBetween', () => {
  it.each([
    ['5', '6', '5 bis'],
    ['5 bis', '6', '5 ter'],
    ['5 bis', '5 ter', '5 bis bis'],
    ['5', '5 bis', '5 bis A'],
    ['5 bis A', '5 bis', '5 bis B'],
    ['5 A', '5', '5 B'],
    ['9', null, '10'],
    ['9 bis', null, '10'],
    [null, '1', '1 A'],
    [null, null, '1'],
    ['5 Z', '5', '5 Z bis'],
    ['5 vicies', '6', '5 vicies bis'],
  ])('after %j before %j gives %j', (prev, next, expected) => {
    expect(labelBetween(prev, next, [prev, next].filter((l): l is string => l !== null))).toBe(expected);
  });

  it('skips labels already taken', () => {
    expect(labelBetween('5', '6', ['5', '5 bis', '6'])).toBe('5 ter');
    expect(labelBetween('5', '6', ['5', '5 bis', '5 ter', '5 bis A', '6'])).toBe('5 quater');
    expect(labelBetween(null, '1 C', ['1 C'])).toBe('1 B');
    expect(labelBetween('5', '5 bis', ['5', '5 bis', '5 bis A'])).toBe('5 bis B');
    expect(labelBetween('9', null, ['9', '10', '11'])).toBe('12');
    expect(labelBetween(null, null, ['1'])).toBe('2');
    expect(labelBetween('5', '6', ['5', '5 BIS', '6'])).toBe('5 ter');
  });

  it('refuses neighbours out of order', () => {
    expect(() => labelBetween('6', '5', [])).toThrow(/not in document order/);
    expect(() => labelBetween('5', '5', [])).toThrow(/not in document order/);
  });

  it('keeps a list strictly sorted and unique through thousands of random inserts and deletions', () => {
    for (const seed of [1, 42, 2022]) {
      const random = rng(seed);
      const list: string[] = ['1', '2', '3'];
      const taken = new Set(list);
      for (let step = 0; step < 1500; step++) {
        if (list.length > 1 && random() < 0.15) {
          // Deleted paragraphs keep their label in `taken`, which forces the fallbacks.
          list.splice(Math.floor(random() * list.length), 1);
          continue;
        }
        const at = Math.floor(random() * (list.length + 1));
        const prev = list[at - 1] ?? null;
        const next = list[at] ?? null;
        const label = labelBetween(prev, next, taken);
        expect(taken.has(label)).toBe(false);
        expect(normalizeLabel(label)).toBe(label);
        if (prev !== null) expect(compareLabels(prev, label)).toBeLessThan(0);
        if (next !== null) expect(compareLabels(label, next)).toBeLessThan(0);
        list.splice(at, 0, label);
        taken.add(label);
      }
      for (let i = 1; i < list.length; i++) expect(compareLabels(list[i - 1]!, list[i]!)).toBeLessThan(0);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('finds room when the same gap is hammered', () => {
    for (const pick of [(_n: number) => 0, (n: number) => n, (_n: number) => 1, (n: number) => Math.max(0, n - 1)]) {
      const list = ['1', '2'];
      for (let step = 0; step < 300; step++) {
        const at = pick(list.length);
        const label = labelBetween(list[at - 1] ?? null, list[at] ?? null, list);
        list.splice(at, 0, label);
      }
      for (let i = 1; i < list.length; i++) expect(compareLabels(list[i - 1]!, list[i]!)).toBeLessThan(0);
    }
  });
});

describe('renumber', () => {
  it('numbers labels in document order', () => {
    const map = renumber(['1', '2', '2 bis', '3', '3 A', '3 bis']);
    expect([...map]).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['2 bis', '3'],
      ['3', '4'],
      ['3 A', '5'],
      ['3 bis', '6'],
    ]);
  });

  it('keys by canonical label and keeps the first of duplicates', () => {
    const map = renumber(['1', '1', '1BIS']);
    expect(map.get('1')).toBe('1');
    expect(map.get('1 bis')).toBe('3');
  });
});

describe('rewriteCrossReferences', () => {
  const map = renumber(['1', '2', '3', '4', '5', '5 bis', '5 ter', '6', '7']);

  it.each([
    ['as in paragraph 5 bis above', 'as in paragraph 6 above'],
    ['paragraphs 5 bis and 7', 'paragraphs 6 and 9'],
    ['paragraphs 3 to 5 ter', 'paragraphs 3 to 7'],
    ['Paragraphs 5, 5 bis, and 6', 'Paragraphs 5, 6, and 8'],
    ['PARAGRAPH 6.', 'PARAGRAPH 8.'],
    ['paragraph 5BIS', 'paragraph 6'],
    ['paragraphs 5 ter–7', 'paragraphs 7–9'],
  ])('%j → %j', (input, output) => {
    expect(rewriteCrossReferences(input, map)).toBe(output);
  });

  it("renumbers only this resolution's own paragraphs, never another text's", () => {
    const text =
      'Recalling paragraph 7 of the Declaration of Panama, paragraphs 5 and 6 of resolution AG/RES. 2950 (L-O/20) and paragraph 5 bis of this resolution, as in paragraph 5 ter of the present resolution and paragraph 7.';
    expect(rewriteCrossReferences(text, map)).toBe(
      'Recalling paragraph 7 of the Declaration of Panama, paragraphs 5 and 6 of resolution AG/RES. 2950 (L-O/20) and paragraph 6 of this resolution, as in paragraph 7 of the present resolution and paragraph 9.',
    );
  });

  it('leaves other numbers alone', () => {
    const text =
      'In 2022, following CP/CSH-1953/20 rev. 1 and resolution AG/RES. 2950 (L-O/20), see paragraph 6 of 7 items, subparagraph 6.';
    expect(rewriteCrossReferences(text, map)).toBe(
      'In 2022, following CP/CSH-1953/20 rev. 1 and resolution AG/RES. 2950 (L-O/20), see paragraph 8 of 7 items, subparagraph 6.',
    );
  });

  it('does not read an article as a letter, and keeps unknown labels', () => {
    expect(rewriteCrossReferences('paragraph 6 a new text', map)).toBe('paragraph 8 a new text');
    expect(rewriteCrossReferences('paragraph 42 and paragraph 6 A', map)).toBe('paragraph 42 and paragraph 6 A');
  });
});

describe('formatLabel', () => {
  it('refuses parts no label can spell', () => {
    expect(() => formatLabel({ base: 5, parts: [{ kind: 'latin', value: 21 }] })).toThrow(RangeError);
    expect(() => formatLabel({ base: 5, parts: [{ kind: 'letter', value: 'a' }] })).toThrow(RangeError);
    expect(() => formatLabel({ base: 0, parts: [] })).toThrow(RangeError);
  });
});
