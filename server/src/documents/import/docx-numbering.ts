import { XNode, attr, child, childrenOf, findAll, tagOf, val } from './ooxml';

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface NumberingRef {
  numId: string;
  level: number;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** a … z, aa … zz, as Word letters a list past 26. */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

function levelsOf(abstract: XNode): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childrenOf(abstract).filter((c) => tagOf(c) === 'w:lvl')) {
    levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), {
      start: Number(val(child(lvl, 'w:start')) ?? 1),
      format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
      text: val(child(lvl, 'w:lvlText')) ?? '',
    });
  }
  return levels;
}

/**
 * Word's automatic paragraph numbers, worked out the way Word counts them: a counter per list
 * (w:num) and level, lower levels restarting after a higher one, start values and overrides.
 * Without this a document numbered by Word would lose every "1." on import.
 */
export class DocxNumbering {
  private readonly lists = new Map<string, { levels: Map<number, Level>; overrides: Map<number, number> }>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(root: readonly XNode[]) {
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of findAll(root, 'w:abstractNum')) abstracts.set(attr(a, 'w:abstractNumId') ?? '', levelsOf(a));
    for (const n of findAll(root, 'w:num')) {
      const overrides = new Map<number, number>();
      for (const o of childrenOf(n).filter((c) => tagOf(c) === 'w:lvlOverride')) {
        const start = val(child(o, 'w:startOverride'));
        if (start !== undefined) overrides.set(Number(attr(o, 'w:ilvl') ?? 0), Number(start));
      }
      const levels = abstracts.get(val(child(n, 'w:abstractNumId')) ?? '');
      if (levels) this.lists.set(attr(n, 'w:numId') ?? '', { levels, overrides });
    }
  }

  /** The number Word prints before the next paragraph of this list, e.g. "12." or "b."; "" for a bullet or an unknown list. */
  next(ref: NumberingRef): string {
    const list = this.lists.get(ref.numId);
    const level = list?.levels.get(ref.level);
    if (!list || !level) return '';
    const counters = this.counters.get(ref.numId) ?? [];
    const startOf = (i: number) => list.overrides.get(i) ?? list.levels.get(i)?.start ?? 1;
    counters[ref.level] = (counters[ref.level] ?? startOf(ref.level) - 1) + 1;
    for (let i = ref.level + 1; i < counters.length; i++) counters[i] = undefined;
    this.counters.set(ref.numId, counters);
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return format(counters[i] ?? startOf(i), list.levels.get(i)?.format ?? 'decimal');
    });
  }
}
