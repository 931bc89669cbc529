import DiffMatchPatch from 'diff-match-patch';
import type { Literal, ParagraphStatus } from './domain';
import { isInPlay } from './domain';
import type { DraftRedline, ParagraphChange, ParagraphRedline, RedlineSide, WordDiff } from './redline-types';

/**
 * What a redline needs of a draft: a published version's snapshot and the live `DraftView` both
 * have this shape, so either side can be either.
 */
export interface RedlineParagraph {
  id: string;
  label: string;
  /** Deleted and withdrawn paragraphs count as absent from that side. */
  status?: ParagraphStatus;
  /** The negotiation text, brackets and sponsors included. */
  compiled: string;
  literals?: readonly Literal[];
}

export interface RedlineSnapshot {
  sections: readonly { key: string; paragraphs: readonly RedlineParagraph[] }[];
}

const CHANGES: readonly ParagraphChange[] = ['unchanged', 'modified', 'added', 'deleted', 'moved'];

// Words (with inner apostrophes), runs of white space, and single marks: brackets and commas are
// their own tokens so that "[CAN: , through …]" diffs as a bracket opening, not a changed word.
const TOKEN = /\s+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** One UTF-16 unit per distinct token, skipping the surrogate range so every code is a whole character. */
function codeFor(index: number): string {
  return String.fromCharCode(index < 0xd800 ? index : index + 0x800);
}

/**
 * Word-level diff: each distinct word becomes one character, diff-match-patch diffs those (so an
 * edit never splits a word), semantic cleanup merges the scatter of tiny equalities a person
 * would not read as separate changes, and the characters are turned back into words.
 */
export function diffWords(before: string, after: string): WordDiff[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const vocabulary: string[] = [''];
  const codes = new Map<string, string>();
  const encode = (text: string): string =>
    tokenize(text)
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = codeFor(vocabulary.length);
          vocabulary.push(token);
          codes.set(token, code);
        }
        return code;
      })
      .join('');
  const diffs = dmp.diff_main(encode(before), encode(after), false);
  dmp.diff_cleanupSemantic(diffs);
  const out: WordDiff[] = [];
  for (const d of diffs) {
    const op = d[0] === DiffMatchPatch.DIFF_INSERT ? 'insert' : d[0] === DiffMatchPatch.DIFF_DELETE ? 'delete' : 'equal';
    const text = [...d[1]].map((ch) => vocabulary[decode(ch)] ?? '').join('');
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  }
  return out;
}

function decode(ch: string): number {
  const code = ch.charCodeAt(0);
  return code < 0xd800 ? code : code - 0x800;
}

/** The text a redline compares: the negotiation text, then a mandates paragraph's literals one per line. */
export function redlineText(p: RedlineParagraph): string {
  const literals = (p.literals ?? []).map((l) => `${l.label}. ${l.text}`);
  return [p.compiled, ...literals].join('\n');
}

interface Placed {
  p: RedlineParagraph;
  sectionKey: string;
  /** Index in document order among the paragraphs in play on that side. */
  order: number;
}

function inPlay(snapshot: RedlineSnapshot): Placed[] {
  const out: Placed[] = [];
  for (const s of snapshot.sections) {
    for (const p of s.paragraphs) {
      if (p.status !== undefined && !isInPlay(p.status)) continue;
      out.push({ p, sectionKey: s.key, order: out.length });
    }
  }
  return out;
}

/**
 * Paragraphs present on both sides whose order relative to the others changed: those outside the
 * longest run kept in order. Moving one paragraph marks that one, not every paragraph it passed.
 */
function reordered(common: readonly { id: string; fromOrder: number }[]): Set<string> {
  const n = common.length;
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous = new Array<number>(n).fill(-1);
  common.forEach((c, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < c.fromOrder) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = c.fromOrder;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? (tailIndex[lo - 1] as number) : -1;
  });
  const kept = new Set<string>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i] as number) kept.add((common[i] as { id: string }).id);
  return new Set(common.filter((c) => !kept.has(c.id)).map((c) => c.id));
}

function entry(
  id: string,
  change: ParagraphChange,
  before: Placed | undefined,
  after: Placed | undefined,
  diff: WordDiff[],
): ParagraphRedline {
  return {
    paragraphId: id,
    change,
    sectionKeyBefore: before?.sectionKey ?? null,
    sectionKeyAfter: after?.sectionKey ?? null,
    labelBefore: before?.p.label ?? null,
    labelAfter: after?.p.label ?? null,
    diff,
  };
}

/**
 * A redline of two states of a draft, paragraph by paragraph, matched by id: a paragraph only on
 * the `to` side is added, one only on the `from` side deleted; one whose section, label or place
 * among the others changed is moved (its diff still shows any change of words); otherwise it is
 * modified or unchanged. Deleted paragraphs stand after the paragraph that preceded them in `from`.
 */
export function redlineDrafts(fromSide: RedlineSide, fromSnapshot: RedlineSnapshot, toSide: RedlineSide, toSnapshot: RedlineSnapshot): DraftRedline {
  const before = inPlay(fromSnapshot);
  const after = inPlay(toSnapshot);
  const beforeById = new Map(before.map((x) => [x.p.id, x]));
  const afterIds = new Set(after.map((x) => x.p.id));
  const moved = reordered(
    after.filter((x) => beforeById.has(x.p.id)).map((x) => ({ id: x.p.id, fromOrder: (beforeById.get(x.p.id) as Placed).order })),
  );

  // Each paragraph deleted since `from` is anchored to the nearest earlier paragraph that survives.
  const deletedAfter = new Map<string | null, Placed[]>();
  let anchor: string | null = null;
  for (const x of before) {
    if (afterIds.has(x.p.id)) {
      anchor = x.p.id;
      continue;
    }
    const list = deletedAfter.get(anchor) ?? [];
    list.push(x);
    deletedAfter.set(anchor, list);
  }
  const deletions = (key: string | null): ParagraphRedline[] =>
    (deletedAfter.get(key) ?? []).map((x) => entry(x.p.id, 'deleted', x, undefined, [{ op: 'delete', text: redlineText(x.p) }]));

  const paragraphs: ParagraphRedline[] = [...deletions(null)];
  for (const x of after) {
    const old = beforeById.get(x.p.id);
    if (!old) {
      paragraphs.push(entry(x.p.id, 'added', undefined, x, [{ op: 'insert', text: redlineText(x.p) }]));
    } else {
      const oldText = redlineText(old.p);
      const newText = redlineText(x.p);
      const diff = oldText === newText ? (newText === '' ? [] : [{ op: 'equal' as const, text: newText }]) : diffWords(oldText, newText);
      const relocated = old.sectionKey !== x.sectionKey || old.p.label !== x.p.label || moved.has(x.p.id);
      const change: ParagraphChange = relocated ? 'moved' : oldText === newText ? 'unchanged' : 'modified';
      paragraphs.push(entry(x.p.id, change, old, x, diff));
    }
    paragraphs.push(...deletions(x.p.id));
  }
  const summary = Object.fromEntries(CHANGES.map((c) => [c, 0])) as Record<ParagraphChange, number>;
  for (const p of paragraphs) summary[p.change] += 1;
  return { from: fromSide, to: toSide, paragraphs, summary };
}
