/**
 * The consensus draft: the approved paragraphs only, with no brackets, operative paragraphs
 * numbered 1, 2, 3 … through the whole resolution (as the General Assembly numbers them), every
 * "paragraph 5 bis" rewritten to the new number, and reservations as footnotes.
 */
import type { Segment } from './brackets';
import type { DraftView, Literal, ParagraphView, SectionView } from './domain';
import { footnotesFor, literalSegments } from './export-compilation';
import { DocModel, DocParagraph, emptyModel, sectionHeading } from './export-model';
import { normalizeLabel, renumber, rewriteCrossReferences } from './labels';

/**
 * What was agreed of a text that still carries brackets: its own words, with every proposal that
 * was never agreed left out (an unagreed deletion keeps its words, an unagreed replacement its
 * old words). Where a dropped bracket stood between two spaces, one of them goes with it.
 */
export function agreedText(segments: readonly Segment[]): string {
  let out = '';
  let dropped = false;
  for (const s of segments) {
    const kept = s.type === 'text' || s.type === 'delete' ? s.text : s.type === 'replace' ? s.from : null;
    if (kept === null) {
      dropped = true;
      continue;
    }
    out += dropped && out.endsWith(' ') && kept.startsWith(' ') ? kept.slice(1) : kept;
    dropped = false;
  }
  return out;
}

const approved = (p: ParagraphView): boolean => p.status === 'approved';

/**
 * New numbers keyed by section and old label. Labels are unique only within a section, so a
 * reference is read against its own section's map.
 */
export function consensusNumbers(sections: readonly SectionView[]): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  let offset = 0;
  for (const s of sections) {
    const labels = s.kind === 'preamble' ? [] : s.paragraphs.filter(approved).map((p) => p.label);
    const local = renumber(labels);
    const global = new Map<string, string>();
    for (const [label, n] of local) global.set(label, String(offset + Number(n)));
    offset += labels.length;
    maps.set(s.id, global);
  }
  return maps;
}

function agreedLiteral(l: Literal, map: ReadonlyMap<string, string>): Segment[] {
  return [{ type: 'text', text: rewriteCrossReferences(agreedText(literalSegments(l)), map) }];
}

export function buildConsensusModel(draft: DraftView, options: { date: string }): DocModel {
  const model = emptyModel('consensus', { title: draft.title, symbol: draft.symbol, date: options.date });
  const numbers = consensusNumbers(draft.sections);
  let footnote = 0;
  const next = () => ++footnote;
  for (const s of draft.sections) {
    const map = numbers.get(s.id) ?? new Map<string, string>();
    const paragraphs: DocParagraph[] = s.paragraphs.filter(approved).map((p) => ({
      id: p.id,
      number: s.kind === 'preamble' ? null : (map.get(normalizeLabel(p.label) ?? p.label) ?? null),
      label: p.label,
      kind: p.kind,
      state: p.state,
      status: p.status,
      sponsors: [],
      segments: [{ type: 'text', text: rewriteCrossReferences(p.text, map) }],
      literals: (p.literals ?? []).map((l) => ({ label: l.label, segments: agreedLiteral(l, map) })),
      note: null,
      footnotes: footnotesFor(p, next),
    }));
    if (paragraphs.length === 0) continue;
    model.sections.push({ id: s.id, kind: s.kind, key: s.key, heading: sectionHeading(s), area: s.area ?? null, paragraphs });
  }
  return model;
}
