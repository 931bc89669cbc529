/**
 * Import of a plain-text draft, entity proposal or adopted resolution, read from the document's
 * structure: the header (symbol, series, title, adoption line), the organ's formula ("THE GENERAL
 * ASSEMBLY,", "LA ASAMBLEA GENERAL,", "The Security Council,"), the preamble up to the resolving
 * formula ("RESOLVES:", "DÉCIDE :") or the first numbered paragraph, then headed sections of
 * numbered paragraphs with their literals, and bracketed sponsor attributions. A text without a
 * formula (an entity's proposal such as seeds/cicte-proposal-omnibus.txt) is read as headed
 * sections. Every non-empty line is accounted for in `lines`; anything odd is kept and reported in
 * `problems`, never dropped silently.
 */
import { parseBrackets, Segment } from './brackets';
import { Literal, ParagraphState, ParagraphStatus } from './domain';
import { escapeEditorialBrackets } from './editorial-brackets';
import {
  dashItem,
  endsParagraph,
  isCapitalsFragment,
  isKnownResolvingWord,
  isMeetingLine,
  isOrganFormula,
  isSeries,
  isSymbol,
  letteredItem,
  loneWord,
  opensInCapitals,
  romanItem,
  symbolWithText,
} from './import-lines';
import { viewOfSubtitle } from './export-model';
import { parseStatusNote } from './export-status-note';
import { compareLabels, normalizeLabel } from './labels';
import { sectionLocalNumbers } from './resolution-numbering';

export { isOrganFormula, isSymbolLine } from './import-lines';

export interface ImportedParagraph {
  /** Canonical label ("5 bis"); null for a preambular paragraph or an unnumbered operative one. */
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

/**
 * What a line of the source became: part of a paragraph or literal (stored), or a line the preview
 * lists because its words are not stored as paragraph text (a heading, a formula, metadata, a
 * note under a paragraph, a problem).
 */
export const LINE_ROLES = ['paragraph', 'literal', 'heading', 'formula', 'metadata', 'note', 'problem'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

export interface LineAccount {
  /** 1-based line of the source. */
  line: number;
  role: LineRole;
  text: string;
}

/** `view`: the platform's own exports name the view they print, "(Compilation text, 15 March 2022)". */
/** `page`: a page number or the symbol repeated at the head of each page, as copies of printed pages carry them. */
export type MetadataKind = 'symbol' | 'series' | 'title' | 'adoption' | 'view' | 'masthead' | 'closing' | 'page';

export interface ImportedMetadata {
  line: number;
  kind: MetadataKind;
  text: string;
}

export interface ImportedText {
  title: string | null;
  symbol: string | null;
  /** The first parenthesised line under the title, e.g. "(Compilation text, 12 March 2026)"; absent when none. */
  subtitle?: string;
  sections: ImportedSection[];
  problems: ImportProblem[];
  /** The organ's formula, "THE GENERAL ASSEMBLY,"; the preamble is the section it heads. */
  formula?: string;
  /** "RESOLVES:", "RESUELVE:", "DÉCIDE :"; the operative part is the section it heads. */
  resolvingFormula?: string;
  /** "(Adopted at the fourth plenary session, held on June 3, 2008)". */
  adoption?: string;
  /** Header and closing lines kept as the document's metadata (symbol, series, title, adoption, masthead). */
  metadata?: ImportedMetadata[];
  /** Every non-empty line of the source and what it became; absent for an empty text. */
  lines?: LineAccount[];
  /** The sections as numbered in the source, when they were read back into each section's own labels. */
  printedSections?: ImportedSection[];
}

const SUBTITLE = /^\(.*\)$/;
const FOOTNOTE = /^\(Footnote \d+: (.+)\)$/;
const NUMBERED = /^(\d[^.]{0,40})\.(?:\s+(.*))?$/;
/** "1.Requests the Secretary-General …": a copy that lost the space (or tab) after a paragraph's number. */
const NUMBERED_UNSPACED = /^(\d{1,3})\.(\p{Lu}.*)$/u;
const MAX_HEADING_WORDS = 12;
/** A line drawn across the page above the footnotes. */
const RULE = /^[_\-–—=*]{5,}$/;
/** How a footnote begins: "1.", "1", "1/", "(1)", "*". */
const FOOTNOTE_MARK = /^(?:(\d{1,2})[./)]?|\((\d{1,2})\)|(\*{1,3}))\s+\S/;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** "- 2 -", "– 12 –", "Page 2 of 3", "Página 2 de 5", "p. 4", "2/7", a bare "2": a page's number on a line of its own. */
const PAGE_NUMBER = /^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|página|pág\.|pag\.|p\.)\s*\d{1,4}(?:\s*(?:of|de|sur|\/)\s*\d{1,4})?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,3})$/iu;
/** The document's kind printed above its title, in the four OAS languages. */
const DOCUMENT_KIND = /^(?:DRAFT |PROJET DE |PROYECTO DE |PROJETO DE )?R[EÉ]SOLU(?:TION|CI[OÓ]N|[CÇ][AÃ]O)$/i;

const isCapitals = (line: string): boolean => /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
const wordCount = (line: string): number => line.split(' ').filter((w) => w !== '').length;
const startsLowercase = (line: string): boolean => /^\p{Ll}/u.test(line);

/**
 * Whether a line carries on the paragraph before it, as in a copy that wraps long lines: the
 * paragraph has not ended, and either the line opens lowercase, with a number or a parenthesis
 * ("(2001),"), or the paragraph broke off after an ordinary word ("… of the" / "Organization, …").
 * In the operative part a paragraph ending in "]" or in a capitalised word is never continued by a
 * capitalised line, so a heading after it stays a heading.
 */
function wrapsOnto(paragraph: string, line: string): boolean {
  if (startsLowercase(line)) return true;
  if (endsParagraph(paragraph)) return false;
  return /^[\d(]/.test(line) || /(?:^|\s)\p{Ll}[\p{Ll}'’-]*$/u.test(paragraph);
}

/**
 * "HAVING SEEN the…", "RECALLING that…", "CONSIDERANDO que…": opening words in capitals, then
 * ordinary text, ending as a paragraph does. Used only for texts that have no organ's formula.
 */
function isPreambular(line: string): boolean {
  const words = line.split(' ');
  const opening: string[] = [];
  for (const word of words) {
    const bareWord = word.replace(/[,;:]$/, '');
    if (!/^\p{Lu}[\p{Lu}’'-]*$/u.test(bareWord)) break;
    opening.push(bareWord);
  }
  const following = words[opening.length];
  if (opening.length === 0 || following === undefined || !/^\p{Ll}/u.test(following)) return false;
  return opening.join('').length >= 5 && endsParagraph(line);
}

/**
 * Word documents leave tabs, runs of spaces and no-break spaces ("enhance\u00A0 the") that would
 * show up as spurious changes in word-level redlines, so every such run becomes one space. One
 * run is kept double: right after a bracket's "CAN: " (or "US: delete: "), where the printer
 * writes a space of its own before proposed words that begin with a space ("the[CAN:  and …]").
 */
const SPACES = /[\t \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const BRACKET_OPENING = /\[[^[\]:\\]*:(?: ?delete:)?$/i;
/** Soft hyphens, zero-width spaces and word joiners that web pages and PDFs leave inside words: invisible, but they split a word for search, redlines and caps. */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
const normalise = (line: string): string =>
  line
    .replace(INVISIBLE, '')
    .replace(SPACES, (run: string, offset: number, whole: string) =>
      run.length >= 2 && BRACKET_OPENING.test(whole.slice(Math.max(0, offset - 200), offset)) ? '  ' : ' ',
    )
    .trim();

interface Line {
  no: number;
  text: string;
  /** Whether a blank line separates it from the line before. */
  afterBlank: boolean;
}

const numberedLabel = (text: string): { label: string; body: string | undefined } | null => {
  const m = NUMBERED.exec(text) ?? NUMBERED_UNSPACED.exec(text);
  const label = m && normalizeLabel(m[1] ?? '');
  return m && label !== null ? { label, body: m[2] } : null;
};

/** Where the formula, the resolving formula and the operative part begin: read once, before the lines are placed. */
interface Layout {
  formula: { start: number; end: number } | null;
  /** Index of the resolving formula's line, or -1. */
  resolving: number;
  /** The resolving formula's line opens the first operative paragraph ("Decides," then "(a) …"). */
  resolvingIsChapeau: boolean;
}

function findFormula(lines: readonly Line[]): Layout['formula'] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (numberedLabel(line.text)) return null;
    if (isOrganFormula(line.text)) return { start: i, end: i };
    // "THE PERMANENT COUNCIL OF THE" / "ORGANIZATION OF AMERICAN STATES,": one name over two or three lines.
    if (!isCapitalsFragment(line.text) || (lines[i + 1] && isOrganFormula(lines[i + 1]!.text))) continue;
    let joined = line.text;
    for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
      const next = lines[j] as Line;
      if (next.afterBlank) break;
      joined = `${joined} ${next.text}`;
      if (isOrganFormula(joined)) return { start: i, end: j };
      if (!isCapitalsFragment(next.text)) break;
    }
  }
  return null;
}

function findLayout(lines: readonly Line[]): Layout {
  const formula = findFormula(lines);
  const layout: Layout = { formula, resolving: -1, resolvingIsChapeau: false };
  if (!formula) return layout;
  let known = -1;
  for (let i = formula.end + 1; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (numberedLabel(text)) break;
    const word = loneWord(text);
    if (word === null) continue;
    const next = lines[i + 1]?.text ?? '';
    if (numberedLabel(next) || letteredItem(next)) {
      layout.resolving = i;
      layout.resolvingIsChapeau = letteredItem(next) !== null;
      return layout;
    }
    if (known < 0 && isKnownResolvingWord(word)) known = i;
  }
  layout.resolving = known;
  return layout;
}

interface OpenLiteral {
  label: string;
  raw: string;
  line: number;
}

interface OpenParagraph {
  label: string | null;
  raw: string;
  line: number;
  literals: OpenLiteral[];
  footnotes: string[];
  state?: ParagraphState;
  status?: ParagraphStatus;
  /** The paragraph opened as a chapeau ("RECOGNIZING:"): the lines up to the next opening are its sub-paragraphs. */
  chapeau: boolean;
}

type Region = 'header' | 'preamble' | 'operative' | 'sections';

class Reader {
  readonly result: ImportedText = { title: null, symbol: null, sections: [], problems: [] };
  private readonly accounts: LineAccount[] = [];
  private readonly metadata: ImportedMetadata[] = [];
  private section: ImportedSection | null = null;
  private seen = new Map<string, number>();
  private previousLabel: string | null = null;
  private pending: { label: string; line: number } | null = null;
  private open: OpenParagraph | null = null;
  /** The open paragraph can take the next line as its continuation (no blank line, no heading in between). */
  private joinable = false;
  /** A page number or running header was just passed: the blank lines around it do not end the paragraph it interrupts. */
  private acrossPage = false;
  private region: Region;
  private capitalsStyle = false;
  /** Index of the line being read. */
  private index = 0;

  constructor(
    private readonly lines: readonly Line[],
    private readonly layout: Layout,
  ) {
    this.region = layout.formula ? 'header' : 'sections';
  }

  problem(line: number, message: string): void {
    this.result.problems.push({ line, message });
  }

  private account(line: Line, role: LineRole): void {
    this.accounts.push({ line: line.no, role, text: line.text });
  }

  private meta(line: Line, kind: MetadataKind, text = line.text): void {
    this.metadata.push({ line: line.no, kind, text });
    this.account(line, 'metadata');
  }

  private startSection(heading: string): void {
    this.close();
    this.section = { heading, paragraphs: [] };
    this.result.sections.push(this.section);
    this.seen = new Map();
    this.previousLabel = null;
    this.joinable = false;
  }

  private currentSection(): ImportedSection {
    if (!this.section) {
      this.section = { heading: '', paragraphs: [] };
      this.result.sections.push(this.section);
    }
    return this.section;
  }

  private openParagraph(label: string | null, body: string, line: number, chapeau = false): void {
    this.close();
    const target = this.currentSection();
    if (label !== null) {
      const first = this.seen.get(label);
      if (first !== undefined) {
        this.problem(line, `Label "${label}" appears twice in "${target.heading}" (lines ${first} and ${line}); both are kept`);
      } else {
        this.seen.set(label, line);
        if (this.previousLabel !== null && compareLabels(this.previousLabel, label) > 0) {
          this.problem(line, `Paragraph ${label} comes after paragraph ${this.previousLabel}, out of order`);
        }
      }
      this.previousLabel = label;
    }
    this.open = { label, raw: body, line, literals: [], footnotes: [], chapeau };
    this.joinable = true;
  }

  /** Adds a line to the open paragraph (or its last literal), as a continuation or a sub-paragraph. */
  private extend(text: string): void {
    const p = this.open;
    if (!p) return;
    const literal = p.literals.at(-1);
    // A word a copy broke at its hyphen ("Inter-" / "American", "self-" / "determination") is one word again.
    const join = (before: string) => (/\p{L}-$/u.test(before) && /^\p{L}/u.test(text) ? `${before}${text}` : `${before} ${text}`);
    if (literal) literal.raw = join(literal.raw);
    else p.raw = join(p.raw);
    this.joinable = true;
  }

  private openText(): string {
    const p = this.open;
    return p ? (p.literals.at(-1)?.raw ?? p.raw) : '';
  }

  private addLiteral(letter: string, text: string, line: number): void {
    const p = this.open as OpenParagraph;
    const expected = String.fromCharCode('a'.charCodeAt(0) + p.literals.length);
    // A chapeau ends with a colon ("to:"), or with a comma in the UN's style ("Decides,").
    if (p.literals.length === 0 && !/[:,]$/.test(p.raw)) {
      this.problem(line, `Literal ${letter}. follows a paragraph that does not end with ":"; attached to it anyway`);
    } else if (letter !== expected) {
      this.problem(line, `Literal ${letter}. where ${expected}. was expected`);
    }
    p.literals.push({ label: letter, raw: text, line });
    this.joinable = true;
  }

  /** Turns the open paragraph into an imported one: editorial brackets kept as text, bracket notation read. */
  private close(): void {
    const p = this.open;
    if (!p) return;
    this.open = null;
    const paragraph: ImportedParagraph = { label: p.label, ...bodyOf(escapeEditorialBrackets(p.raw).text, p.line, (l, m) => this.problem(l, m)) };
    if (p.literals.length > 0) {
      paragraph.chapeau = paragraph.text;
      paragraph.literals = p.literals.map((l) => {
        const text = escapeEditorialBrackets(l.raw).text;
        const check = parseBrackets(text);
        if (!check.ok) this.problem(l.line, `Literal ${l.label}.: ${check.error.message}`);
        return { label: l.label, text };
      });
    }
    if (p.footnotes.length > 0) paragraph.footnotes = p.footnotes;
    if (p.state !== undefined) paragraph.state = p.state;
    if (p.status !== undefined) paragraph.status = p.status;
    this.currentSection().paragraphs.push(paragraph);
  }

  /** Status notes and footnotes under a paragraph, in the platform's own exports. */
  private note(line: Line): boolean {
    const p = this.open;
    if (!p) return false;
    const status = parseStatusNote(line.text);
    if (status) {
      p.state = status.state;
      p.status = status.status;
    } else {
      const footnote = FOOTNOTE.exec(line.text);
      if (!footnote) return false;
      p.footnotes.push(footnote[1] ?? '');
    }
    this.account(line, 'note');
    // A note is printed under a finished paragraph: the next line starts something new.
    this.joinable = false;
    return true;
  }

  /**
   * A short line that does not end as a paragraph does, followed by a numbered paragraph (or by one
   * more such line and then a numbered paragraph: an area heading, then a topic heading). Word
   * documents put each paragraph on one line with no blank line between, so a heading right after
   * a paragraph or literal without final punctuation must not be read as its continuation.
   */
  private headingAhead(): boolean {
    const short = (l: Line | undefined): boolean => l !== undefined && !endsParagraph(l.text) && wordCount(l.text) <= MAX_HEADING_WORDS && !letteredItem(l.text);
    const at = this.index;
    if (!short(this.lines[at])) return false;
    const next = this.lines[at + 1];
    if (next && numberedLabel(next.text)) return true;
    const after = this.lines[at + 2];
    return short(next) && after !== undefined && numberedLabel(after.text) !== null;
  }

  /** The next line goes on with this one's sentence (no blank line, a lower-case start): this line opens a paragraph, it is no heading. */
  private wrapsIntoNext(): boolean {
    const next = this.lines[this.index + 1];
    return next !== undefined && !next.afterBlank && startsLowercase(next.text);
  }

  read(): ImportedText {
    const { formula, resolving } = this.layout;
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i] as Line;
      this.index = i;
      if (this.region !== 'header' && this.pageFurniture(line)) continue;
      if (this.region !== 'header' && this.footnotesFrom(i)) break;
      if (line.afterBlank && !this.acrossPage) this.joinable = false;
      this.acrossPage = false;
      if (this.pending) {
        this.openParagraph(this.pending.label, line.text, this.pending.line);
        this.account(line, 'paragraph');
        this.pending = null;
        continue;
      }
      if (formula && i >= formula.start && i <= formula.end) {
        i = this.readFormula(i);
        continue;
      }
      if (i === resolving) {
        this.readResolving(line);
        continue;
      }
      if (this.region === 'header') i = this.readHeader(i);
      else if (this.region === 'preamble') this.readPreamble(line);
      else this.readBody(line);
    }
    this.close();
    if (this.pending) {
      this.problem(this.pending.line, 'A paragraph number ends the text with no paragraph after it');
      const at = this.accounts.find((a) => a.line === this.pending?.line);
      if (at) at.role = 'problem';
    }
    this.result.problems.sort((a, b) => a.line - b.line);
    if (this.metadata.length > 0) this.result.metadata = this.metadata;
    if (this.accounts.length > 0) this.result.lines = this.accounts;
    return this.result;
  }

  /**
   * A line a printed page puts on every page — its number ("- 2 -", "Page 2 of 3", "2") or the
   * document's symbol again — in a copy of the pages: listed, and the paragraph it falls in goes on
   * after it, as does the operative part's numbering.
   */
  private pageFurniture(line: Line): boolean {
    const repeatedSymbol = this.result.symbol !== null && line.text === this.result.symbol;
    if (!repeatedSymbol && !PAGE_NUMBER.test(line.text)) return false;
    this.meta(line, 'page');
    this.acrossPage = true;
    return true;
  }

  /**
   * A rule ("__________") followed by numbered notes ("1. Letter of …", "1/ The delegation of …"):
   * the footnotes a copy prints after the text. Listed as notes, never read as more paragraphs (a
   * footnote "1." would otherwise be an operative paragraph of a section named after the rule).
   */
  private footnotesFrom(i: number): boolean {
    const next = this.lines[i + 1];
    const mark = next && RULE.test((this.lines[i] as Line).text) ? FOOTNOTE_MARK.exec(next.text) : null;
    if (!mark) return false;
    // Only when the text above carries that note's mark after a word or a sign ("…(CP/doc.3347/00)1",
    // "Americas,1/", "States¹", "States*"): a rule between two numbered parts of the text is not a footnote's.
    const n = mark[1] ?? mark[2];
    const glued = n === undefined
      ? /[\p{L})\].,;:”’"]\*{1,3}(?=\s|$)/u
      : new RegExp(`[\\p{L})\\].,;:”’"](?:${n}/?|${[...n].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('')})(?=\\s|$)`, 'u');
    if (!this.lines.slice(0, i).some((l) => glued.test(l.text))) return false;
    this.close();
    for (const line of this.lines.slice(i)) this.account(line, 'note');
    return true;
  }

  private readFormula(i: number): number {
    const { start, end } = this.layout.formula as { start: number; end: number };
    const text = this.lines.slice(start, end + 1).map((l) => l.text).join(' ');
    for (const l of this.lines.slice(start, end + 1)) this.account(l, 'formula');
    this.result.formula = text;
    this.capitalsStyle = !/\p{Ll}/u.test(text.replace(/^l['’]/i, ''));
    this.startSection(text);
    this.region = 'preamble';
    return Math.max(i, end);
  }

  private readResolving(line: Line): void {
    if (this.layout.resolvingIsChapeau) {
      // "Decides," followed by "(a) …": the formula is the chapeau of the one operative paragraph.
      this.startSection('');
      this.openParagraph(null, line.text, line.no);
      this.account(line, 'paragraph');
    } else {
      this.result.resolvingFormula = line.text;
      this.startSection(line.text);
      this.account(line, 'formula');
    }
    this.region = 'operative';
  }

  /** A parenthesised block, possibly over several lines: "(Adopted at the first plenary session, …" / "… Committee)". */
  private parenthesised(i: number): { end: number; text: string } | null {
    const first = this.lines[i] as Line;
    if (!first.text.startsWith('(')) return null;
    let text = first.text;
    for (let j = i; j < Math.min(this.lines.length, i + 4); j++) {
      if (j > i) text = `${text} ${(this.lines[j] as Line).text}`;
      if ((this.lines[j] as Line).text.endsWith(')')) return { end: j, text };
    }
    return null;
  }

  private readHeader(i: number): number {
    const line = this.lines[i] as Line;
    if (isSeries(line.text)) {
      this.meta(line, 'series');
      return i;
    }
    if (isSymbol(line.text)) {
      this.symbol(line, line.text);
      return i;
    }
    const block = this.parenthesised(i);
    if (block) {
      // The platform's own exports name their view there, "(Compilation text, …)", perhaps after a
      // "(Presented by the Chair …)" line; other texts their adoption.
      const view = viewOfSubtitle(block.text);
      if (this.result.subtitle === undefined || (view !== null && viewOfSubtitle(this.result.subtitle) === null)) this.result.subtitle = block.text;
      if (this.result.adoption === undefined && view === null) this.result.adoption = block.text;
      this.metadata.push({ line: line.no, kind: view === null ? 'adoption' : 'view', text: block.text });
      for (const l of this.lines.slice(i, block.end + 1)) this.account(l, 'metadata');
      return block.end;
    }
    const shared = symbolWithText(line.text);
    if (shared) {
      this.symbol(line, shared.symbol);
      if (!shared.textFirst && this.result.title === null) this.result.title = shared.text;
      this.metadata.push({ line: line.no, kind: shared.textFirst ? 'masthead' : 'title', text: shared.text });
      return i;
    }
    if (isCapitals(line.text)) {
      // Consecutive lines in capitals are one block. The title is the last block before the formula:
      // the council's and committee's names come before it, "DRAFT RESOLUTION" / "RÉSOLUTION" is the document's kind.
      let end = i;
      while (end + 1 < this.lines.length && !(this.lines[end + 1] as Line).afterBlank && isCapitals((this.lines[end + 1] as Line).text)
        && !isSymbol((this.lines[end + 1] as Line).text) && !(this.layout.formula && end + 1 >= this.layout.formula.start)) end++;
      let start = i;
      if (DOCUMENT_KIND.test(line.text)) {
        this.meta(line, 'masthead');
        start = i + 1;
        if (end < start) return end;
      }
      const text = this.lines.slice(start, end + 1).map((l) => l.text).join(' ');
      for (const l of this.lines.slice(start, end + 1)) this.account(l, 'metadata');
      const previous = this.metadata.find((m) => m.kind === 'title');
      if (previous) previous.kind = 'masthead';
      this.result.title = text;
      this.metadata.push({ line: (this.lines[start] as Line).no, kind: 'title', text });
      return end;
    }
    this.meta(line, 'masthead');
    return i;
  }

  private symbol(line: Line, symbol: string): void {
    if (this.result.symbol === null) {
      this.result.symbol = symbol;
      this.meta(line, 'symbol');
    } else {
      if (symbol !== this.result.symbol) this.problem(line.no, `Second document symbol "${symbol}" kept as metadata (the symbol is "${this.result.symbol}")`);
      this.meta(line, 'symbol');
    }
  }

  /** A parenthesised line that is not a note under a paragraph: an adoption or editorial line, kept as metadata. */
  private parenthesisedMeta(line: Line): boolean {
    if (!SUBTITLE.test(line.text)) return false;
    if (this.result.adoption === undefined) this.result.adoption = line.text;
    this.meta(line, 'adoption');
    this.joinable = false;
    return true;
  }

  private readPreamble(line: Line): void {
    const text = line.text;
    if (this.note(line) || this.parenthesisedMeta(line)) return;
    const numbered = numberedLabel(text);
    if (numbered && this.capitalsStyle && opensInCapitals(numbered.body ?? '')) {
      // A preamble numbered paragraph by paragraph, as the platform's compilation prints it: "1. HAVING SEEN …".
      this.openParagraph(numbered.label, numbered.body ?? '', line.no);
      this.account(line, 'paragraph');
      return;
    }
    if (numbered) {
      // The Security Council's and the General Assembly's operative part starts at "1." with no resolving formula.
      this.startSection('');
      this.region = 'operative';
      this.readBody(line);
      return;
    }
    if (this.capitalsStyle && !opensInCapitals(text) && !startsLowercase(text) && this.headingAhead()) {
      this.startSection(text);
      this.region = 'operative';
      this.account(line, 'heading');
      return;
    }
    // In the preamble a paragraph that has not ended goes on in the next line ("… of the Geneva" / "Conventions …").
    const continues = this.open !== null && this.joinable && (startsLowercase(text) || !endsParagraph(this.openText()));
    if (this.capitalsStyle && isCapitals(text) && !endsParagraph(text)) {
      // A heading in capitals ("INTER-AMERICAN INSTRUMENTS AND INSTITUTIONS") ends the preamble.
      this.startSection(text);
      this.region = 'operative';
      this.account(line, 'heading');
      return;
    }
    if (this.capitalsStyle) {
      if (opensInCapitals(text)) {
        this.openParagraph(null, text, line.no, text.endsWith(':'));
      } else if (this.open && (this.open.chapeau || continues || startsLowercase(text))) {
        this.extend(text);
      } else if (!endsParagraph(text) && wordCount(text) <= MAX_HEADING_WORDS && !this.wrapsIntoNext()) {
        this.startSection(text);
        this.region = 'operative';
        this.account(line, 'heading');
        return;
      } else {
        this.openParagraph(null, text, line.no);
      }
    } else if (continues || (this.open && (letteredItem(text) || romanItem(text) || dashItem(text) !== null))) {
      this.extend(text);
    } else {
      this.openParagraph(null, text, line.no, text.endsWith(':'));
    }
    this.account(line, 'paragraph');
  }

  /** The operative part, and every line of a text that has no formula. */
  private readBody(line: Line): void {
    const text = line.text;
    const formulaMode = this.region !== 'sections';
    if (this.region === 'header' || this.region === 'preamble') this.region = 'operative';
    if (this.note(line)) return;
    if (SUBTITLE.test(text)) {
      if (formulaMode || this.result.sections.length > 0) {
        this.parenthesisedMeta(line);
      } else {
        if (this.result.subtitle === undefined) this.result.subtitle = text;
        this.meta(line, 'adoption');
      }
      return;
    }
    if (!formulaMode && this.result.sections.length === 0 && !this.open) {
      if (isSymbol(text) || isSeries(text)) {
        if (isSeries(text)) this.meta(line, 'series');
        else if (this.result.symbol === null) this.symbol(line, text);
        else {
          this.problem(line.no, `Second document symbol "${text}" ignored (the symbol is "${this.result.symbol}")`);
          this.meta(line, 'symbol');
        }
        return;
      }
      if (this.result.title === null && isCapitals(text)) {
        this.result.title = text;
        this.meta(line, 'title');
        return;
      }
    }
    const numbered = numberedLabel(text);
    if (numbered) {
      if (numbered.body) this.openParagraph(numbered.label, numbered.body, line.no);
      else {
        this.close();
        this.pending = { label: numbered.label, line: line.no };
      }
      this.account(line, 'paragraph');
      return;
    }
    const lettered = letteredItem(text);
    const lastLiteral = this.open?.literals.at(-1);
    const roman = romanItem(text);
    // "(i)" after "(h)" is the letter i; after any other literal it is a roman sub-paragraph of that
    // literal, and before any literal a roman sub-paragraph of the paragraph itself.
    const isRoman = roman !== null && this.open !== null
      && (lastLiteral === undefined || !(lettered && lettered.letter === String.fromCharCode(lastLiteral.label.charCodeAt(0) + 1)));
    if (isRoman || (this.open && dashItem(text) !== null)) {
      this.extend(text);
      this.account(line, this.open?.literals.length ? 'literal' : 'paragraph');
      return;
    }
    if (lettered && this.open) {
      this.addLiteral(lettered.letter, lettered.text, line.no);
      this.account(line, 'literal');
      return;
    }
    const joinsLowercase = this.open !== null && this.joinable && startsLowercase(text);
    const joinsUnfinished = formulaMode && this.open !== null && this.joinable && wrapsOnto(this.openText(), text) && !this.headingAhead();
    if (joinsLowercase || joinsUnfinished) {
      this.extend(text);
      this.account(line, this.open?.literals.length ? 'literal' : 'paragraph');
      return;
    }
    if (formulaMode && isMeetingLine(text)) {
      this.close();
      this.meta(line, 'closing');
      this.joinable = false;
      return;
    }
    if (lettered) {
      this.problem(line.no, `Literal ${lettered.letter}. follows no paragraph; read as a heading`);
    } else if (formulaMode ? /[.;]$/.test(text) && wordCount(text) >= 6 : isPreambular(text)) {
      // An operative paragraph the text does not number ("Que a participação …"), or a preambular one.
      this.openParagraph(null, text, line.no);
      this.account(line, 'paragraph');
      return;
    }
    this.startSection(text);
    this.account(line, 'heading');
  }
}

export function importText(source: string): ImportedText {
  const lines: Line[] = [];
  let blank = true;
  for (const [index, raw] of source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).entries()) {
    const text = normalise(raw);
    if (text === '') {
      blank = true;
      continue;
    }
    lines.push({ no: index + 1, text, afterBlank: blank && lines.length > 0 });
    blank = false;
  }
  // A resolution numbered straight through reads back into each section's own labels.
  return sectionLocalNumbers(new Reader(lines, findLayout(lines)).read());
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
