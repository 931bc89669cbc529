import type { AmendmentKind, Segment } from '@omnibus/shared';

export interface PlannedAmendment {
  kind: AmendmentKind;
  /** Offsets into the paragraph's base text, as the amendment table stores them. */
  start: number;
  end: number;
  text: string;
  /** Delegation codes as written in the bracket; resolved to the committee's delegations by the plan. */
  sponsors: string[];
  /** Alternatives of one bracket group share a group number within the paragraph. */
  alternativeGroup: number | null;
  alternativeNumber: number | null;
}

export interface BaseAndAmendments {
  text: string;
  amendments: PlannedAmendment[];
  errors: string[];
}

const point = (kind: AmendmentKind, at: number, text: string, sponsors: string[]): PlannedAmendment => ({
  kind,
  start: at,
  end: at,
  text,
  sponsors: [...sponsors],
  alternativeGroup: null,
  alternativeNumber: null,
});

/**
 * Splits a paragraph written in bracket notation into its base text and the amendments that the
 * brackets propose, with offsets into the base text: the inverse of `compileSegments`.
 *
 * Two things the notation does not say are settled as `compileSegments` prints them, so that a
 * compiled paragraph reads back to the same compiled paragraph: alternatives compete for the
 * words just before them (the printed form does not mark where those words begin, so they are
 * recorded at the point after them, and the single space printed before the group is not part of
 * the base text); and a bare "[US: delete]" at the start or end of a paragraph proposes to delete
 * the whole paragraph. Anywhere else it does not say which words it deletes, and is refused.
 */
export function amendmentsFromSegments(segments: readonly Segment[]): BaseAndAmendments {
  let base = '';
  const amendments: PlannedAmendment[] = [];
  const errors: string[] = [];
  let group = 0;
  let deleteAll = null as PlannedAmendment | null;
  for (const [i, s] of segments.entries()) {
    switch (s.type) {
      case 'text':
        base += s.text;
        break;
      case 'insert':
        amendments.push(point('insert', base.length, s.text, s.sponsors));
        break;
      case 'replace':
      case 'delete': {
        if (s.type === 'delete' && s.text === '') {
          const rest = segments.slice(i + 1);
          const atEnd = rest.every((r) => r.type === 'text' && r.text.trim() === '');
          if (base.trim() === '' || atEnd) deleteAll = point('delete', 0, '', s.sponsors);
          else errors.push(`"[${s.sponsors.join(', ')}: delete]" after "${tail(base)}" does not say which words it deletes: write [${s.sponsors.join(', ')}: delete: the words]`);
          break;
        }
        const start = base.length;
        base += s.type === 'delete' ? s.text : s.from;
        amendments.push({ ...point(s.type, start, s.type === 'replace' ? s.to : '', s.sponsors), end: base.length });
        break;
      }
      case 'alternatives': {
        const next = segments[i + 1];
        if (base.endsWith(' ') && !base.endsWith('  ') && !(next?.type === 'text' && /^\s/.test(next.text))) base = base.slice(0, -1);
        group += 1;
        for (const o of s.options) {
          amendments.push({ ...point('alternative', base.length, o.text, o.sponsors), alternativeGroup: group, alternativeNumber: o.number });
        }
        break;
      }
    }
  }
  if (deleteAll) amendments.push({ ...deleteAll, end: base.length });
  if (deleteAll && base.length === 0) errors.push('The paragraph proposes its own deletion but has no text to delete');
  return { text: base, amendments, errors };
}

function tail(text: string): string {
  const t = text.trimEnd();
  return t.length > 40 ? `…${t.slice(-40)}` : t;
}
