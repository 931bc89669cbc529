import * as path from 'node:path';
import { existsSync, readFileSync } from 'fs';
import { importWordAccount } from './import-account';
import { importText } from './import-text';

// The project's own copy of the committee's seed (../shared/seeds is the team folder, not the product).
const SEED = path.join(__dirname, '../../server/seed-data/cicte-proposal-omnibus.txt');

function seed(): string {
  if (!existsSync(SEED)) throw new Error(`Seed file missing: ${SEED} (the import test reads the real CICTE proposal)`);
  return readFileSync(SEED, 'utf8');
}

describe('importText on the CICTE seed', () => {
  const imported = importText(seed());

  it('reads the title and no symbol', () => {
    expect(imported.title).toBe('CICTE’S PROPOSAL FOR THE CSH OMNIBUS RESOLUTION');
    expect(imported.symbol).toBeNull();
  });

  it('finds two headings with 2 and 10 paragraphs', () => {
    expect(imported.sections.map((s) => s.heading)).toEqual([
      'Inter-American Convention against Terrorism',
      'Inter-American Committee against Terrorism (CICTE)',
    ]);
    expect(imported.sections.map((s) => s.paragraphs.length)).toEqual([2, 10]);
    expect(imported.sections[0]!.paragraphs.map((p) => p.label)).toEqual(['1', '1']);
    expect(imported.sections[1]!.paragraphs.map((p) => p.label)).toEqual([
      '1', '2', '3', '4', '5', '5 bis', '6', '7', '8', '9',
    ]);
  });

  it('reads "5 bis" as a new paragraph sponsored by CH, MEX and US', () => {
    const p = imported.sections[1]!.paragraphs[5]!;
    expect(p.sponsors).toEqual(['CH', 'MEX', 'US']);
    expect(p.text).toMatch(/^To endorse the 2021 consensus reports of the Open-ended Working Group/);
    expect(p.text).toMatch(/as set out in those reports\.$/);
    expect(p.text).not.toContain('[');
    expect(p.segments).toEqual([{ type: 'text', text: p.text }]);
  });

  it('keeps other paragraphs as written, with runs of spaces collapsed', () => {
    const [first, , third] = imported.sections[1]!.paragraphs;
    expect(first!.text).toBe(
      'To reiterate its strong and unequivocal condemnation of terrorism in all its forms and manifestations, regardless of by whom, where, and for what purpose it is committed.',
    );
    expect(first!.sponsors).toEqual([]);
    expect(third!.text).toContain('(CP/CSH-1953/20 rev. 1)');
    expect(imported.sections[1]!.paragraphs[4]!.text).toContain('to enhance the implementation of norms');
    expect(imported.sections.flatMap((s) => s.paragraphs).every((p) => p.text === p.text.trim())).toBe(true);
  });

  it('reports the duplicate label and nothing else', () => {
    expect(imported.problems).toHaveLength(1);
    expect(imported.problems[0]).toEqual({ line: 8, message: expect.stringContaining('Label "1" appears twice') });
  });
});

describe('importText', () => {
  it('reads a symbol, preamble, mandates with literals and brackets', () => {
    const text = [
      'OEA/Ser.G',
      'CP/CSH/xxxx/22 rev. 1',
      'ADVANCING HEMISPHERIC SECURITY: A MULTIDIMENSIONAL APPROACH',
      '(Draft resolution presented by the Chair)',
      '',
      'HAVING SEEN the annual report of the Permanent Council,',
      'BEARING IN MIND   that the Charter\u00a0 establishes,',
      'Topic 1',
      '1.\tTo request that the SMS [CAN: , through the CICTE Secretariat,] provide assistance.',
      '2. To instruct the General Secretariat, through the SMS, to:  ',
      'a. convene a meeting; and',
      'b. report [US: delete] on it.',
      '2 bis.',
      '[MEX: A new paragraph.]',
    ].join('\r\n');
    const imported = importText(text);
    expect(imported.symbol).toBe('CP/CSH/xxxx/22 rev. 1');
    expect(imported.title).toBe('ADVANCING HEMISPHERIC SECURITY: A MULTIDIMENSIONAL APPROACH');
    expect(imported.problems).toEqual([]);
    const [preamble, topic] = imported.sections;
    expect(preamble).toEqual({
      heading: '',
      paragraphs: [
        expect.objectContaining({ label: null, text: 'HAVING SEEN the annual report of the Permanent Council,' }),
        expect.objectContaining({ label: null, text: 'BEARING IN MIND that the Charter establishes,' }),
      ],
    });
    expect(topic!.heading).toBe('Topic 1');
    const [first, mandates, fresh] = topic!.paragraphs;
    expect(first!.segments.map((s) => s.type)).toEqual(['text', 'insert', 'text']);
    expect(first!.sponsors).toEqual([]);
    expect(mandates).toMatchObject({
      label: '2',
      chapeau: 'To instruct the General Secretariat, through the SMS, to:',
      literals: [
        { label: 'a', text: 'convene a meeting; and' },
        { label: 'b', text: 'report [US: delete] on it.' },
      ],
    });
    expect(fresh).toMatchObject({ label: '2 bis', text: 'A new paragraph.', sponsors: ['MEX'] });
  });

  it('normalises labels and reports what it cannot make sense of', () => {
    const imported = importText(
      ['Heading', '3. Three.', '2 BIS. Two bis.', 'a. Stray literal.', 'c. Skipped b.', 'Next', 'a. Orphan', '4. [CH: unclosed'].join('\n'),
    );
    expect(imported.sections[0]!.paragraphs.map((p) => p.label)).toEqual(['3', '2 bis']);
    expect(imported.sections.map((s) => s.heading)).toEqual(['Heading', 'Next', 'a. Orphan']);
    expect(imported.problems.map((p) => p.line)).toEqual([3, 4, 5, 7, 8]);
    expect(imported.problems[0]!.message).toContain('out of order');
    expect(imported.problems[4]!.message).toContain('never closed');
    expect(imported.sections[2]!.paragraphs[0]).toMatchObject({ label: '4', text: '[CH: unclosed', sponsors: [] });
  });

  it('reads "1.Requests …", a number that lost its space in the copy, as an operative paragraph; "1.5 million …" stays text', () => {
    const imported = importText(
      [
        'The General Assembly,',
        'Concerned that the goals and objectives of the Strategy remain largely to be fulfilled,',
        '1.Requests the Secretary-General to provide information;',
        '2.Also requests the Secretary-General to report to the General Assembly at its forty-third session;',
        '3. Notes that',
        '1.5 million people remain displaced;',
      ].join('\n'),
    );
    expect(imported.sections.map((s) => s.paragraphs.map((p) => p.label))).toEqual([[null], ['1', '2', '3']]);
    expect(imported.sections[1]!.paragraphs[0]!.text).toBe('Requests the Secretary-General to provide information;');
    expect(imported.sections[1]!.paragraphs[2]!.text).toBe('Notes that 1.5 million people remain displaced;');
  });

  it('joins a word a copy broke at its hyphen across lines, and drops the invisible soft hyphens and zero-width spaces of web and PDF copies', () => {
    const imported = importText(
      [
        'THE GENERAL ASSEMBLY,',
        'REAFFIRMING the principles of self-',
        'determination and the Inter-',
        'American system, as well as the Organi\u00ADzation\u200B’s Charter;',
      ].join('\n'),
    );
    expect(imported.sections[0]!.paragraphs.map((p) => p.text)).toEqual([
      'REAFFIRMING the principles of self-determination and the Inter-American system, as well as the Organization’s Charter;',
    ]);
    expect(importWordAccount(imported)).toMatchObject({ unaccounted: 0 });
  });

  it('returns an empty draft for empty text', () => {
    expect(importText('')).toEqual({ title: null, symbol: null, sections: [], problems: [] });
  });
});

describe('importText on the platform’s own exports', () => {
  const exported = [
    'OEA/Ser.G',
    'CP/CSH/xxxx/22',
    'ADVANCING HEMISPHERIC SECURITY',
    '(Compilation text, 15 March 2022)',
    'THE GENERAL ASSEMBLY,',
    'Cybersecurity',
    '1. To convene the[CAN:  and special] session  of CICTE [US: delete:  in 2022].',
    '(amended; held in brackets)',
    '(Footnote 1: Mexico: Mexico reserves its position.)',
    '2. To instruct the SMS to:',
    'a. report;',
    '(consensus; approved)',
  ].join('\n');
  const imported = importText(exported);
  const [formula, topic] = imported.sections;

  it('reads the subtitle that names the view, and the formula as a heading of its own', () => {
    expect(imported.subtitle).toBe('(Compilation text, 15 March 2022)');
    expect(formula).toEqual({ heading: 'THE GENERAL ASSEMBLY,', paragraphs: [] });
  });

  it('reads status notes and footnotes under their paragraph, never as headings', () => {
    expect(imported.sections).toHaveLength(2);
    expect(topic!.paragraphs.map((p) => [p.label, p.state, p.status, p.footnotes])).toEqual([
      ['1', 'amended', 'held', ['Mexico: Mexico reserves its position.']],
      ['2', 'consensus', 'approved', undefined],
    ]);
    expect(topic!.paragraphs[1]!.literals).toEqual([{ label: 'a', text: 'report;' }]);
  });

  it('keeps the space that proposed words begin with, and collapses the others', () => {
    const [first] = topic!.paragraphs;
    expect(first!.text).toBe('To convene the[CAN:  and special] session of CICTE [US: delete:  in 2022].');
    expect(first!.segments).toContainEqual({ type: 'insert', sponsors: ['CAN'], text: ' and special' });
    expect(first!.segments).toContainEqual({ type: 'delete', sponsors: ['US'], text: ' in 2022' });
  });
});
