import { Fragment, type Mark, type Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import type * as Y from 'yjs';
import { BRACKET_ATTRIBUTE, MARK_ATTRIBUTE_PREFIX } from '@omnibus/shared/collab-model';
import { attributesOf, marksOf, paragraphSchema } from './schema';

/**
 * A ProseMirror editor bound to one paragraph's Y.Text. y-prosemirror binds a Y.XmlFragment; the
 * shared model keeps each paragraph in a Y.Text whose formatting attributes are the brackets, so
 * this binding translates both ways itself: Yjs deltas into ProseMirror steps (so selections and
 * remote cursors map through them) and ProseMirror steps into Y.Text edits.
 */
export const REMOTE_META = 'omnibus/y-remote';

type DeltaOp = { insert?: string | object; delete?: number; retain?: number; attributes?: Record<string, unknown> };

export function docFromYText(ytext: Y.Text): Node {
  const nodes: Node[] = [];
  for (const op of ytext.toDelta() as DeltaOp[]) {
    if (typeof op.insert === 'string' && op.insert !== '') nodes.push(paragraphSchema.text(op.insert, marksOf(op.attributes)));
  }
  return paragraphSchema.node('doc', null, Fragment.fromArray(nodes));
}

function marksIn(doc: Node, from: number, to: number, match: (m: Mark) => boolean): Mark[] {
  const found: Mark[] = [];
  doc.nodesBetween(from, to, (node) => {
    for (const m of node.marks) if (match(m) && !found.some((f) => f.eq(m))) found.push(m);
  });
  return found;
}

/** Applies one retained run's attribute changes as mark steps. */
function format(tr: Transaction, from: number, to: number, attributes: Record<string, unknown>): void {
  const { proposed, marked } = paragraphSchema.marks;
  for (const [key, value] of Object.entries(attributes)) {
    if (key === BRACKET_ATTRIBUTE) {
      if (value === null) tr.removeMark(from, to, proposed);
      else for (const m of marksOf({ [key]: value })) tr.addMark(from, to, m);
    } else if (key.startsWith(MARK_ATTRIBUTE_PREFIX)) {
      const id = key.slice(MARK_ATTRIBUTE_PREFIX.length);
      for (const m of marksIn(tr.doc, from, to, (x) => x.type === marked && x.attrs.id === id)) tr.removeMark(from, to, m);
      if (value !== null) for (const m of marksOf({ [key]: value })) tr.addMark(from, to, m);
    }
  }
}

/** The ProseMirror transaction that replays a remote Y.Text change. */
export function remoteTransaction(state: EditorState, delta: readonly DeltaOp[]): Transaction {
  const tr = state.tr;
  let pos = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      if (op.attributes) format(tr, pos, pos + op.retain, op.attributes);
      pos += op.retain;
    } else if (typeof op.insert === 'string') {
      if (op.insert !== '') tr.insert(pos, paragraphSchema.text(op.insert, marksOf(op.attributes)));
      pos += op.insert.length;
    } else if (op.delete !== undefined) {
      tr.delete(pos, pos + op.delete);
    }
  }
  return tr.setMeta(REMOTE_META, true).setMeta('addToHistory', false);
}

/**
 * Writes a local transaction's steps into the Y.Text, in one Yjs transaction. Positions match
 * one to one: the document holds inline text only.
 */
export function applyToYText(ytext: Y.Text, tr: Transaction, origin: unknown): void {
  const doc = ytext.doc;
  if (!doc) throw new Error('The paragraph text is not in a document');
  doc.transact(() => {
    for (const step of tr.steps) {
      // The step classes live in prosemirror-transform; their JSON type names are part of its API.
      const type = (step.toJSON() as { stepType: string }).stepType;
      if (type === 'replace') {
        const { from, to, slice } = step as unknown as { from: number; to: number; slice: { content: Fragment } };
        if (to > from) ytext.delete(from, to - from);
        let at = from;
        slice.content.forEach((node) => {
          if (node.isText && node.text) {
            // Explicit attributes: Yjs then clears any bracket the neighbouring text carries.
            ytext.insert(at, node.text, attributesOf(node.marks));
            at += node.text.length;
          }
        });
      } else if (type === 'addMark') {
        const { from, to, mark } = step as unknown as { from: number; to: number; mark: Mark };
        ytext.format(from, to - from, attributesOf([mark]));
      } else if (type === 'removeMark') {
        const { from, to, mark } = step as unknown as { from: number; to: number; mark: Mark };
        const key = Object.keys(attributesOf([mark]))[0];
        if (key) ytext.format(from, to - from, { [key]: null });
      } else {
        throw new Error(`A paragraph edit of kind ${type} cannot be shared`);
      }
    }
  }, origin);
}
