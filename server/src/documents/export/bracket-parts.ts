import { DocModel, Segment, formatSponsors, printBrackets } from '@omnibus/shared';

/** A run of printed text; `sponsors` runs are set in bold so a reader finds who proposed what. */
export interface TextPart {
  text: string;
  sponsors?: true;
}

function withSponsors(printed: string, openingLength: number, sponsors: readonly string[]): TextPart[] {
  const names = formatSponsors(sponsors);
  return [
    { text: printed.slice(0, openingLength) },
    { text: names, sponsors: true },
    { text: printed.slice(openingLength + names.length) },
  ];
}

/** A new paragraph's bracket in notation, each nested proposal's sponsors marked like its own. */
function nestedParts(sponsors: readonly string[], nested: readonly Segment[], printed: string): TextPart[] {
  const inner = printBrackets(nested);
  const opening = printed.slice(0, printed.length - inner.length - 1);
  return [
    ...withSponsors(opening, 1, sponsors),
    ...nested.flatMap((s, i) => partsOf(s, nested[i - 1], nested[i + 1])),
    { text: ']' },
  ];
}

function partsOf(segment: Segment, before: Segment | undefined, after: Segment | undefined): TextPart[] {
  switch (segment.type) {
    case 'text':
      // Mirrors printBrackets: a lone space between two groups of alternatives is escaped there.
      return [{ text: segment.text === ' ' && before?.type === 'alternatives' && after?.type === 'alternatives' ? '\\ ' : printBrackets([segment]) }];
    case 'insert':
      if (segment.nested && segment.nested.length > 0) return nestedParts(segment.sponsors, segment.nested, printBrackets([segment]));
      return withSponsors(printBrackets([segment]), 1, segment.sponsors);
    case 'delete':
    case 'replace':
      return withSponsors(printBrackets([segment]), 1, segment.sponsors);
    case 'alternatives':
      return segment.options.flatMap((o, i) => {
        const one = printBrackets([{ type: 'alternatives', options: [o] }]);
        const parts = withSponsors(one, `[Alt ${o.number} (`.length, o.sponsors);
        return i === 0 ? parts : [{ text: ' ' }, ...parts];
      });
  }
}

/** A bracket as a reader sees it, with no escapes: display formats mark brackets by styling, not by backslashes. */
function displayParts(segment: Exclude<Segment, { type: 'text' }>): TextPart[] {
  const open = (sponsors: readonly string[], rest: string): TextPart[] => [{ text: '[' }, { text: formatSponsors(sponsors), sponsors: true }, { text: rest }];
  switch (segment.type) {
    case 'insert':
      if (segment.nested && segment.nested.length > 0) {
        // Other delegations' proposals inside a delegation's new paragraph, one level deep.
        const inner = segment.nested.flatMap((s) => (s.type === 'text' ? [{ text: s.text }] : displayParts(s)));
        return [...open(segment.sponsors, ': '), ...inner, { text: ']' }];
      }
      return open(segment.sponsors, `: ${segment.text}]`);
    case 'delete':
      return open(segment.sponsors, segment.text === '' ? ': delete]' : `: delete: ${segment.text}]`);
    case 'replace':
      return open(segment.sponsors, `: replace “${segment.from}” with “${segment.to}”]`);
    case 'alternatives':
      return segment.options.flatMap((o, i) => [
        ...(i === 0 ? [] : [{ text: ' ' }]),
        { text: `[Alt ${o.number} (` },
        { text: formatSponsors(o.sponsors), sponsors: true as const },
        { text: `): ${o.text}]` },
      ]);
  }
}

/**
 * Each segment with its printed runs. In `notation` (plain text and DOCX, which the importer reads
 * back) their text joined is exactly `printBrackets` of the segments; in `display` (HTML, PDF,
 * Markdown, Akoma Ntoso) literal brackets and keywords are not escaped. The consensus draft has
 * no brackets at all and prints its words as they are.
 */
export function segmentRuns(
  model: Pick<DocModel, 'view'>,
  segments: readonly Segment[],
  mode: 'notation' | 'display' = 'notation',
): { segment: Segment; parts: TextPart[] }[] {
  if (model.view === 'consensus') {
    return segments.filter((s) => s.type === 'text').map((segment) => ({ segment, parts: [{ text: segment.text }] }));
  }
  return segments.map((segment, i) => {
    const parts = mode === 'notation' ? partsOf(segment, segments[i - 1], segments[i + 1]) : segment.type === 'text' ? [{ text: segment.text }] : displayParts(segment);
    return { segment, parts: parts.filter((p) => p.text !== '') };
  });
}

export function segmentParts(model: Pick<DocModel, 'view'>, segments: readonly Segment[], mode: 'notation' | 'display' = 'notation'): TextPart[] {
  return segmentRuns(model, segments, mode).flatMap((r) => r.parts);
}

export function printedText(model: Pick<DocModel, 'view'>, segments: readonly Segment[], mode: 'notation' | 'display' = 'notation'): string {
  return segmentParts(model, segments, mode)
    .map((p) => p.text)
    .join('');
}
