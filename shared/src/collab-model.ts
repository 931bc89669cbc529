import { areDistinctSponsorCodes } from './brackets';
import type { CompilableAmendment } from './compile';
import { AMENDMENT_KINDS, type AmendmentKind } from './domain';

/**
 * How a draft maps onto its Y.Doc (one Y.Doc per draft; see docs/realtime.md):
 *
 *   doc.getMap('paragraphs')            Y.Map<paragraphId, Y.Map>   one entry per paragraph
 *     .get(id).get('text')              Y.Text  the negotiation text: base words and brackets
 *     .get(id).get('label' | 'sectionId' | 'kind' | 'status' | 'origin' | 'sponsors' | 'literals' | 'rev')
 *   doc.getMap('sections')              Y.Map<sectionId, SectionInfo>  plain values
 *   doc.getMap('meta')                  Y.Map: draftId, symbol, title
 *
 * Only the text of a paragraph is co-edited; every other value is written by the server from the
 * database and a client that changes one is refused.
 *
 * Inside the Y.Text, base text carries no bracket attribute. A bracket is a marked span:
 *  - proposed words (an insertion, the new words of a replacement, the text of an alternative)
 *    carry the attribute `bracket` = BracketAttribute; they are not part of the base text;
 *  - base words an amendment deletes, replaces or offers alternatives to carry the attribute
 *    `mark:<amendment id>` = BracketAttribute; several marks may overlap.
 * The new words of a replacement or alternative sit right after the words they replace.
 */
export const COLLAB_DOC = {
  paragraphs: 'paragraphs',
  sections: 'sections',
  meta: 'meta',
} as const;

export const PARAGRAPH_FIELDS = {
  text: 'text',
  label: 'label',
  sectionId: 'sectionId',
  kind: 'kind',
  status: 'status',
  origin: 'origin',
  /** Comma-joined codes of a delegation's new paragraph ("CH,MEX,US"), '' for the Chair's text. */
  sponsors: 'sponsors',
  /** A mandates paragraph's literals as `Literal[]` (the text holds its chapeau); null otherwise. */
  literals: 'literals',
  /** Bumped by the server each time it writes a change made through the REST API into the text. */
  rev: 'rev',
} as const;

export interface SectionInfo {
  kind: string;
  key: string;
  title: string;
  position: number;
}

export const BRACKET_ATTRIBUTE = 'bracket';
export const MARK_ATTRIBUTE_PREFIX = 'mark:';

/**
 * The value of a `bracket` or `mark:<id>` attribute. Flat on purpose: Yjs compares attribute values
 * shallowly, so an array of sponsors would make equal brackets look different.
 */
export interface BracketAttribute {
  /** The amendment's id (a UUID); a new bracket takes a fresh UUID chosen by the client. */
  id: string;
  kind: AmendmentKind;
  /** Sponsor codes joined by commas, proposer first: "CH,MEX,US". */
  sponsors: string;
  /** Alternatives only: the group they compete in, and their number in it. */
  group?: string;
  n?: number;
}

/** One op of `Y.Text#toDelta()`. */
export interface TextDeltaOp {
  insert: string | object;
  attributes?: Record<string, unknown>;
}

export interface ProjectedBracket extends CompilableAmendment {
  id: string;
  sponsors: string[];
  /** The base words the bracket marks (deleted, replaced, or competed for); '' for an insertion. */
  words: string;
}

export type DeltaProjection =
  | { ok: true; base: string; brackets: ProjectedBracket[] }
  | { ok: false; problem: string; amendmentId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const markKey = (amendmentId: string): string => `${MARK_ATTRIBUTE_PREFIX}${amendmentId}`;
export const encodeSponsors = (codes: readonly string[]): string => codes.join(',');
export const decodeSponsors = (sponsors: string): string[] => (sponsors === '' ? [] : sponsors.split(','));

/** Attributes for proposed words (insertion, replacement's new words, an alternative's text). */
export function proposedAttributes(b: BracketAttribute): Record<string, BracketAttribute> {
  return { [BRACKET_ATTRIBUTE]: { ...b } };
}

/** Attributes marking base words for a deletion, replacement or alternative. */
export function markAttributes(b: BracketAttribute): Record<string, BracketAttribute> {
  return { [markKey(b.id)]: { ...b } };
}

/** Null when the value is a well-formed bracket attribute; otherwise what is wrong with it. */
export function bracketAttributeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a bracket attribute must be an object';
  const v = value as Record<string, unknown>;
  const allowed = new Set(['id', 'kind', 'sponsors', 'group', 'n']);
  const extra = Object.keys(v).find((k) => !allowed.has(k));
  if (extra !== undefined) return `a bracket attribute has no field "${extra.slice(0, 40)}"`;
  if (typeof v.id !== 'string' || !UUID.test(v.id)) return 'a bracket needs a UUID as its id';
  if (typeof v.kind !== 'string' || !(AMENDMENT_KINDS as readonly string[]).includes(v.kind)) return 'a bracket kind is insert, delete, replace or alternative';
  if (typeof v.sponsors !== 'string') return 'bracket sponsors are delegation codes joined by commas';
  const codes = decodeSponsors(v.sponsors);
  if (codes.length === 0 || !areDistinctSponsorCodes(codes)) {
    return 'bracket sponsors are distinct delegation codes joined by commas, such as "CH,MEX"';
  }
  const isAlternative = v.kind === 'alternative';
  if (isAlternative !== (v.group !== undefined) || isAlternative !== (v.n !== undefined)) {
    return 'an alternative, and only an alternative, carries a group and a number';
  }
  if (isAlternative && (typeof v.group !== 'string' || !UUID.test(v.group))) return 'an alternative group is a UUID';
  if (isAlternative && (typeof v.n !== 'number' || !Number.isSafeInteger(v.n) || v.n < 1)) return 'an alternative is numbered 1, 2, 3 …';
  return null;
}

export function sameBracketAttribute(a: BracketAttribute, b: BracketAttribute): boolean {
  return a.id === b.id && a.kind === b.kind && a.sponsors === b.sponsors && a.group === b.group && a.n === b.n;
}

interface Collected {
  attr: BracketAttribute;
  text: string;
  /** Negotiation-text positions (base and proposed characters counted together). */
  insFrom: number;
  insTo: number;
  insBase: number;
  markFrom: number;
  markTo: number;
}

type Fail = { ok: false; problem: string; amendmentId?: string };
const fail = (problem: string, amendmentId?: string): Fail => (amendmentId === undefined ? { ok: false, problem } : { ok: false, problem, amendmentId });

/**
 * Reads a paragraph's Y.Text delta back into its base text and its brackets, the way the server
 * stores them (offsets into the base text). Refuses anything the model cannot express: embeds,
 * unknown attributes, a bracket split in two, proposed words away from the words they replace.
 */
export function projectDelta(delta: readonly TextDeltaOp[]): DeltaProjection {
  let base = '';
  let pos = 0;
  const byId = new Map<string, Collected>();
  const collect = (attr: BracketAttribute): Collected | Fail => {
    const seen = byId.get(attr.id);
    if (!seen) {
      const c: Collected = { attr, text: '', insFrom: -1, insTo: -1, insBase: -1, markFrom: -1, markTo: -1 };
      byId.set(attr.id, c);
      return c;
    }
    return sameBracketAttribute(seen.attr, attr) ? seen : fail(`bracket ${attr.id} carries two different attributions`, attr.id);
  };
  for (const op of delta) {
    if (typeof op.insert !== 'string') return fail('a paragraph holds text only, no embedded objects');
    const text = op.insert;
    const attrs = op.attributes ?? {};
    let proposed: BracketAttribute | null = null;
    const marks: BracketAttribute[] = [];
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue;
      const problem = bracketAttributeProblem(value);
      if (problem !== null) return fail(problem);
      const attr = value as BracketAttribute;
      if (key === BRACKET_ATTRIBUTE) proposed = attr;
      else if (key.startsWith(MARK_ATTRIBUTE_PREFIX) && key.slice(MARK_ATTRIBUTE_PREFIX.length) === attr.id) marks.push(attr);
      else return fail(`the attribute "${key.slice(0, 60)}" is not part of the document model`);
    }
    if (proposed !== null) {
      if (marks.length > 0) return fail('proposed words cannot be marked by another bracket', proposed.id);
      if (proposed.kind === 'delete') return fail('a deletion proposes no words of its own', proposed.id);
      const c = collect(proposed);
      if ('ok' in c) return c;
      if (c.insFrom >= 0 && c.insTo !== pos) return fail(`the proposed words of bracket ${proposed.id} are split in two`, proposed.id);
      if (c.insFrom < 0) {
        c.insFrom = pos;
        c.insBase = base.length;
      }
      c.insTo = pos + text.length;
      c.text += text;
    } else {
      for (const m of marks) {
        if (m.kind === 'insert') return fail('an insertion marks no base words', m.id);
        const c = collect(m);
        if ('ok' in c) return c;
        if (c.markFrom >= 0 && c.markTo !== base.length) return fail(`the words marked by bracket ${m.id} are split in two`, m.id);
        if (c.markFrom < 0) c.markFrom = base.length;
        c.markTo = base.length + text.length;
      }
      base += text;
    }
    pos += text.length;
  }
  const brackets: ProjectedBracket[] = [];
  const groups = new Map<string, { start: number; end: number; numbers: Set<number> }>();
  for (const c of byId.values()) {
    const { attr } = c;
    const hasIns = c.insFrom >= 0;
    const hasMark = c.markFrom >= 0;
    // An alternative may compete for no words at all (a point), like the API allows.
    const needsMark = attr.kind === 'delete' || attr.kind === 'replace';
    const mayMark = attr.kind !== 'insert';
    const needsIns = attr.kind !== 'delete';
    if ((needsMark && !hasMark) || (hasMark && !mayMark) || needsIns !== hasIns) {
      return fail(`bracket ${attr.id} (${attr.kind}) lacks the words it needs`, attr.id);
    }
    if (hasIns && hasMark && c.insBase !== c.markTo) {
      return fail(`the new words of bracket ${attr.id} must follow the words they replace`, attr.id);
    }
    const start = hasMark ? c.markFrom : c.insBase;
    const end = hasMark ? c.markTo : c.insBase;
    if (attr.kind === 'alternative') {
      const g = groups.get(attr.group as string) ?? { start, end, numbers: new Set<number>() };
      if (g.start !== start || g.end !== end) return fail(`alternatives of group ${attr.group} compete for different words`, attr.id);
      if (g.numbers.has(attr.n as number)) return fail(`two alternatives of group ${attr.group} share number ${attr.n}`, attr.id);
      g.numbers.add(attr.n as number);
      groups.set(attr.group as string, g);
    }
    brackets.push({
      id: attr.id,
      kind: attr.kind,
      sponsors: decodeSponsors(attr.sponsors),
      start,
      end,
      text: c.text,
      words: base.slice(start, end),
      alternativeGroup: attr.group ?? null,
      alternativeNumber: attr.n ?? null,
    });
  }
  brackets.sort((a, b) => a.start - b.start || a.end - b.end || (a.alternativeNumber ?? 0) - (b.alternativeNumber ?? 0) || (a.id < b.id ? -1 : 1));
  return { ok: true, base, brackets };
}

export interface BracketInput extends CompilableAmendment {
  id: string;
}

export function bracketAttributeOf(a: BracketInput): BracketAttribute {
  const attr: BracketAttribute = { id: a.id, kind: a.kind, sponsors: encodeSponsors(a.sponsors) };
  if (a.kind === 'alternative') {
    attr.group = a.alternativeGroup ?? a.id;
    attr.n = a.alternativeNumber ?? 1;
  }
  return attr;
}

/**
 * The delta that holds `base` with `brackets` written in, the inverse of `projectDelta`. Proposed
 * words go at their point in the order given (replacements and alternatives before insertions at
 * the same point). Used to build a paragraph's Y.Text from the database.
 */
export function deltaFromBrackets(base: string, brackets: readonly BracketInput[]): TextDeltaOp[] {
  const cuts = new Set<number>([0, base.length]);
  for (const b of brackets) {
    cuts.add(Math.min(b.start, base.length));
    cuts.add(Math.min(b.end, base.length));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const attrs = brackets.map(bracketAttributeOf);
  const proposedAt = (p: number) =>
    brackets
      .map((b, i) => ({ b, attr: attrs[i] as BracketAttribute, i }))
      .filter(({ b }) => b.kind !== 'delete' && (b.kind === 'insert' ? b.start : b.end) === p && b.text !== '')
      .sort((x, y) => rank(x.b) - rank(y.b) || (x.b.alternativeNumber ?? 0) - (y.b.alternativeNumber ?? 0) || x.i - y.i);
  const ops: TextDeltaOp[] = [];
  const push = (insert: string, attributes: Record<string, unknown> | null) => {
    if (insert === '') return;
    ops.push(attributes && Object.keys(attributes).length > 0 ? { insert, attributes } : { insert });
  };
  for (let k = 0; k < points.length; k++) {
    const p = points[k] as number;
    for (const { b, attr } of proposedAt(p)) push(b.text, proposedAttributes(attr));
    const next = points[k + 1];
    if (next === undefined) break;
    const marks: Record<string, unknown> = {};
    brackets.forEach((b, i) => {
      if (b.kind !== 'insert' && b.start <= p && b.end >= next) marks[markKey(b.id)] = { ...(attrs[i] as BracketAttribute) };
    });
    push(base.slice(p, next), marks);
  }
  return ops;
}

function rank(b: BracketInput): number {
  return b.kind === 'insert' ? 1 : 0;
}
