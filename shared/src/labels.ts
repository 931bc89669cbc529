/**
 * Paragraph labels of a negotiation draft: "5", "5 bis", "5 bis A" … New paragraphs take Latin
 * ordinals and letters (French legislative practice) so that nobody's references move while the
 * text is negotiated; only the final draft is renumbered 1, 2, 3 …
 */

/** Latin ordinals by value; index 0 is "bis" (2). A level stops at vicies: past it we descend. */
export const LATIN_ORDINALS = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
  'undecies',
  'duodecies',
  'terdecies',
  'quaterdecies',
  'quindecies',
  'sexdecies',
  'septdecies',
  'octodecies',
  'novodecies',
  'vicies',
] as const;

const MIN_LATIN = 2;
const MAX_LATIN = MIN_LATIN + LATIN_ORDINALS.length - 1;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type LabelPart = { kind: 'latin'; value: number } | { kind: 'letter'; value: string };

export interface ParsedLabel {
  base: number;
  parts: LabelPart[];
}

// Longest first, so "quaterdecies" is not read as "quater" + "decies".
const LATIN_BY_LENGTH = LATIN_ORDINALS.map((word, i) => ({ word, value: i + MIN_LATIN })).sort(
  (a, b) => b.word.length - a.word.length,
);

function latinAt(s: string, at: number): { value: number; length: number } | null {
  for (const { word, value } of LATIN_BY_LENGTH) {
    if (s.startsWith(word, at)) return { value, length: word.length };
  }
  return null;
}

/** Reads one space-free run such as "bis", "bisA" or "A"; a lone letter must not be glued to other letters. */
function parseRun(run: string, into: LabelPart[]): boolean {
  let at = 0;
  while (at < run.length) {
    const latin = latinAt(run, at);
    if (latin) {
      into.push({ kind: 'latin', value: latin.value });
      at += latin.length;
      continue;
    }
    const ch = run[at] as string;
    if (!/[a-z]/.test(ch)) return false;
    if (at + 1 < run.length && !latinAt(run, at + 1)) return false;
    into.push({ kind: 'letter', value: ch.toUpperCase() });
    at += 1;
  }
  return true;
}

export function parseLabel(s: string): ParsedLabel | null {
  const m = /^\s*(\d+)(.*)$/s.exec(s);
  if (!m) return null;
  const base = Number(m[1]);
  if (!Number.isSafeInteger(base) || base < 1) return null;
  const parts: LabelPart[] = [];
  for (const run of (m[2] ?? '').toLowerCase().split(/\s+/)) {
    if (run !== '' && !parseRun(run, parts)) return null;
  }
  return { base, parts };
}

/** Throws on a hand-built label that no spelling expresses, rather than print something unreadable. */
export function formatLabel(p: ParsedLabel): string {
  if (!Number.isSafeInteger(p.base) || p.base < 1) throw new RangeError(`Label base ${p.base} is not 1, 2, 3 …`);
  const words = p.parts.map((part) => {
    const word =
      part.kind === 'latin'
        ? LATIN_ORDINALS[part.value - MIN_LATIN]
        : part.value.length === 1 && LETTERS.includes(part.value)
          ? part.value
          : undefined;
    if (word === undefined) throw new RangeError(`Label part ${JSON.stringify(part)} is neither bis … vicies nor a letter A–Z`);
    return word;
  });
  return [String(p.base), ...words].join(' ');
}

/** The canonical spelling of a label, or null when it is not one. */
export function normalizeLabel(s: string): string | null {
  const p = parseLabel(s);
  return p ? formatLabel(p) : null;
}

/**
 * Rank of a part at one position. Ending sits between letters and ordinals: "5 A" comes before
 * "5" (letters are inserted before their stem) and "5 bis" after it.
 */
function rank(part: LabelPart | undefined): number {
  if (!part) return 100;
  if (part.kind === 'letter') return LETTERS.indexOf(part.value);
  return 200 + part.value;
}

export function compareParsed(a: ParsedLabel, b: ParsedLabel): number {
  if (a.base !== b.base) return a.base < b.base ? -1 : 1;
  const n = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const d = rank(a.parts[i]) - rank(b.parts[i]);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function mustParse(s: string): ParsedLabel {
  const p = parseLabel(s);
  if (!p) throw new RangeError(`"${s}" is not a paragraph label (expected e.g. "5", "5 bis", "5 bis A")`);
  return p;
}

/** Document order of two labels; throws on a string that is not a label. */
export function compareLabels(a: string, b: string): number {
  return compareParsed(mustParse(a), mustParse(b));
}

const CANONICAL = new RegExp(`^[1-9]\\d*(?: (?:${LATIN_ORDINALS.join('|')}|[A-Z]))*$`);

function withLast(p: ParsedLabel, part: LabelPart): ParsedLabel {
  return { base: p.base, parts: [...p.parts.slice(0, -1), part] };
}

function extended(p: ParsedLabel, part: LabelPart): ParsedLabel {
  return { base: p.base, parts: [...p.parts, part] };
}

const latin = (value: number): LabelPart => ({ kind: 'latin', value });
const letter = (i: number): LabelPart => ({ kind: 'letter', value: LETTERS[i] as string });

/** The same level's following values: "5 bis" → 5 ter, 5 quater …; "5 A" → 5 B, 5 C … */
function* successors(p: ParsedLabel): Generator<ParsedLabel> {
  const last = p.parts[p.parts.length - 1];
  if (!last) return;
  if (last.kind === 'latin') {
    for (let v = last.value + 1; v <= MAX_LATIN; v++) yield withLast(p, latin(v));
  } else {
    for (let i = LETTERS.indexOf(last.value) + 1; i < LETTERS.length; i++) yield withLast(p, letter(i));
  }
}

/**
 * A label strictly between `prev` and `next` (null: start or end of the section) that is not
 * taken. Tries what a secretariat would write first ("5 bis", "5 ter", "5 bis bis", "5 bis A",
 * "10"), then descends a level, which always finds room because the order is dense.
 */
export function labelBetween(prev: string | null, next: string | null, taken: Iterable<string>): string {
  const p = prev === null ? null : mustParse(prev);
  const n = next === null ? null : mustParse(next);
  if (p && n && compareParsed(p, n) >= 0) {
    throw new RangeError(`Cannot insert after "${prev}" and before "${next}": they are not in document order`);
  }
  const used = new Set<string>();
  // Sections can hold many labels; skip the full parse for those already written canonically.
  for (const t of taken) used.add(CANONICAL.test(t) ? t : normalizeLabel(t) ?? t);
  return formatLabel(between(p, n, used));
}

function between(p: ParsedLabel | null, n: ParsedLabel | null, used: Set<string>): ParsedLabel {
  const free = (c: ParsedLabel): boolean => !used.has(formatLabel(c));
  if (!n) {
    // At the end a paragraph simply takes the next number.
    for (let base = p ? p.base + 1 : 1; ; base++) {
      const c = { base, parts: [] };
      if (free(c)) return c;
    }
  }
  const below = (c: ParsedLabel): boolean => compareParsed(c, n) < 0;
  if (p) {
    for (const c of successors(p)) {
      if (!below(c)) break;
      if (free(c)) return c;
    }
    for (let v = MIN_LATIN; v <= MAX_LATIN; v++) {
      const c = extended(p, latin(v));
      if (!below(c)) break;
      if (free(c)) return c;
    }
  }
  const afterP = (c: ParsedLabel): boolean => !p || compareParsed(p, c) < 0;
  // Before "1 C" at the start of a section, "1 B" reads better than "1 C A".
  const last = n.parts[n.parts.length - 1];
  if (last?.kind === 'letter') {
    for (let i = LETTERS.indexOf(last.value) - 1; i >= 0; i--) {
      const c = withLast(n, letter(i));
      if (!afterP(c)) break;
      if (free(c)) return c;
    }
  }
  for (let i = 0; i < LETTERS.length; i++) {
    const c = extended(n, letter(i));
    if (!afterP(c)) continue;
    if (free(c)) return c;
  }
  // Every natural choice is taken: narrow the interval past a taken label and try again. Each
  // step leaves one more taken label outside the interval, so this ends.
  if (p) {
    const bis = extended(p, latin(MIN_LATIN));
    if (below(bis)) return between(bis, n, used);
  }
  return between(p, extended(n, letter(0)), used);
}

/**
 * Final numbering 1, 2, 3 … for labels given in document order, keyed by canonical old label.
 * A label listed twice keeps its first number: a reference to it was ambiguous anyway.
 */
export function renumber(labels: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  labels.forEach((label, i) => {
    const key = normalizeLabel(label) ?? label.trim();
    if (!map.has(key)) map.set(key, String(i + 1));
  });
  return map;
}

const caseless = (word: string): string =>
  [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');

// A letter part must be a capital standing alone, so "paragraph 5 a new" keeps its article.
const LABEL_SOURCE = `\\d+(?:\\s*(?:${LATIN_BY_LENGTH.map((l) => caseless(l.word)).join('|')})(?![A-Za-z])|\\s*[A-Z](?![A-Za-z0-9]))*`;
const SEPARATOR_SOURCE = `(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|to|through)\\s+|\\s*[-–]\\s*)`;
const REFERENCE = new RegExp(
  `\\b${caseless('paragraph')}(?:s|S)?\\s+${LABEL_SOURCE}(?:${SEPARATOR_SOURCE}${LABEL_SOURCE})*`,
  'g',
);
const LABEL_IN_REFERENCE = new RegExp(LABEL_SOURCE, 'g');

// "… of the Declaration of Panama", "… of resolution AG/RES. 2950", "… of its Statute": another text's paragraphs.
// "… of this resolution" and "… of the present resolution" are this text's own.
const OF_ANOTHER_TEXT = /^\s*of\s+(?!this\s+resolution\b|the\s+present\s+resolution\b)\p{L}/iu;

/**
 * Rewrites "paragraph 5 bis", "paragraphs 5 bis and 7", "paragraphs 3 to 5 ter" with the new
 * numbers. Only labels right after the word "paragraph(s)" move, so years and document symbols
 * ("CP/CSH-1953/20") stay; a label missing from the map is left as written, and so is a reference
 * to another text's paragraphs ("paragraph 4 of the Declaration of Panama").
 */
export function rewriteCrossReferences(text: string, map: ReadonlyMap<string, string>): string {
  return text.replace(REFERENCE, (reference: string, offset: number) => {
    if (OF_ANOTHER_TEXT.test(text.slice(offset + reference.length, offset + reference.length + 60))) return reference;
    const word = /^\S+\s+/.exec(reference)?.[0] ?? '';
    const rest = reference.slice(word.length).replace(LABEL_IN_REFERENCE, (label) => {
      const key = normalizeLabel(label);
      return (key !== null && map.get(key)) || label;
    });
    return word + rest;
  });
}
