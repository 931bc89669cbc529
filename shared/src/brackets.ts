/**
 * The negotiation's bracket notation ("[CH, MEX and US: …]", "[US: delete]", "[Alt 1 (BRA): …]")
 * as segments, with a parser and a printer that round-trip: what a delegate reads on paper is
 * exactly what the server stores.
 */

export interface TextSegment {
  type: 'text';
  text: string;
}

export interface InsertSegment {
  type: 'insert';
  sponsors: string[];
  /** The sponsors' own words (for a new paragraph with nested proposals: its base text, without them). */
  text: string;
  /**
   * A delegation's new paragraph on which other delegations proposed amendments: its words with
   * those proposals, printed one level deep inside the sponsors' bracket
   * ("[CH, MEX and US: To endorse the [CAN: 2021] consensus reports …]"). Reading notation back
   * (`parseBrackets`) does not accept nesting; this is written for readers and exports.
   */
  nested?: Segment[];
}

/** Empty text is a point marker ("CICTE [US: delete] in …"): the deletion applies to what it marks. */
export interface DeleteSegment {
  type: 'delete';
  sponsors: string[];
  text: string;
}

export interface ReplaceSegment {
  type: 'replace';
  sponsors: string[];
  from: string;
  to: string;
}

export interface AlternativeOption {
  number: number;
  sponsors: string[];
  text: string;
}

export interface AlternativesSegment {
  type: 'alternatives';
  options: AlternativeOption[];
}

export type Segment = TextSegment | InsertSegment | DeleteSegment | ReplaceSegment | AlternativesSegment;

export interface BracketError {
  code: 'malformed_brackets';
  /** A sentence for a person; counts characters from 1. */
  message: string;
  /** 0-based index into the parsed string. */
  offset: number;
}

export type BracketParseResult = { ok: true; segments: Segment[] } | { ok: false; error: BracketError };

const SPONSOR_CODE = /^[A-Z]{2,4}$/;

export function isSponsorCode(code: string): boolean {
  return SPONSOR_CODE.test(code);
}

/** Every code a delegation code, none twice: a sponsor list that can be trusted. */
export function areDistinctSponsorCodes(codes: readonly string[]): boolean {
  return codes.every(isSponsorCode) && new Set(codes).size === codes.length;
}

/** "CAN", "CH and MEX", "CH, MEX and US": the OAS documents' style, without the Oxford comma. */
export function formatSponsors(codes: readonly string[]): string {
  if (codes.length <= 1) return codes.join('');
  return `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
}

/**
 * Reads "CH, MEX and US", "CH, MEX, and US", "CH/MEX", "ch and mex" (codes are upper-cased).
 * Null when any piece is not a 2–4 letter code or a code repeats, so a typo is never a sponsor.
 */
export function parseSponsors(s: string): string[] | null {
  const trimmed = s.trim();
  if (trimmed === '') return null;
  const codes = trimmed.split(/\s*,\s*and\s+|\s*[,/&]\s*|\s+and\s+/i).map((c) => c.toUpperCase());
  if (!areDistinctSponsorCodes(codes)) return null;
  return codes;
}

// Shared by parser and printer so that text which would read as a keyword is escaped.
const DELETE_POINT = /^delete\s*$/i;
const DELETE_WORDS = /^delete\s*: ?/i;
const REPLACE = /^replace\s*[“"]/i;
const ALTERNATIVE = /^\s*alt\s+(\d+)\s*\(([^()]*)\)\s*: ?/i;

const unescape = (raw: string): string => raw.replace(/\\([\s\S])/g, '$1');
const escapeText = (text: string): string => text.replace(/[\\[\]]/g, '\\$&');
const escapeQuoted = (text: string): string => text.replace(/[\\[\]“”"]/g, '\\$&');

const at = (offset: number): string => `character ${offset + 1}`;
const fail = (offset: number, message: string): { ok: false; error: BracketError } => ({
  ok: false,
  error: { code: 'malformed_brackets', message, offset },
});

type BodyResult =
  | { ok: true; segment: Exclude<Segment, TextSegment | AlternativesSegment> | { type: 'alt'; option: AlternativeOption } }
  | { ok: false; error: BracketError };

/** Reads a quoted span of a replacement from `from`; returns the raw text and the index after its closing quote. */
function quoted(body: string, from: number): { raw: string; end: number } | null {
  for (let i = from; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '”' || c === '"') return { raw: body.slice(from, i), end: i + 1 };
  }
  return null;
}

function parseReplace(body: string, sponsors: string[], offset: number): BodyResult {
  const open = REPLACE.exec(body);
  const from = open && quoted(body, open[0].length);
  const middle = from && /^\s*with\s*[“"]/i.exec(body.slice(from.end));
  const to = from && middle && quoted(body, from.end + middle[0].length);
  if (!from || !to || body.slice(to.end).trim() !== '') {
    return fail(
      offset,
      `Cannot read the replacement in the bracket at ${at(offset)}: write it as [${formatSponsors(sponsors)}: replace “old words” with “new words”]`,
    );
  }
  return { ok: true, segment: { type: 'replace', sponsors, from: unescape(from.raw), to: unescape(to.raw) } };
}

function parseBody(body: string, offset: number): BodyResult {
  const alt = ALTERNATIVE.exec(body);
  if (alt) {
    const sponsors = parseSponsors(alt[2] ?? '');
    const number = Number(alt[1]);
    if (!sponsors) {
      return fail(offset, `Alternative at ${at(offset)} names no valid sponsors: write e.g. [Alt ${alt[1]} (BRA): text]`);
    }
    if (!Number.isSafeInteger(number) || number < 1) return fail(offset, `Alternative at ${at(offset)} must be numbered from 1`);
    return { ok: true, segment: { type: 'alt', option: { number, sponsors, text: unescape(body.slice(alt[0].length)) } } };
  }
  const colon = body.indexOf(':');
  if (colon < 0) {
    return fail(offset, `Bracket at ${at(offset)} names no sponsors: write it as [MEX: text], or \\[ for a literal bracket`);
  }
  const sponsors = parseSponsors(body.slice(0, colon));
  if (!sponsors) {
    return fail(
      offset,
      `Bracket at ${at(offset)} starts with "${body.slice(0, colon).trim()}", which is not a list of delegation codes (2 to 4 letters, e.g. "CH, MEX and US")`,
    );
  }
  const rest = body.slice(colon + 1).replace(/^ /, '');
  if (DELETE_POINT.test(rest)) return { ok: true, segment: { type: 'delete', sponsors, text: '' } };
  const words = DELETE_WORDS.exec(rest);
  if (words) return { ok: true, segment: { type: 'delete', sponsors, text: unescape(rest.slice(words[0].length)) } };
  if (REPLACE.test(rest)) return parseReplace(rest, sponsors, offset);
  return { ok: true, segment: { type: 'insert', sponsors, text: unescape(rest) } };
}

export function parseBrackets(s: string): BracketParseResult {
  return parseLevel(s, 0);
}

/** The base words under a new paragraph's nested proposals: what its sponsors wrote. */
function baseWordsOf(segments: readonly Segment[]): string {
  return segments.map((g) => (g.type === 'text' ? g.text : g.type === 'delete' ? g.text : g.type === 'replace' ? g.from : '')).join('');
}

/** "[CH, MEX and US: To endorse the [CAN: 2021] consensus …]": a sponsors' bracket holding other delegations' brackets. */
function parseNested(body: string, offset: number): BodyResult | { ok: true; segment: InsertSegment } {
  const colon = body.indexOf(':');
  const sponsors = colon < 0 ? null : parseSponsors(body.slice(0, colon));
  if (!sponsors || colon > body.indexOf('[')) {
    return fail(offset, `The bracket opened at ${at(offset)} holds another: only a new paragraph's bracket, written [CH, MEX and US: …], may hold other delegations' brackets (write \\[ for a literal one)`);
  }
  const restStart = colon + 1 + (body[colon + 1] === ' ' ? 1 : 0);
  const inner = parseLevel(body.slice(restStart), 1);
  if (!inner.ok) return fail(offset + 1 + restStart + inner.error.offset, inner.error.message);
  return { ok: true, segment: { type: 'insert', sponsors, text: baseWordsOf(inner.segments), nested: inner.segments } };
}

function parseLevel(s: string, depth: number): BracketParseResult {
  const segments: Segment[] = [];
  // The current text segment is `text` followed by the plain characters s[runStart, i): runs are
  // taken with one slice, not a character at a time, which would leave a chain of one string per
  // character behind every segment (about 20 bytes a character in a browser's heap).
  let text = '';
  let runStart = 0;
  let lastClose = -2;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\') {
      if (i + 1 >= s.length) return fail(i, `The backslash at ${at(i)} escapes nothing: write \\\\ for a backslash`);
      text += s.slice(runStart, i) + s[++i];
      runStart = i + 1;
    } else if (c === ']') {
      return fail(i, `The bracket closed at ${at(i)} was never opened: write \\] for a literal bracket`);
    } else if (c === '[') {
      let close = -1;
      let innerOpen = false;
      let holdsBrackets = false;
      for (let j = i + 1; j < s.length && close < 0; j++) {
        if (s[j] === '\\') j++;
        else if (s[j] === '[') {
          // One level only: a new paragraph's bracket may hold other delegations' proposals.
          if (depth > 0 || innerOpen) {
            return fail(i, `The bracket opened at ${at(i)} holds another at ${at(j)}: brackets do not nest deeper than one level (write \\[ for a literal one)`);
          }
          innerOpen = true;
          holdsBrackets = true;
        } else if (s[j] === ']') {
          if (innerOpen) innerOpen = false;
          else close = j;
        }
      }
      if (close < 0) return fail(i, `Bracket opened at ${at(i)} is never closed`);
      const body = holdsBrackets ? parseNested(s.slice(i + 1, close), i) : parseBody(s.slice(i + 1, close), i);
      if (!body.ok) return body;
      const previous = segments[segments.length - 1];
      // Alternatives separated by exactly one unescaped space are one group.
      if (body.segment.type === 'alt' && previous?.type === 'alternatives' && lastClose === i - 2 && s[i - 1] === ' ') {
        previous.options.push(body.segment.option);
      } else {
        text += s.slice(runStart, i);
        if (text !== '') segments.push({ type: 'text', text });
        segments.push(body.segment.type === 'alt' ? { type: 'alternatives', options: [body.segment.option] } : body.segment);
      }
      text = '';
      lastClose = close;
      i = close;
      runStart = close + 1;
    }
  }
  text += s.slice(runStart);
  if (text !== '') segments.push({ type: 'text', text });
  return { ok: true, segments };
}

function sponsorsOf(codes: readonly string[]): string {
  if (codes.length === 0) throw new RangeError('A bracket needs at least one sponsor');
  for (const code of codes) {
    if (!isSponsorCode(code)) throw new RangeError(`"${code}" is not a delegation code (2 to 4 capital letters)`);
  }
  if (new Set(codes).size !== codes.length) throw new RangeError(`Sponsors repeat: ${codes.join(', ')}`);
  return formatSponsors(codes);
}

/** Text that would read as a keyword gets its first character escaped: "[US: \delete]" inserts "delete". */
function bracketText(text: string): string {
  const escaped = escapeText(text);
  return DELETE_POINT.test(escaped) || DELETE_WORDS.test(escaped) || REPLACE.test(escaped) ? `\\${escaped}` : escaped;
}

function printOne(segment: Segment, before: Segment | undefined, after: Segment | undefined): string {
  switch (segment.type) {
    case 'text':
      // A lone space between two groups of alternatives would merge them when read back.
      if (segment.text === ' ' && before?.type === 'alternatives' && after?.type === 'alternatives') return '\\ ';
      return escapeText(segment.text);
    case 'insert':
      if (segment.nested && segment.nested.length > 0) {
        const inner = printBrackets(segment.nested);
        return `[${sponsorsOf(segment.sponsors)}: ${DELETE_POINT.test(inner) || DELETE_WORDS.test(inner) || REPLACE.test(inner) ? `\\${inner}` : inner}]`;
      }
      return `[${sponsorsOf(segment.sponsors)}: ${bracketText(segment.text)}]`;
    case 'delete':
      return segment.text === ''
        ? `[${sponsorsOf(segment.sponsors)}: delete]`
        : `[${sponsorsOf(segment.sponsors)}: delete: ${escapeText(segment.text)}]`;
    case 'replace':
      return `[${sponsorsOf(segment.sponsors)}: replace “${escapeQuoted(segment.from)}” with “${escapeQuoted(segment.to)}”]`;
    case 'alternatives':
      if (segment.options.length === 0) throw new RangeError('A group of alternatives needs at least one option');
      return segment.options
        .map((o) => {
          if (!Number.isSafeInteger(o.number) || o.number < 1) throw new RangeError(`Alternative number ${o.number} is not 1, 2, 3 …`);
          return `[Alt ${o.number} (${sponsorsOf(o.sponsors)}): ${escapeText(o.text)}]`;
        })
        .join(' ');
  }
}

/** Throws a RangeError on a segment that no bracket can express (no sponsors, a bad code, no options). */
export function printBrackets(segments: readonly Segment[]): string {
  return segments.map((s, i) => printOne(s, segments[i - 1], segments[i + 1])).join('');
}
