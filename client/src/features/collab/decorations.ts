import { decodeSponsors } from '@omnibus/shared/collab-model';
import type { Mark, Node } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { paragraphSchema } from './schema';
import { formatSponsorList, i18n } from '../../i18n';

export interface RemoteCursor {
  clientId: number;
  /** Delegation code, or the office's name. */
  label: string;
  color: string;
  anchor: number;
  head: number;
}

interface Run {
  mark: Mark;
  from: number;
  to: number;
}

/** Maximal runs of each bracket mark, by mark type and id. */
function runs(doc: Node): Run[] {
  const out: Run[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      const last = out.find((r) => r.mark.eq(mark) && r.to === pos);
      if (last) last.to = pos + node.nodeSize;
      else out.push({ mark, from: pos, to: pos + node.nodeSize });
    }
  });
  return out;
}

function el(tag: string, className: string, text: string, attrs: Record<string, string> = {}): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function opening(mark: Mark): string {
  const sponsors = formatSponsorList(decodeSponsors(String(mark.attrs.sponsors)));
  const kind = String(mark.attrs.kind);
  if (mark.type === paragraphSchema.marks.proposed) {
    return kind === 'alternative' ? i18n.t('collab:alt', { number: String(mark.attrs.n ?? 1), sponsors }) : i18n.t('collab:open.insert', { sponsors });
  }
  return i18n.t(kind === 'delete' ? 'collab:open.delete' : kind === 'replace' ? 'collab:open.replace' : 'collab:open.for', { sponsors });
}

/**
 * Brackets drawn as brackets with their sponsors, around the words they hold or mark. A
 * replacement reads as the notation writes it: [MEX: replace “old words” with “new words”].
 */
export function bracketDecorations(doc: Node): Decoration[] {
  const all = runs(doc);
  const decorations: Decoration[] = [];
  for (const r of all) {
    const id = String(r.mark.attrs.id);
    const isReplace = String(r.mark.attrs.kind) === 'replace';
    const marked = r.mark.type === paragraphSchema.marks.marked;
    // The new words of a replacement follow the words they replace: one bracket around both.
    const joined = isReplace && !marked && all.some((o) => o.mark.type === paragraphSchema.marks.marked && String(o.mark.attrs.id) === id && o.to === r.from);
    const sponsors = formatSponsorList(decodeSponsors(String(r.mark.attrs.sponsors)));
    const openText = isReplace ? (marked ? `${sponsors}: replace “` : joined ? ' with “' : `${sponsors}: with “`) : opening(r.mark);
    const closeText = isReplace ? (marked ? '”' : '”]') : ']';
    const open = () => {
      if (isReplace && !marked && joined) return el('span', 'yb-sponsors', openText);
      const span = el('span', 'yb-open', '[');
      span.append(el('span', 'yb-sponsors', openText));
      return span;
    };
    const close = () => el('span', isReplace && marked ? 'yb-sponsors' : 'yb-close', closeText);
    decorations.push(
      // Opening marks belong to the words after them, closing marks to the words before.
      Decoration.widget(r.from, open, { side: 1, marks: [], key: `o-${r.mark.type.name}-${id}-${openText}`, ignoreSelection: true }),
      Decoration.widget(r.to, close, { side: -1, marks: [], key: `c-${r.mark.type.name}-${id}-${closeText}`, ignoreSelection: true }),
    );
  }
  return decorations;
}

/** Other people's carets and selections, labelled by delegation. */
export function cursorDecorations(doc: Node, cursors: readonly RemoteCursor[]): Decoration[] {
  const size = doc.content.size;
  const decorations: Decoration[] = [];
  for (const c of cursors) {
    const head = Math.min(Math.max(c.head, 0), size);
    const anchor = Math.min(Math.max(c.anchor, 0), size);
    if (anchor !== head) {
      decorations.push(Decoration.inline(Math.min(anchor, head), Math.max(anchor, head), { class: 'yb-remote-selection', style: `background-color: ${c.color}33` }));
    }
    decorations.push(
      Decoration.widget(
        head,
        () => {
          // The label is drawn by CSS from data-cursor, so it is never part of the paragraph's text.
          return el('span', 'yb-caret', '', { 'data-cursor': c.label, style: `border-color: ${c.color}; --caret-color: ${c.color}` });
        },
        { side: 10, marks: [], key: `cursor-${c.clientId}-${c.label}-${c.color}`, ignoreSelection: true },
      ),
    );
  }
  return decorations;
}

// ProseMirror documents are immutable: the brackets of one are drawn once, however often cursors move.
const bracketsByDoc = new WeakMap<Node, Decoration[]>();

export function decorationSet(doc: Node, cursors: readonly RemoteCursor[]): DecorationSet {
  let brackets = bracketsByDoc.get(doc);
  if (!brackets) {
    brackets = bracketDecorations(doc);
    bracketsByDoc.set(doc, brackets);
  }
  return DecorationSet.create(doc, [...brackets, ...cursorDecorations(doc, cursors)]);
}
