import type { BracketAttribute } from '@omnibus/shared/collab-model';
import { BRACKET_ATTRIBUTE, MARK_ATTRIBUTE_PREFIX, bracketAttributeProblem, markKey } from '@omnibus/shared/collab-model';
import { Schema, type Mark, type MarkSpec } from 'prosemirror-model';

const bracketAttrs = { id: {}, kind: {}, sponsors: {}, group: { default: null }, n: { default: null } };

/**
 * One paragraph's text: inline text only, with two marks mirroring the Y.Text attributes of the
 * shared model. `proposed` holds a bracket's own words; `marked` the base words a bracket deletes,
 * replaces or competes for (several may overlap, hence `excludes: ''`).
 */
export const paragraphSchema = new Schema({
  nodes: {
    doc: { content: 'text*' },
    text: {},
  },
  marks: {
    proposed: {
      attrs: bracketAttrs,
      // Typing at the end of a bracket's words continues them, as in a word processor.
      inclusive: true,
      parseDOM: [],
      toDOM: (m: Mark) => ['span', { class: `yb-proposed yb-${String(m.attrs.kind)}`, 'data-bracket': String(m.attrs.id) }, 0],
    } satisfies MarkSpec,
    marked: {
      attrs: bracketAttrs,
      inclusive: false,
      excludes: '',
      parseDOM: [],
      toDOM: (m: Mark) => ['span', { class: `yb-marked yb-${String(m.attrs.kind)}`, 'data-mark': String(m.attrs.id) }, 0],
    } satisfies MarkSpec,
  },
});

export function attributeOf(mark: Mark): BracketAttribute {
  const a = mark.attrs as { id: string; kind: BracketAttribute['kind']; sponsors: string; group: string | null; n: number | null };
  const out: BracketAttribute = { id: a.id, kind: a.kind, sponsors: a.sponsors };
  if (a.group !== null) out.group = a.group;
  if (a.n !== null) out.n = a.n;
  return out;
}

/** Y.Text attributes of one run → ProseMirror marks; attributes outside the model are ignored. */
export function marksOf(attributes: Record<string, unknown> | undefined): Mark[] {
  const marks: Mark[] = [];
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || bracketAttributeProblem(value) !== null) continue;
    const v = value as BracketAttribute;
    const attrs = { id: v.id, kind: v.kind, sponsors: v.sponsors, group: v.group ?? null, n: v.n ?? null };
    if (key === BRACKET_ATTRIBUTE) marks.push(paragraphSchema.marks.proposed.create(attrs));
    else if (key.startsWith(MARK_ATTRIBUTE_PREFIX)) marks.push(paragraphSchema.marks.marked.create(attrs));
  }
  return marks;
}

/** ProseMirror marks → the complete Y.Text attributes a run must carry (absent ones set to null by Yjs). */
export function attributesOf(marks: readonly Mark[]): Record<string, BracketAttribute> {
  const out: Record<string, BracketAttribute> = {};
  for (const m of marks) {
    if (m.type === paragraphSchema.marks.proposed) out[BRACKET_ATTRIBUTE] = attributeOf(m);
    else if (m.type === paragraphSchema.marks.marked) out[markKey(String(m.attrs.id))] = attributeOf(m);
  }
  return out;
}
