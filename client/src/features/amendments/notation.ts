import { printBrackets, type Segment } from '@omnibus/shared/brackets';
import type { AmendmentKind, AmendmentView } from '@omnibus/shared';
import { i18n } from '../../i18n';

/** The kind of an amendment in words, in the person's language ("Replacement", "Sustitución"). */
export const kindName = (kind: AmendmentKind): string => i18n.t(`amendments:kind.${kind}`);

/** One amendment written as its bracket, e.g. `[MEX: replace “x” with “y”]`. */
export function amendmentNotation(input: {
  kind: AmendmentKind;
  words: string;
  text: string;
  sponsors: readonly string[];
  alternativeNumber?: number | null;
}): string {
  const sponsors = [...input.sponsors];
  let segment: Segment;
  switch (input.kind) {
    case 'insert':
      segment = { type: 'insert', sponsors, text: input.text };
      break;
    case 'delete':
      segment = { type: 'delete', sponsors, text: input.words };
      break;
    case 'replace':
      segment = { type: 'replace', sponsors, from: input.words, to: input.text };
      break;
    case 'alternative':
      segment = { type: 'alternatives', options: [{ number: input.alternativeNumber ?? 1, sponsors, text: input.text }] };
      break;
  }
  try {
    return printBrackets([segment]);
  } catch {
    // A sponsor list the printer rejects (none yet): show the words plainly instead of nothing.
    return input.text || input.words;
  }
}

export function notationOf(a: AmendmentView, base: string): string {
  return amendmentNotation({
    kind: a.kind,
    words: base.slice(a.start, a.end),
    text: a.text,
    sponsors: a.sponsors,
    alternativeNumber: a.alternativeNumber,
  });
}

/** An alternative already proposed for exactly these words, which a new one joins as Alt n+1. */
export function alternativeGroupFor(amendments: readonly AmendmentView[], start: number, end: number): { to: AmendmentView; next: number } | null {
  const group = amendments.filter((a) => a.status === 'proposed' && a.kind === 'alternative' && a.start === start && a.end === end);
  const first = group[0];
  if (!first) return null;
  return { to: first, next: Math.max(...group.map((a) => a.alternativeNumber ?? 1)) + 1 };
}
