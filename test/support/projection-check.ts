import { BRACKET_ATTRIBUTE, COLLAB_DOC, compileParagraph, decodeSponsors, PARAGRAPH_FIELDS, projectDelta, TextDeltaOp, type DraftView, type ParagraphView } from '@omnibus/shared';
import type { Doc, YMap, YText } from '../../server/src/collaboration/yjs';

export interface ProjectedParagraph {
  id: string;
  base: string;
  brackets: { id: string; kind: string; start: number; end: number; text: string; sponsors: string[]; alternativeGroup: string | null; alternativeNumber: number | null }[];
  compiled: string;
}

/** Every paragraph of a draft's document as the paragraph and amendment tables should hold it. */
export function projectDocument(doc: Doc): Map<string, ProjectedParagraph> {
  const out = new Map<string, ProjectedParagraph>();
  const paragraphs = doc.getMap<unknown>(COLLAB_DOC.paragraphs);
  for (const id of paragraphs.keys()) {
    const p = paragraphs.get(id) as YMap<unknown>;
    const projected = projectDelta((p.get(PARAGRAPH_FIELDS.text) as YText).toDelta() as TextDeltaOp[]);
    if (!projected.ok) throw new Error(`paragraph ${id} of the document cannot be projected: ${projected.problem}`);
    const brackets = projected.brackets
      .map((b) => ({ id: b.id, kind: b.kind, start: b.start, end: b.end, text: b.text, sponsors: [...b.sponsors], alternativeGroup: b.alternativeGroup, alternativeNumber: b.alternativeNumber }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const sponsors = p.get(PARAGRAPH_FIELDS.origin) === 'delegation' ? decodeSponsors(String(p.get(PARAGRAPH_FIELDS.sponsors) ?? '')) : [];
    out.set(id, { id, base: projected.base, brackets, compiled: compileParagraph({ text: projected.base, sponsors, amendments: projected.brackets }) });
  }
  return out;
}

/** A paragraph of the REST API in the same shape. */
export function projectView(p: ParagraphView): ProjectedParagraph {
  const brackets = p.amendments
    .filter((a) => a.status === 'proposed')
    .map((a) => ({ id: a.id, kind: a.kind, start: a.start, end: a.end, text: a.text, sponsors: [...a.sponsors], alternativeGroup: a.alternativeGroup, alternativeNumber: a.alternativeNumber }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { id: p.id, base: p.text, brackets, compiled: p.compiled };
}

/**
 * Where the REST API differs from the document: one line per paragraph whose text, open amendments
 * (kind, range, words, sponsors) or compiled text differ, or that only one of them has.
 */
export function differences(doc: Doc, draft: DraftView): string[] {
  const expected = projectDocument(doc);
  const rest = new Map(draft.sections.flatMap((s) => s.paragraphs).map((p) => [p.id, projectView(p)]));
  const out: string[] = [];
  for (const [id, want] of expected) {
    const got = rest.get(id);
    if (!got) {
      out.push(`${id}: in the document, not in the REST draft`);
      continue;
    }
    if (got.base !== want.base) out.push(`${id}: text ${JSON.stringify(got.base)} ≠ document ${JSON.stringify(want.base)}`);
    if (JSON.stringify(got.brackets) !== JSON.stringify(want.brackets)) out.push(`${id}: amendments ${JSON.stringify(got.brackets)} ≠ document ${JSON.stringify(want.brackets)}`);
    else if (got.compiled !== want.compiled) out.push(`${id}: compiled ${JSON.stringify(got.compiled)} ≠ document ${JSON.stringify(want.compiled)}`);
  }
  for (const id of rest.keys()) if (!expected.has(id)) out.push(`${id}: in the REST draft, not in the document`);
  return out;
}

/** Where word `n` of a text starts (words separated by spaces; counted modulo the number of words). */
export function wordStart(base: string, n: number): number {
  const starts = [0];
  for (let i = 0; i < base.length - 1; i++) if (base[i] === ' ' && base[i + 1] !== ' ') starts.push(i + 1);
  return starts[n % starts.length]!;
}

/**
 * The index in a paragraph's Y.Text just after `baseOffset` characters of base text (text outside
 * any proposed words): where an insertion at that base offset goes. Two insertions at the same
 * base offset have no order the amendment rows could keep, so tests give each its own.
 */
export function indexOfBase(text: YText, baseOffset: number): number {
  if (baseOffset === 0) return 0;
  let index = 0;
  let base = 0;
  for (const op of text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
    const proposed = op.attributes?.[BRACKET_ATTRIBUTE] !== undefined;
    if (!proposed && base + op.insert.length >= baseOffset) return index + (baseOffset - base);
    index += op.insert.length;
    if (!proposed) base += op.insert.length;
  }
  return index;
}
