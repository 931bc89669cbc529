import { PARAGRAPH_FIELDS, bracketAttributeOf, projectDelta, sameBracketAttribute } from '@omnibus/shared';
import { addParagraph, paragraphFields } from './doc-builder';
import type { Ancestor, ParagraphSource } from './paragraph-source';
import { addBracket, mapOffset, merge3, reattribute, removeBracket, rewriteBase, rewriteProposed } from './text-edits';
import { deltaNow } from './text-runs';
import type { YMap, YText } from './yjs';

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Part of an API change that the three-way merge could not place in the live text (it is not in it). */
export interface MergeFailure {
  paragraphId: string;
  /** The amendment whose proposed text was merged; null for the paragraph's own text. */
  amendmentId: string | null;
  failedPatches: number;
  patches: number;
}

/**
 * Brings one paragraph of the live document up to what the database says, keeping live edits the
 * database has not seen yet: the API's change since `ancestor` is merged into the live text, not
 * written over it. Call inside one Yjs transaction. Returns whether anything changed; a part of the
 * API's change that found no place in the live text is told to `onMergeFailure`.
 */
export function reconcileParagraph(paragraphs: YMap<unknown>, src: ParagraphSource, ancestor: Ancestor | null, onMergeFailure: (failure: MergeFailure) => void = () => undefined): boolean {
  const existing = paragraphs.get(src.id) as YMap<unknown> | undefined;
  if (!existing) {
    addParagraph(paragraphs, src);
    return true;
  }
  let changed = false;
  for (const [key, value] of Object.entries(paragraphFields(src))) {
    if (!sameValue(existing.get(key), value)) {
      existing.set(key, value);
      changed = true;
    }
  }
  const text = existing.get(PARAGRAPH_FIELDS.text) as YText;
  const read = () => projectDelta(deltaNow(text));
  let live = read();
  if (!live.ok) return changed;
  const open = new Map(src.open.map((a) => [a.id, a]));
  for (const b of live.brackets) {
    // A bracket the database does not know yet was made live and awaits projection: keep it.
    if (!open.has(b.id) && src.statuses.has(b.id)) {
      removeBracket(text, b.id);
      changed = true;
    }
  }
  live = read();
  if (!live.ok) return changed;
  for (const b of live.brackets) {
    const a = open.get(b.id);
    if (!a) continue;
    const want = bracketAttributeOf(a);
    const have = bracketAttributeOf(b);
    if (!sameBracketAttribute(want, have)) {
      reattribute(text, b.id, want);
      changed = true;
    }
    const before = ancestor?.amendments[b.id];
    if (before !== undefined && before !== a.text) {
      const { text: merged, patches, failedPatches } = merge3(before, a.text, b.text);
      if (failedPatches > 0) onMergeFailure({ paragraphId: src.id, amendmentId: b.id, failedPatches, patches });
      if (merged !== b.text) {
        rewriteProposed(text, b.id, merged);
        changed = true;
      }
    }
  }
  live = read();
  if (!live.ok) return changed;
  if (ancestor && ancestor.base !== src.text) {
    const { text: merged, patches, failedPatches } = merge3(ancestor.base, src.text, live.base);
    if (failedPatches > 0) onMergeFailure({ paragraphId: src.id, amendmentId: null, failedPatches, patches });
    if (merged !== live.base) {
      rewriteBase(text, live.base, merged);
      changed = true;
    }
  }
  live = read();
  if (!live.ok) return changed;
  const present = new Set(live.brackets.map((b) => b.id));
  for (const a of src.open) {
    if (present.has(a.id)) continue;
    const start = mapOffset(src.text, live.base, a.start);
    const end = a.end === a.start ? start : mapOffset(src.text, live.base, a.end);
    addBracket(text, { ...a, start, end: Math.max(start, end) });
    changed = true;
    live = read();
    if (!live.ok) return changed;
  }
  if (changed) existing.set(PARAGRAPH_FIELDS.rev, ((existing.get(PARAGRAPH_FIELDS.rev) as number | undefined) ?? 0) + 1);
  return changed;
}
