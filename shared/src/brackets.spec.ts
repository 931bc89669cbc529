import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { existsSync, readFileSync } from 'fs';
import { formatSponsors, parseBrackets, parseSponsors, printBrackets, Segment } from './brackets';

// The project's own copy of the committee's seed (../shared/seeds is the team folder, not the product).
const SEED = path.join(__dirname, '../../server/seed-data/cicte-proposal-omnibus.txt');

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

function segmentsOf(s: string): Segment[] {
  const result = parseBrackets(s);
  if (!result.ok) throw new Error(result.error.message);
  return result.segments;
}

function errorOf(s: string): { message: string; offset: number } {
  const result = parseBrackets(s);
  if (result.ok) throw new Error(`expected an error for ${s}`);
  expect(result.error.code).toBe('malformed_brackets');
  return result.error;
}

describe('sponsors', () => {
  it.each([
    [['CAN'], 'CAN'],
    [['CH', 'MEX'], 'CH and MEX'],
    [['CH', 'MEX', 'US'], 'CH, MEX and US'],
    [[], ''],
  ])('formats %j as %j', (codes, text) => {
    expect(formatSponsors(codes)).toBe(text);
  });

  it.each([
    ['CH, MEX and US', ['CH', 'MEX', 'US']],
    ['CH, MEX, and US', ['CH', 'MEX', 'US']],
    ['CH/MEX', ['CH', 'MEX']],
    ['  CH ,  MEX   and  US ', ['CH', 'MEX', 'US']],
    ['ch and mex', ['CH', 'MEX']],
    ['CAN', ['CAN']],
  ])('reads %j', (text, codes) => {
    expect(parseSponsors(text)).toEqual(codes);
  });

  it.each(['', 'C', 'CANADA', 'CH,', 'CH, , US', 'CH and', 'CH and CH', 'M3X', 'Alt 1', 'MÉX'])('refuses %j', (text) => {
    expect(parseSponsors(text)).toBeNull();
  });
});

describe('parseBrackets', () => {
  it('reads each kind of bracket', () => {
    expect(segmentsOf('To request that the SMS [CAN: , through the CICTE Secretariat,] provide')).toEqual([
      { type: 'text', text: 'To request that the SMS ' },
      { type: 'insert', sponsors: ['CAN'], text: ', through the CICTE Secretariat,' },
      { type: 'text', text: ' provide' },
    ]);
    expect(segmentsOf('CICTE [US: delete] in the first half')).toEqual([
      { type: 'text', text: 'CICTE ' },
      { type: 'delete', sponsors: ['US'], text: '' },
      { type: 'text', text: ' in the first half' },
    ]);
    expect(segmentsOf('[US: delete: the words]')).toEqual([{ type: 'delete', sponsors: ['US'], text: 'the words' }]);
    expect(segmentsOf('[US: replace “from” with “to”]')).toEqual([
      { type: 'replace', sponsors: ['US'], from: 'from', to: 'to' },
    ]);
    expect(segmentsOf('[Alt 1 (BRA): one] [Alt 2 (MEX): two]')).toEqual([
      {
        type: 'alternatives',
        options: [
          { number: 1, sponsors: ['BRA'], text: 'one' },
          { number: 2, sponsors: ['MEX'], text: 'two' },
        ],
      },
    ]);
  });

  it('accepts the looser spellings people type', () => {
    expect(segmentsOf('[ch/mex: x]')).toEqual([{ type: 'insert', sponsors: ['CH', 'MEX'], text: 'x' }]);
    expect(segmentsOf('[US:x]')).toEqual([{ type: 'insert', sponsors: ['US'], text: 'x' }]);
    expect(segmentsOf('[US: replace "a" with "b"]')).toEqual([{ type: 'replace', sponsors: ['US'], from: 'a', to: 'b' }]);
    expect(segmentsOf('[US: Delete]')).toEqual([{ type: 'delete', sponsors: ['US'], text: '' }]);
    expect(segmentsOf('[alt 1 (bra): x]')[0]).toEqual({
      type: 'alternatives',
      options: [{ number: 1, sponsors: ['BRA'], text: 'x' }],
    });
  });

  it('groups alternatives only when one space separates them', () => {
    expect(segmentsOf('[Alt 1 (BRA): a]  [Alt 2 (MEX): b]')).toHaveLength(3);
    expect(segmentsOf('[Alt 1 (BRA): a][Alt 2 (MEX): b]')).toHaveLength(2);
    expect(segmentsOf('[Alt 1 (BRA): a] [Alt 2 (MEX): b] [Alt 3 (US): c]')).toHaveLength(1);
    expect(segmentsOf('[US: x] [Alt 1 (BRA): a]')).toHaveLength(3);
  });

  it('reads and prints other delegations\' proposals nested one level inside a new paragraph', () => {
    const notation = '[CH, MEX and US: To endorse the [CAN: replace “2021” with “2022”] consensus reports[US: , as amended]]';
    const segments = segmentsOf(notation);
    expect(segments).toEqual([
      {
        type: 'insert',
        sponsors: ['CH', 'MEX', 'US'],
        text: 'To endorse the 2021 consensus reports',
        nested: [
          { type: 'text', text: 'To endorse the ' },
          { type: 'replace', sponsors: ['CAN'], from: '2021', to: '2022' },
          { type: 'text', text: ' consensus reports' },
          { type: 'insert', sponsors: ['US'], text: ', as amended' },
        ],
      },
    ]);
    expect(printBrackets(segments)).toBe(notation);
  });

  it('unescapes literal brackets and backslashes', () => {
    expect(segmentsOf('a \\[1\\] b \\\\ c')).toEqual([{ type: 'text', text: 'a [1] b \\ c' }]);
    expect(segmentsOf('[US: \\[sic\\]]')).toEqual([{ type: 'insert', sponsors: ['US'], text: '[sic]' }]);
  });

  it('holds a long text in one piece, not a string per character', () => {
    // A room shows every paragraph through this parser; a segment built a character at a time is a
    // chain of one string per character (~20 bytes each) that lives as long as the page shows it.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const long = `${'a'.repeat(400_000)} [US: b] ${'c'.repeat(400_000)}\\[d\\] ${'e'.repeat(400_000)}`;
    gc();
    const before = v8.getHeapStatistics().used_heap_size;
    const segments = segmentsOf(long);
    gc();
    const held = v8.getHeapStatistics().used_heap_size - before;
    expect(segments.map((g) => (g.type === 'text' ? g.text.length : -1))).toEqual([400_001, -1, 400_000 + 5 + 400_000]);
    // A string per character held ~33 bytes a character here; one piece holds next to nothing (the
    // bound leaves room for what else the test process allocates meanwhile).
    expect(held / long.length).toBeLessThan(4);
  });

  it.each([
    ['Text [CH: never closed', 5, 'Bracket opened at character 6 is never closed'],
    ['Text ] stray', 5, 'never opened'],
    ['[CH: a [MEX: b [US: c]]]', 0, 'do not nest deeper'],
    ['[Alt 1 (BRA): a [MEX: b]]', 0, "only a new paragraph's bracket"],
    ['[no sponsors here]', 0, 'names no sponsors'],
    ['[Chile and Mexico: x]', 0, 'not a list of delegation codes'],
    ['[US: replace “a” by “b”]', 0, 'replace “old words” with “new words”'],
    ['[Alt 1 (Brazil!): x]', 0, 'no valid sponsors'],
    ['ends with \\', 10, 'escapes nothing'],
  ])('explains %j', (input, offset, message) => {
    const error = errorOf(input);
    expect(error.offset).toBe(offset);
    expect(error.message).toContain(message);
  });
});

describe('round trip', () => {
  const canonical = [
    '5 bis. [CH, MEX and US: To endorse the 2021 consensus reports of the ... ]',
    'To request that the SMS [CAN: , through the CICTE Secretariat,] provide legislative ...',
    'To convene the twenty-second regular session of CICTE [US: delete] in the first half of 2022',
    '[CH, MEX and US: text]',
    '[CH and MEX: text]',
    '[US: delete]',
    '[US: delete: the words]',
    '[US: replace “from” with “to”]',
    '[Alt 1 (BRA): text] [Alt 2 (MEX): text]',
    'before [Alt 1 (BRA): a] [Alt 2 (CH and MEX): b]\\ [Alt 1 (US): c] after',
    '[US: \\delete]',
    '[US: \\replace “x” with “y”]',
    '[US: replace “say \\“hi\\”” with “\\[x\\]”]',
    'plain text with: colons, “quotes” and \\\\ backslashes',
    '',
  ];

  it.each(canonical)('print(parse(%j)) is the same string', (s) => {
    expect(printBrackets(segmentsOf(s))).toBe(s);
  });

  it('round-trips the body of the CICTE seed paragraph "5 bis"', () => {
    if (!existsSync(SEED)) throw new Error(`Seed file missing: ${SEED}`);
    const line = readFileSync(SEED, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('5 bis.'));
    expect(line).toBeDefined();
    const body = line!.replace(/^5 bis\.\s*/, '').trimEnd();
    const segments = segmentsOf(body);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ type: 'insert', sponsors: ['CH', 'MEX', 'US'] });
    expect(printBrackets(segments)).toBe(body);
  });

  const pieces = ['a', 'word ', ' ', '[', ']', '\\', ':', '"', '“', '”', 'é', '😀', '—', '\n', 'delete', 'delete:', 'replace “', 'Alt 1 (BRA): ', '\\]'];
  const codes = ['CH', 'MEX', 'US', 'CAN', 'BRA', 'ARG', 'ALT', 'URU'];

  function generator(seed: number) {
    const random = rng(seed);
    const int = (n: number) => Math.floor(random() * n);
    const str = (): string => Array.from({ length: int(6) }, () => pieces[int(pieces.length)]).join('');
    const sponsors = (): string[] => {
      const shuffled = [...codes].sort(() => random() - 0.5);
      return shuffled.slice(0, 1 + int(3));
    };
    const bracket = (): Segment => {
      switch (int(4)) {
        case 0:
          return { type: 'insert', sponsors: sponsors(), text: str() };
        case 1:
          return { type: 'delete', sponsors: sponsors(), text: str() };
        case 2:
          return { type: 'replace', sponsors: sponsors(), from: str(), to: str() };
        default:
          return {
            type: 'alternatives',
            options: Array.from({ length: 1 + int(3) }, (_, i) => ({ number: i + 1 + int(2), sponsors: sponsors(), text: str() })),
          };
      }
    };
    return (): Segment[] => {
      const segments: Segment[] = [];
      const n = int(7);
      for (let i = 0; i < n; i++) {
        const last = segments[segments.length - 1];
        if (last?.type !== 'text' && random() < 0.5) {
          const text = random() < 0.3 ? ' ' : str();
          if (text !== '') segments.push({ type: 'text', text });
        } else {
          segments.push(bracket());
        }
      }
      return segments;
    };
  }

  it('parse(print(segments)) deep-equals generated segments', () => {
    for (const seed of [7, 11, 2022]) {
      const generate = generator(seed);
      for (let i = 0; i < 1500; i++) {
        const segments = generate();
        const printed = printBrackets(segments);
        expect(segmentsOf(printed)).toEqual(segments);
        expect(printBrackets(segmentsOf(printed))).toBe(printed);
      }
    }
  });
});

describe('printBrackets', () => {
  it('refuses what no bracket can express', () => {
    expect(() => printBrackets([{ type: 'insert', sponsors: [], text: 'x' }])).toThrow(/at least one sponsor/);
    expect(() => printBrackets([{ type: 'insert', sponsors: ['mex'], text: 'x' }])).toThrow(/not a delegation code/);
    expect(() => printBrackets([{ type: 'alternatives', options: [] }])).toThrow(/at least one option/);
    expect(() => printBrackets([{ type: 'alternatives', options: [{ number: 0, sponsors: ['US'], text: '' }] }])).toThrow(/1, 2, 3/);
  });
});
