/**
 * The document a draft becomes when it is exported, before any file format: sections with their
 * headings, paragraphs with the number they print, text as bracket segments, literals and
 * footnotes. Every renderer (DOCX, PDF, HTML, Markdown, Akoma Ntoso, plain text) draws this one
 * model, so the formats cannot disagree about what the document says.
 */
import type { Segment } from './brackets';
import type { ParagraphKind, ParagraphState, ParagraphStatus, SectionKind, SectionView } from './domain';

export const EXPORT_VIEWS = ['consensus', 'compilation'] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

export interface DocFootnote {
  /** 1, 2, 3 … in document order. */
  number: number;
  text: string;
}

export interface DocLiteral {
  label: string;
  segments: Segment[];
}

export interface DocParagraph {
  id: string;
  /** What the document prints before the text: "5 bis" (compilation), "12" (consensus); null for an unnumbered preambular paragraph. */
  number: string | null;
  /** The negotiation label, whatever the document prints. */
  label: string;
  kind: ParagraphKind;
  state: ParagraphState;
  status: ParagraphStatus;
  sponsors: string[];
  /** The text, or the chapeau of a mandates paragraph. */
  segments: Segment[];
  literals: DocLiteral[];
  /** The compilation's "(amended; pending)" line; null in the consensus draft. */
  note: string | null;
  footnotes: DocFootnote[];
}

export interface DocSection {
  id: string;
  kind: SectionKind;
  key: string;
  /** Null for the preamble, which follows the formula without a heading of its own. */
  heading: string | null;
  /** The thematic area a topic belongs to; renderers print it when it changes. */
  area: string | null;
  paragraphs: DocParagraph[];
}

export interface DocModel {
  view: ExportView;
  title: string;
  symbol: string;
  /** yyyy-mm-dd. */
  date: string;
  /** "(Compilation text, 12 March 2026)": the importer reads the view back from it. */
  subtitle: string;
  /** "THE GENERAL ASSEMBLY,": the line that opens a resolution's preamble. */
  formula: string;
  sections: DocSection[];
}

export const RESOLUTION_FORMULA = 'THE GENERAL ASSEMBLY,';

const VIEW_NAMES: Record<ExportView, string> = { consensus: 'Consensus draft', compilation: 'Compilation text' };

export function viewName(view: ExportView): string {
  return VIEW_NAMES[view];
}

/** The view a subtitle written by `exportSubtitle` names, or null for any other subtitle. */
export function viewOfSubtitle(subtitle: string | undefined): ExportView | null {
  if (subtitle === undefined) return null;
  return EXPORT_VIEWS.find((v) => subtitle.toLowerCase().startsWith(`(${VIEW_NAMES[v].toLowerCase()}`)) ?? null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-12" → "12 March 2026", as OAS documents date themselves. */
export function displayDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) throw new RangeError(`"${isoDate}" is not a date written yyyy-mm-dd`);
  return `${Number(m[3])} ${month} ${m[1]}`;
}

export function exportSubtitle(view: ExportView, isoDate: string): string {
  return `(${VIEW_NAMES[view]}, ${displayDate(isoDate)})`;
}

/** The heading an exported section prints; the importer maps it back to the section by title and key. */
export function sectionHeading(section: Pick<SectionView, 'kind' | 'key' | 'title'>): string | null {
  switch (section.kind) {
    case 'preamble':
      return null;
    case 'entity':
      return `${section.title} (${section.key})`;
    case 'topic':
    case 'general':
      return section.title;
  }
}

export function emptyModel(view: ExportView, d: { title: string; symbol: string; date: string }): DocModel {
  return {
    view,
    title: d.title,
    symbol: d.symbol,
    date: d.date,
    subtitle: exportSubtitle(view, d.date),
    formula: RESOLUTION_FORMULA,
    sections: [],
  };
}

export function countParagraphs(model: DocModel): number {
  return model.sections.reduce((n, s) => n + s.paragraphs.length, 0);
}
