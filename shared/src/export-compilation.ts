/**
 * The compilation text: every paragraph of the draft with its negotiation label, its open
 * proposals in bracket notation with their sponsors, and a note of its state and status. It is
 * the document delegations negotiate on paper, and it reads back through the importer unchanged.
 */
import { Segment, parseBrackets } from './brackets';
import { compileSegments } from './compile';
import type { DraftView, Literal, ParagraphView } from './domain';
import { DocFootnote, DocLiteral, DocModel, DocSection, ModelOptions, emptyModel, sectionArea, sectionHeading } from './export-model';
import { reservationFootnote, reservationsOf } from './export-reservations';
import { formatStatusNote } from './export-status-note';
import { normalizeLabel } from './labels';
import { compilationNumbers, rewriteSegments } from './resolution-numbering';

export function literalSegments(l: Literal): Segment[] {
  const parsed = parseBrackets(l.text);
  // A literal whose brackets do not parse is still printed, as the words it holds.
  return parsed.ok ? parsed.segments : [{ type: 'text', text: l.text }];
}

export function footnotesFor(p: ParagraphView, next: () => number): DocFootnote[] {
  return reservationsOf(p).map((r) => ({ number: next(), text: reservationFootnote(r) }));
}

export function buildCompilationModel(draft: DraftView, options: ModelOptions): DocModel {
  const model = emptyModel('compilation', draft, options);
  let footnote = model.titleFootnote.number;
  const next = () => ++footnote;
  const numbers = compilationNumbers(draft.sections);
  for (const s of draft.sections) {
    if (s.paragraphs.length === 0) continue;
    const map = numbers.get(s.id) ?? new Map<string, string>();
    const section: DocSection = { id: s.id, kind: s.kind, key: s.key, heading: sectionHeading(s, model.lang), area: sectionArea(s, model.lang), paragraphs: [] };
    for (const p of s.paragraphs) {
      const open = p.amendments.filter((a) => a.status === 'proposed');
      const literals: DocLiteral[] = (p.literals ?? []).map((l) => ({ label: l.label, segments: rewriteSegments(literalSegments(l), map) }));
      section.paragraphs.push({
        id: p.id,
        // Numbered straight through the resolution, as the consensus draft and OAS resolutions are;
        // preambular paragraphs are not numbered.
        number: s.kind === 'preamble' ? null : (map.get(normalizeLabel(p.label) ?? p.label) ?? p.label),
        label: p.label,
        kind: p.kind,
        state: p.state,
        status: p.status,
        sponsors: [...p.sponsors],
        segments: rewriteSegments(compileSegments({ text: p.text, sponsors: p.origin === 'delegation' ? p.sponsors : [], amendments: open }), map),
        literals,
        note: formatStatusNote(p.state, p.status),
        footnotes: footnotesFor(p, next),
      });
    }
    model.sections.push(section);
  }
  return model;
}
