import { decodeSponsors } from '@omnibus/shared/collab-model';
import type { Mark, Node, Slice } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
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
  // Only a run that reaches the start of a text node can go on through it: those of the node before.
  let open: Run[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    const next: Run[] = [];
    for (const mark of node.marks) {
      const last = open.find((r) => r.mark.eq(mark) && r.to === pos);
      if (last) last.to = pos + node.nodeSize;
      next.push(last ?? { mark, from: pos, to: pos + node.nodeSize });
      if (!last) out.push(next[next.length - 1] as Run);
    }
    open = next;
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
  // Where the marked words of each bracket end: the new words of its replacement may start there.
  const markedEnds = new Set(all.filter((o) => o.mark.type === paragraphSchema.marks.marked).map((o) => `${String(o.mark.attrs.id)}@${o.to}`));
  const decorations: Decoration[] = [];
  for (const r of all) {
    const id = String(r.mark.attrs.id);
    const isReplace = String(r.mark.attrs.kind) === 'replace';
    const marked = r.mark.type === paragraphSchema.marks.marked;
    // The new words of a replacement follow the words they replace: one bracket around both.
    const joined = isReplace && !marked && markedEnds.has(`${id}@${r.from}`);
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

const hasMarks = (node: Node | null | undefined): boolean => (node?.marks.length ?? 0) > 0;

function plainSlice(slice: Slice): boolean {
  let plain = true;
  slice.content.forEach((node) => {
    if (hasMarks(node)) plain = false;
  });
  return plain;
}

/**
 * Whether a transaction leaves every bracket run as it was, only moved: it types, deletes or
 * replaces base words only, and neither cuts a run in two nor joins two. Then the drawn brackets
 * are mapped through it; any other change (words in or at the edge of a bracket, a bracket
 * added or removed) draws them anew.
 */
function keepsRuns(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const before = tr.docs[i];
    if (!step || !before) return false;
    // The step classes live in prosemirror-transform; their JSON type names are part of its API.
    if ((step.toJSON() as { stepType: string }).stepType !== 'replace') return false;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
    if (!plainSlice(slice) || before.rangeHasMark(from, to, paragraphSchema.marks.proposed) || before.rangeHasMark(from, to, paragraphSchema.marks.marked)) return false;
    // The words on either side: base words on one side at least, or the change touches a bracket's edge.
    if (hasMarks(before.resolve(from).nodeBefore) && hasMarks(before.resolve(to).nodeAfter)) return false;
  }
  return true;
}

interface Brackets {
  set: DecorationSet;
  /** The interface language they were drawn in. */
  lang: string;
}

const bracketsKey = new PluginKey<Brackets>('omnibus/brackets');

const drawBrackets = (doc: Node): Brackets => ({ set: DecorationSet.create(doc, bracketDecorations(doc)), lang: i18n.language });

/**
 * Brackets drawn with their sponsors, kept from one transaction to the next: a keystroke in base
 * words maps them (work in proportion to the change); a change that may alter a bracket, or a new
 * interface language, draws them again from the document.
 */
export function bracketsPlugin(): Plugin<Brackets> {
  return new Plugin<Brackets>({
    key: bracketsKey,
    state: {
      init: (_config, state) => drawBrackets(state.doc),
      apply(tr, value) {
        if (value.lang !== i18n.language) return drawBrackets(tr.doc);
        if (!tr.docChanged) return value;
        return keepsRuns(tr) ? { set: value.set.map(tr.mapping, tr.doc), lang: value.lang } : drawBrackets(tr.doc);
      },
    },
    props: {
      decorations: (state) => bracketsKey.getState(state)?.set,
    },
  });
}

/** Other people's carets in a document, as a set of their own (the brackets are another). */
export function cursorSet(doc: Node, cursors: readonly RemoteCursor[]): DecorationSet {
  return cursors.length === 0 ? DecorationSet.empty : DecorationSet.create(doc, cursorDecorations(doc, cursors));
}
