/**
 * The consensus draft: the approved paragraphs only, with no brackets, operative paragraphs
 * numbered 1, 2, 3 … through the whole resolution (as the General Assembly numbers them), every
 * "paragraph 5 bis" rewritten to the new number, and reservations as footnotes.
 */
import type { Segment } from './brackets';
import type { DraftView, Literal, ParagraphView, SectionView } from './domain';
import { footnotesFor, literalSegments } from './export-compilation';
import { DocumentLanguage, documentWords } from './document-words';
import { DocModel, DocParagraph, ModelOptions, emptyModel, sectionArea, sectionHeading } from './export-model';
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

/** Runs of spaces left where brackets stood in older records print as one: a consensus draft is clean text. */
const singleSpaced = (s: string): string => s.replace(/ {2,}/g, ' ');

function agreedLiteral(l: Literal, map: ReadonlyMap<string, string>): Segment[] {
  return [{ type: 'text', text: singleSpaced(rewriteCrossReferences(agreedText(literalSegments(l)), map)) }];
}

const inPlay = (p: ParagraphView): boolean => p.status !== 'deleted' && p.status !== 'withdrawn';

/** "Inter-American Committee against Terrorism (CICTE) 1, 2 and 5 bis; preamble 3": where the missing paragraphs stand. */
function missingLabels(sections: readonly SectionView[], words: { and: string; preamble: string }, lang: DocumentLanguage): string {
  const parts: string[] = [];
  for (const s of sections) {
    const labels = s.paragraphs.filter((p) => inPlay(p) && !approved(p)).map((p) => p.label);
    if (labels.length === 0) continue;
    const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} ${words.and} ${labels[labels.length - 1]}`;
    parts.push(`${s.kind === 'preamble' ? words.preamble : (sectionHeading(s, lang) ?? s.key)} ${list}`);
  }
  return parts.join('; ');
}

const JOINERS = {
  en: { and: 'and', preamble: 'preamble' },
  es: { and: 'y', preamble: 'preámbulo' },
  fr: { and: 'et', preamble: 'préambule' },
  pt: { and: 'e', preamble: 'preâmbulo' },
} as const;

/**
 * The consensus draft's account of itself: how many paragraphs still in play are not approved and
 * where they stand, so that no one mistakes a partial text for the whole resolution.
 */
function consensusNotice(model: DocModel, draft: DraftView): void {
  const words = documentWords(model.lang);
  const all = draft.sections.flatMap((s) => s.paragraphs.filter(inPlay));
  const missing = all.filter((p) => !approved(p)).length;
  if (missing === 0) {
    model.notice = all.length === 0 ? null : words.complete(all.length);
    if (all.length > 0) model.frame.presentedLine = words.approved(model.frame.dateLine);
    return;
  }
  model.notice = words.missing(missing, all.length, missingLabels(draft.sections, JOINERS[model.lang], model.lang));
}

export function buildConsensusModel(draft: DraftView, options: ModelOptions): DocModel {
  const model = emptyModel('consensus', draft, options);
  consensusNotice(model, draft);
  const numbers = consensusNumbers(draft.sections);
  let footnote = model.titleFootnote.number;
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
      segments: [{ type: 'text', text: singleSpaced(rewriteCrossReferences(p.text, map)) }],
      literals: (p.literals ?? []).map((l) => ({ label: l.label, segments: agreedLiteral(l, map) })),
      note: null,
      footnotes: footnotesFor(p, next),
    }));
    if (paragraphs.length === 0) continue;
    model.sections.push({ id: s.id, kind: s.kind, key: s.key, heading: sectionHeading(s, model.lang), area: sectionArea(s, model.lang), paragraphs });
  }
  return model;
}
