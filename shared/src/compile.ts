import { InsertSegment, Segment, printBrackets } from './brackets';

export interface CompilableAmendment {
  kind: 'insert' | 'delete' | 'replace' | 'alternative';
  start: number;
  end: number;
  text: string;
  sponsors: readonly string[];
  alternativeGroup: string | null;
  alternativeNumber: number | null;
}

/**
 * The negotiation text of one paragraph: the base text with each open amendment written where it
 * applies, in the seed's bracket notation. A paragraph proposed by delegations is one bracket in
 * their names. Amendments whose ranges overlap an earlier one are written at the point where the
 * earlier one ends, naming their words, so nothing proposed is ever hidden.
 */
export function compileSegments(input: { text: string; sponsors: readonly string[]; amendments: readonly CompilableAmendment[] }): Segment[] {
  if (input.sponsors.length > 0) {
    // A delegation's new paragraph is one bracket in its sponsors' names; other delegations'
    // amendments to it are brackets nested inside that one.
    const whole: InsertSegment = { type: 'insert', sponsors: [...input.sponsors], text: input.text };
    if (input.amendments.length > 0) whole.nested = compileSegments({ text: input.text, sponsors: [], amendments: input.amendments });
    return [whole];
  }
  const base = input.text;
  const ordered = [...input.amendments].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.alternativeNumber ?? 0) - (b.alternativeNumber ?? 0),
  );
  const segments: Segment[] = [];
  const pushText = (text: string) => {
    if (text !== '') segments.push({ type: 'text', text });
  };
  const done = new Set<string>();
  let cursor = 0;
  for (const a of ordered) {
    if (a.kind === 'alternative' && a.alternativeGroup !== null) {
      if (done.has(a.alternativeGroup)) continue;
      done.add(a.alternativeGroup);
    }
    const start = Math.max(a.start, cursor);
    pushText(base.slice(cursor, start));
    cursor = start;
    const overlaps = a.start < start;
    const words = base.slice(a.start, a.end);
    const sponsors = [...a.sponsors];
    switch (a.kind) {
      case 'insert':
        segments.push({ type: 'insert', sponsors, text: a.text });
        break;
      case 'delete':
        segments.push({ type: 'delete', sponsors, text: words });
        if (!overlaps) cursor = a.end;
        break;
      case 'replace':
        segments.push({ type: 'replace', sponsors, from: words, to: a.text });
        if (!overlaps) cursor = a.end;
        break;
      case 'alternative': {
        const group = ordered
          .filter((o) => o.kind === 'alternative' && o.alternativeGroup === a.alternativeGroup)
          .map((o) => ({ number: o.alternativeNumber ?? 1, sponsors: [...o.sponsors], text: o.text }));
        if (!overlaps) {
          pushText(words);
          cursor = a.end;
        }
        const last = segments[segments.length - 1];
        if (last?.type === 'text' && !/\s$/.test(last.text)) pushText(' ');
        segments.push({ type: 'alternatives', options: group });
        break;
      }
      default: {
        const unreachable: never = a.kind;
        throw new Error(`unknown amendment kind ${String(unreachable)}`);
      }
    }
  }
  pushText(base.slice(cursor));
  return mergeText(segments);
}

function mergeText(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (s.type === 'text' && last?.type === 'text') last.text += s.text;
    else out.push(s.type === 'text' ? { ...s } : s);
  }
  return out;
}

export function compileParagraph(input: { text: string; sponsors: readonly string[]; amendments: readonly CompilableAmendment[] }): string {
  return printBrackets(compileSegments(input));
}
