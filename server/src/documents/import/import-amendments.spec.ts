import { compileParagraph, parseBrackets } from '@omnibus/shared';
import { amendmentsFromSegments } from './import-amendments';

function split(compiled: string) {
  const parsed = parseBrackets(compiled);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return amendmentsFromSegments(parsed.segments);
}

/** Base text and amendments compile back to exactly the text they were read from. */
function recompiled(compiled: string): string {
  const { text, amendments } = split(compiled);
  return compileParagraph({
    text,
    sponsors: [],
    amendments: amendments.map((a) => ({ ...a, alternativeGroup: a.alternativeGroup === null ? null : `g${a.alternativeGroup}` })),
  });
}

describe('amendmentsFromSegments', () => {
  it.each([
    'To request that the SMS[CAN: , through the CICTE Secretariat,] provide assistance.',
    'To convene the session of CICTE [US: delete: in the first half of 2022] or later.',
    'To [BRA and MEX: replace “convene” with “hold”] the twenty-second [CAN: special ]regular session.',
    'To hold it in Washington [Alt 1 (BRA): in Brasília] [Alt 2 (MEX): in Mexico City].',
    '[Alt 1 (BRA): One text.] [Alt 2 (MEX): Another text.]',
    'Two groups [Alt 1 (BRA): a] [Alt 2 (MEX): b]\\ [Alt 1 (US): c] end.',
    'Escaped \\[sic\\] words and [US: \\delete] as words.',
    'Leading spaces kept[CAN:  and the IADB] here[US: delete:  and there].',
  ])('reads %s back to itself', (compiled) => {
    expect(recompiled(compiled)).toBe(compiled);
  });

  it('gives offsets into the base text, kinds and sponsors', () => {
    const { text, amendments, errors } = split('To [BRA and MEX: replace “convene” with “hold”] the [CAN: special ]session [US: delete: in 2022].');
    expect(errors).toEqual([]);
    expect(text).toBe('To convene the session in 2022.');
    expect(amendments.map((a) => [a.kind, text.slice(a.start, a.end), a.text, a.sponsors])).toEqual([
      ['replace', 'convene', 'hold', ['BRA', 'MEX']],
      ['insert', '', 'special ', ['CAN']],
      ['delete', 'in 2022', '', ['US']],
    ]);
  });

  it('reads a bare deletion at either end as deleting the paragraph, and refuses one in the middle', () => {
    expect(split('[US: delete] To convene.').amendments).toEqual([expect.objectContaining({ kind: 'delete', start: 0, end: 'To convene.'.length + 1 })]);
    expect(split('To convene. [US: delete]').amendments).toEqual([expect.objectContaining({ kind: 'delete', start: 0, end: 'To convene. '.length })]);
    expect(split('To convene CICTE [US: delete] in 2022.').errors[0]).toMatch(/does not say which words it deletes/);
  });
});
