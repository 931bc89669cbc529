/**
 * Import of a plain-text draft or entity proposal (as in seeds/cicte-proposal-omnibus.txt):
 * title, symbol, headed sections, numbered and preambular paragraphs, literals, and bracketed
 * sponsor attributions. Anything odd is kept and reported in `problems`, never dropped silently.
 */
import { parseBrackets, Segment } from './brackets';
import { isDocumentFrameLine } from './document-words';
import { Literal, ParagraphState, ParagraphStatus } from './domain';
import { parseStatusNote } from './export-status-note';
import { compareLabels, normalizeLabel } from './labels';
import { sectionLocalNumbers } from './resolution-numbering';

export interface ImportedParagraph {
  /** Canonical label ("5 bis"); null for a preambular paragraph. */
  label: string | null;
  /** The body as written, brackets included; for a paragraph that is one whole insertion, its inner text. */
  text: string;
  /** Bracket segments of `text`. */
  segments: Segment[];
  /** Non-empty when the whole body is one insertion ("5 bis. [CH, MEX and US: …]"): a new paragraph. */
  sponsors: string[];
  literals?: Literal[];
  /** Equal to `text` when literals follow it. */
  chapeau?: string;
  /** Footnotes printed under the paragraph, "(Footnote 1: Mexico: …)": reservations, in the platform's exports. */
  footnotes?: string[];
  /** From a compilation text's note under the paragraph, "(amended; held in brackets)". */
  state?: ParagraphState;
  status?: ParagraphStatus;
}

export interface ImportedSection {
  heading: string;
  paragraphs: ImportedParagraph[];
}

export interface ImportProblem {
  /** 1-based line of the source. */
  line: number;
  message: string;
}

export interface ImportedText {
  title: string | null;
  symbol: string | null;
  /** The first parenthesised line under the title, e.g. "(Compilation text, 12 March 2026)"; absent when none. */
  subtitle?: string;
  sections: ImportedSection[];
  problems: ImportProblem[];
}

const SYMBOL = /^[A-Z]{2,}(?:\/[A-Za-z0-9-]+)+(?:\s+(?:[Rr]ev|[Cc]orr|[Aa]dd)\.\s*\d+)*$/;
// The series line printed above a symbol ("OEA/Ser.G") is neither symbol nor heading.
const SERIES = /^OEA\/Ser\.[A-Z]$/;
const SUBTITLE = /^\(.*\)$/;
const FOOTNOTE = /^\(Footnote \d+: (.+)\)$/;
const NUMBERED = /^(\d[^.]{0,40})\.(?:\s+(.*))?$/;
const LITERAL = /^([a-z])\.\s+(.*)$/;
const PREAMBULAR_WORDS = new Set(['AWARE', 'MINDFUL', 'CONSCIOUS', 'FURTHER']);

/** A document symbol ("CP/CSH/xxxx/22 rev. 1") or the series line printed above it ("OEA/Ser.G"). */
export function isSymbolLine(line: string): boolean {
  return SYMBOL.test(line.trim()) || SERIES.test(line.trim());
}

const isCapitals = (line: string): boolean => /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);

/** "HAVING SEEN the…", "RECALLING that…": opening words in capitals, then ordinary text. */
function isPreambular(line: string): boolean {
  const words = line.split(' ');
  const opening: string[] = [];
  for (const word of words) {
    const bare = word.replace(/[,;:]$/, '');
    if (!/^\p{Lu}[\p{Lu}’'-]*$/u.test(bare)) break;
    opening.push(bare);
  }
  const following = words[opening.length];
  if (opening.length === 0 || following === undefined || !/^\p{Ll}/u.test(following)) return false;
  return opening.some((w) => /(?:ING|ED)$/.test(w) || PREAMBULAR_WORDS.has(w)) && opening.join('').length >= 5;
}

/**
 * Word documents leave tabs, runs of spaces and no-break spaces ("enhance\u00A0 the") that would
 * show up as spurious changes in word-level redlines, so every such run becomes one space. One
 * run is kept double: right after a bracket's "CAN: " (or "US: delete: "), where the printer
 * writes a space of its own before proposed words that begin with a space ("the[CAN:  and …]").
 */
const SPACES = /[\t \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const BRACKET_OPENING = /\[[^[\]:\\]*:(?: ?delete:)?$/i;
const normalise = (line: string): string =>
  line
    .replace(SPACES, (run: string, offset: number, whole: string) =>
      run.length >= 2 && BRACKET_OPENING.test(whole.slice(Math.max(0, offset - 200), offset)) ? '  ' : ' ',
    )
    .trim();

export function importText(source: string): ImportedText {
  const result: ImportedText = { title: null, symbol: null, sections: [], problems: [] };
  const problem = (line: number, message: string): void => void result.problems.push({ line, message });
  let section: ImportedSection | null = null;
  let seen = new Map<string, number>();
  let previousLabel: string | null = null;
  let pending: { label: string; line: number } | null = null;
  /** The latest paragraph of the current section: literals attach to it. */
  let last: ImportedParagraph | null = null;

  const currentSection = (): ImportedSection => {
    if (!section) {
      section = { heading: '', paragraphs: [] };
      result.sections.push(section);
    }
    return section;
  };

  const addParagraph = (label: string | null, body: string, line: number): void => {
    const target = currentSection();
    if (label !== null) {
      const first = seen.get(label);
      if (first !== undefined) {
        problem(line, `Label "${label}" appears twice in "${target.heading}" (lines ${first} and ${line}); both are kept`);
      } else {
        seen.set(label, line);
        if (previousLabel !== null && compareLabels(previousLabel, label) > 0) {
          problem(line, `Paragraph ${label} comes after paragraph ${previousLabel}, out of order`);
        }
      }
      previousLabel = label;
    }
    last = { label, ...bodyOf(body, line, problem) };
    target.paragraphs.push(last);
  };

  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = normalise(raw);
    const lineNo = index + 1;
    if (line === '') continue;
    if (pending) {
      addParagraph(pending.label, line, pending.line);
      pending = null;
      continue;
    }
    const inHeader = result.sections.length === 0;
    if (inHeader && SYMBOL.test(line)) {
      if (result.symbol === null) result.symbol = line;
      else problem(lineNo, `Second document symbol "${line}" ignored (the symbol is "${result.symbol}")`);
      continue;
    }
    if (inHeader && SERIES.test(line)) continue;
    if (isDocumentFrameLine(line)) continue;
    if (inHeader && result.title === null && isCapitals(line)) {
      result.title = line;
      continue;
    }
    const note = parseStatusNote(line);
    if (note && last) {
      const paragraph: ImportedParagraph = last;
      paragraph.state = note.state;
      paragraph.status = note.status;
      continue;
    }
    const footnote = FOOTNOTE.exec(line);
    if (footnote && last) {
      const paragraph: ImportedParagraph = last;
      paragraph.footnotes = [...(paragraph.footnotes ?? []), footnote[1] ?? ''];
      continue;
    }
    if (SUBTITLE.test(line)) {
      if (inHeader && result.subtitle === undefined) result.subtitle = line;
      continue;
    }

    const numbered = NUMBERED.exec(line);
    const label = numbered && normalizeLabel(numbered[1] ?? '');
    if (numbered && label !== null) {
      if (numbered[2]) addParagraph(label, numbered[2], lineNo);
      else pending = { label, line: lineNo };
      continue;
    }
    const literal = LITERAL.exec(line);
    if (literal && last) {
      const paragraph: ImportedParagraph = last;
      const literals = paragraph.literals ?? [];
      const letter = literal[1] ?? '';
      const expected = String.fromCharCode('a'.charCodeAt(0) + literals.length);
      if (literals.length === 0 && !paragraph.text.endsWith(':')) {
        problem(lineNo, `Literal ${letter}. follows a paragraph that does not end with ":"; attached to it anyway`);
      } else if (letter !== expected) {
        problem(lineNo, `Literal ${letter}. where ${expected}. was expected`);
      }
      const text = literal[2] ?? '';
      const check = parseBrackets(text);
      if (!check.ok) problem(lineNo, `Literal ${letter}.: ${check.error.message}`);
      paragraph.chapeau = paragraph.text;
      paragraph.literals = [...literals, { label: letter, text }];
      continue;
    }
    if (literal) problem(lineNo, `Literal ${literal[1]}. follows no paragraph; read as a heading`);
    else if (isPreambular(line)) {
      addParagraph(null, line, lineNo);
      continue;
    }
    section = { heading: line, paragraphs: [] };
    result.sections.push(section);
    seen = new Map();
    previousLabel = null;
    last = null;
  }
  if (pending) problem(pending.line, 'A paragraph number ends the text with no paragraph after it');
  return sectionLocalNumbers(result);
}

function bodyOf(
  body: string,
  line: number,
  problem: (line: number, message: string) => void,
): Omit<ImportedParagraph, 'label'> {
  const parsed = parseBrackets(body);
  if (!parsed.ok) {
    problem(line, parsed.error.message);
    return { text: body, segments: [{ type: 'text', text: body }], sponsors: [] };
  }
  const [only, ...others] = parsed.segments;
  if (only?.type === 'insert' && others.length === 0) {
    return { text: only.text, segments: only.text === '' ? [] : [{ type: 'text', text: only.text }], sponsors: only.sponsors };
  }
  return { text: body, segments: parsed.segments, sponsors: [] };
}
