import type { TextDeltaOp } from '@omnibus/shared';
import { Y, type Item, type Transaction, type YText } from './yjs';

/**
 * A paragraph's text as it was before a transaction and as it is now, read from one item list.
 * Must run before Yjs garbage-collects the transaction's deletions (in `beforeObserverCalls`):
 * until then a deleted item still holds its words and its formatting.
 */
export function deltasAround(text: YText, tr: Transaction): { before: TextDeltaOp[]; after: TextDeltaOp[] } {
  const before = new RunBuilder();
  const after = new RunBuilder();
  let item = text._start;
  while (item !== null) {
    const existed = item.id.clock < (tr.beforeState.get(item.id.client) ?? 0);
    const visibleAfter = !item.deleted;
    const visibleBefore = existed && (visibleAfter || Y.isDeleted(tr.deleteSet, item.id));
    if (visibleBefore) before.add(item);
    if (visibleAfter) after.add(item);
    item = item.right;
  }
  return { before: before.ops, after: after.ops };
}

/** The current delta of a text, with the same run builder (so before/after compare like for like). */
export function deltaNow(text: YText): TextDeltaOp[] {
  const b = new RunBuilder();
  let item = text._start;
  while (item !== null) {
    if (!item.deleted) b.add(item);
    item = item.right;
  }
  return b.ops;
}

class RunBuilder {
  readonly ops: TextDeltaOp[] = [];
  private readonly attrs = new Map<string, unknown>();
  private changed = true;

  add(item: Item): void {
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) this.attrs.delete(content.key);
      else this.attrs.set(content.key, content.value);
      this.changed = true;
    } else if (content instanceof Y.ContentString) {
      const last = this.ops[this.ops.length - 1];
      if (!this.changed && last && typeof last.insert === 'string') {
        last.insert += content.str;
      } else {
        this.ops.push(this.attrs.size === 0 ? { insert: content.str } : { insert: content.str, attributes: Object.fromEntries(this.attrs) });
        this.changed = false;
      }
    } else if (content instanceof Y.ContentEmbed || content instanceof Y.ContentType || content instanceof Y.ContentAny || content instanceof Y.ContentJSON || content instanceof Y.ContentBinary || content instanceof Y.ContentDoc) {
      // Anything else counted in a text is an embed the model refuses; keep it visible to the check.
      this.ops.push({ insert: { embed: content.constructor.name } });
      this.changed = true;
    }
  }
}
