import { BRACKET_ATTRIBUTE, BracketAttribute, BracketInput, bracketAttributeOf, markKey, proposedAttributes } from '@omnibus/shared';
import DiffMatchPatch from 'diff-match-patch';
import { deltaNow } from './text-runs';
import type { YText } from './yjs';

/** The server's own edits to a paragraph's Y.Text, in base-text terms; call inside a transaction. */

interface Run {
  index: number;
  str: string;
  attrs: Record<string, unknown>;
}

const dmp = new DiffMatchPatch();

function runs(text: YText): Run[] {
  let index = 0;
  return deltaNow(text).map((op) => {
    const str = typeof op.insert === 'string' ? op.insert : '\ufffc';
    const run = { index, str, attrs: op.attributes ?? {} };
    index += str.length;
    return run;
  });
}

const isProposed = (r: Run): boolean => r.attrs[BRACKET_ATTRIBUTE] !== undefined;

/** Y.Text index of each base character, and the end of the text. */
function baseIndices(all: Run[]): { at: number[]; end: number } {
  const at: number[] = [];
  let end = 0;
  for (const r of all) {
    if (!isProposed(r)) for (let i = 0; i < r.str.length; i++) at.push(r.index + i);
    end = r.index + r.str.length;
  }
  return { at, end };
}

/** Where words proposed at base offset `b` go: after any proposals already there, before base character b. */
function indexAtBase(all: Run[], b: number): number {
  const { at, end } = baseIndices(all);
  return at[b] ?? end;
}

/** Contiguous Y.Text segments covering base characters [from, to). */
function baseSegments(all: Run[], from: number, to: number): { index: number; length: number }[] {
  const { at } = baseIndices(all);
  const out: { index: number; length: number }[] = [];
  for (let b = from; b < to; b++) {
    const i = at[b];
    if (i === undefined) break;
    const last = out[out.length - 1];
    if (last && last.index + last.length === i) last.length++;
    else out.push({ index: i, length: 1 });
  }
  return out;
}

function marksOf(r: Run | undefined): Record<string, unknown> {
  if (!r || isProposed(r)) return {};
  return Object.fromEntries(Object.entries(r.attrs).filter(([k]) => k !== BRACKET_ATTRIBUTE));
}

function runAt(all: Run[], index: number): Run | undefined {
  return all.find((r) => index >= r.index && index < r.index + r.str.length);
}

function proposedRun(all: Run[], id: string): { index: number; str: string; attr: BracketAttribute } | null {
  const hits = all.filter((r) => (r.attrs[BRACKET_ATTRIBUTE] as BracketAttribute | undefined)?.id === id);
  const first = hits[0];
  if (!first) return null;
  return { index: first.index, str: hits.map((h) => h.str).join(''), attr: first.attrs[BRACKET_ATTRIBUTE] as BracketAttribute };
}

function markRuns(all: Run[], id: string): Run[] {
  return all.filter((r) => r.attrs[markKey(id)] !== undefined);
}

export function removeBracket(text: YText, id: string): void {
  const run = proposedRun(runs(text), id);
  if (run) text.delete(run.index, run.str.length);
  for (const r of markRuns(runs(text), id)) text.format(r.index, r.str.length, { [markKey(id)]: null });
}

export function reattribute(text: YText, id: string, attr: BracketAttribute): void {
  const run = proposedRun(runs(text), id);
  if (run) text.format(run.index, run.str.length, { [BRACKET_ATTRIBUTE]: { ...attr } });
  for (const r of markRuns(runs(text), id)) text.format(r.index, r.str.length, { [markKey(id)]: { ...attr } });
}

/** Turns a bracket's proposed words into `next` with the fewest changes, so live typing nearby survives. */
export function rewriteProposed(text: YText, id: string, next: string): void {
  const run = proposedRun(runs(text), id);
  if (!run) return;
  applyDiff(run.str, next, (offset, count) => text.delete(run.index + offset, count), (offset, str) => text.insert(run.index + offset, str, proposedAttributes(run.attr)));
}

/** Turns the base text into `next`; new base words take the marks their neighbours share. */
export function rewriteBase(text: YText, current: string, next: string): void {
  applyDiff(
    current,
    next,
    (offset, count) => {
      const segments = baseSegments(runs(text), offset, offset + count);
      for (const s of segments.reverse()) text.delete(s.index, s.length);
    },
    (offset, str) => {
      const all = runs(text);
      const index = indexAtBase(all, offset);
      const before = marksOf(runAt(all, baseIndices(all).at[offset - 1] ?? -1));
      const after = marksOf(runAt(all, index));
      const shared = Object.fromEntries(Object.entries(before).filter(([k]) => after[k] !== undefined));
      text.insert(index, str, shared);
    },
  );
}

/** Writes a bracket the document lacks, at base offsets of the document's current base text. */
export function addBracket(text: YText, b: BracketInput): void {
  const attr = bracketAttributeOf(b);
  if (b.kind !== 'insert') {
    for (const s of baseSegments(runs(text), b.start, b.end)) text.format(s.index, s.length, { [markKey(b.id)]: { ...attr } });
  }
  if (b.kind !== 'delete' && b.text !== '') {
    text.insert(indexAtBase(runs(text), b.kind === 'insert' ? b.start : b.end), b.text, proposedAttributes(attr));
  }
}

/** Maps an offset in `from` to the matching offset in `to`. */
export function mapOffset(from: string, to: string, offset: number): number {
  if (from === to) return offset;
  return dmp.diff_xIndex(dmp.diff_main(from, to), offset);
}

/** A three-way merge's text, and how many of the API change's patches found no place in the live text (those parts are missing). */
export interface Merge3Result {
  text: string;
  patches: number;
  failedPatches: number;
}

/** Three-way merge of texts: the API's change (ancestor → theirs) applied onto the live text (mine). */
export function merge3(ancestor: string, theirs: string, mine: string): Merge3Result {
  if (mine === ancestor) return { text: theirs, patches: 0, failedPatches: 0 };
  if (theirs === ancestor || theirs === mine) return { text: mine, patches: 0, failedPatches: 0 };
  const patches = dmp.patch_make(ancestor, theirs);
  const [merged, applied] = dmp.patch_apply(patches, mine);
  return { text: merged, patches: patches.length, failedPatches: applied.filter((ok) => !ok).length };
}

/** Calls back deletions and insertions turning `from` into `to`, last first so offsets stay valid. */
function applyDiff(from: string, to: string, del: (offset: number, count: number) => void, ins: (offset: number, str: string) => void): void {
  if (from === to) return;
  const diffs = dmp.diff_main(from, to);
  dmp.diff_cleanupSemantic(diffs);
  const edits: { offset: number; del?: number; ins?: string }[] = [];
  let offset = 0;
  for (const [op, str] of diffs) {
    if (op === 0) offset += str.length;
    else if (op === -1) {
      edits.push({ offset, del: str.length });
      offset += str.length;
    } else edits.push({ offset, ins: str });
  }
  for (const e of edits.reverse()) {
    if (e.del !== undefined) del(e.offset, e.del);
    else if (e.ins !== undefined) ins(e.offset, e.ins);
  }
}
