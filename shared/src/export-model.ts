/**
 * The document a draft becomes when it is exported, before any file format: sections with their
 * headings, paragraphs with the number they print, text as bracket segments, literals and
 * footnotes. Every renderer (DOCX, PDF, HTML, Markdown, Akoma Ntoso, plain text) draws this one
 * model, so the formats cannot disagree about what the document says.
 */
import type { Segment } from './brackets';
import { DOCUMENT_LANGUAGES, DocumentLanguage, documentDate, documentWords } from './document-words';
import type { TranslationStatus } from './translations';
import type { ParagraphKind, ParagraphState, ParagraphStatus, SectionKind, SectionView } from './domain';
import { areaName, entityName, sectionName } from './committee-names';

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
  /**
   * Where the text stands against the original when the document is in another language: absent
   * for the original itself. `translateModel` sets it; every renderer prints "missing" and
   * "outdated" as a marker beside the paragraph in compilation exports.
   */
  translationStatus?: TranslationStatus;
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

/**
 * The OAS header block and the lines around the title, as page 1 of a Permanent Council document
 * prints them: the council and committee on the left; series, symbol, date and original language
 * on the right; then "DRAFT RESOLUTION", the title and the presented/approved line.
 */
export interface DocFrame {
  council: string;
  committee: string;
  /** "OEA/Ser.G". */
  series: string;
  /** The draft's own date, in the document's language. */
  dateLine: string;
  /** "Original: English", in the document's language. */
  originalLine: string;
  /** "DRAFT RESOLUTION". */
  documentKind: string;
  /** "(Presented by the Chair …)" or, once every paragraph is approved, "(Approved by the Committee …)". */
  presentedLine: string;
}

export interface DocModel {
  view: ExportView;
  /** The language the document is written in (its HTML lang, its Akoma Ntoso language). */
  lang: DocumentLanguage;
  /** The draft's original language, named on the "Original:" line. */
  original: DocumentLanguage;
  title: string;
  symbol: string;
  /** yyyy-mm-dd. */
  date: string;
  frame: DocFrame;
  /** "(Compilation text, March 12, 2026)": the importer reads the view back from it. */
  subtitle: string;
  /** The footnote on the title; reservations are numbered after it. */
  titleFootnote: DocFootnote;
  /** What a consensus draft leaves out ("11 of 13 paragraphs are not yet approved …"); null in a compilation. */
  notice: string | null;
  /** "THE GENERAL ASSEMBLY,": the line that opens a resolution's preamble. */
  formula: string;
  /** "RESOLVES:": the line between the preamble and the operative part. */
  resolvingFormula: string;
  sections: DocSection[];
}

export const SERIES_LINE = 'OEA/Ser.G';

export const RESOLUTION_FORMULA = documentWords('en').formula;

const VIEW_NAMES: Record<DocumentLanguage, Record<ExportView, string>> = {
  en: { consensus: 'Consensus draft', compilation: 'Compilation text' },
  es: { consensus: 'Texto de consenso', compilation: 'Texto compilado' },
  fr: { consensus: 'Texte de consensus', compilation: 'Texte de compilation' },
  pt: { consensus: 'Texto de consenso', compilation: 'Texto compilado' },
};

export function viewName(view: ExportView, lang: DocumentLanguage = 'en'): string {
  return VIEW_NAMES[lang][view];
}

/** The view a subtitle written by `exportSubtitle` names, in any of the four languages, or null for any other subtitle. */
export function viewOfSubtitle(subtitle: string | undefined): ExportView | null {
  if (subtitle === undefined) return null;
  const s = subtitle.toLowerCase();
  for (const lang of DOCUMENT_LANGUAGES) {
    const found = EXPORT_VIEWS.find((v) => s.startsWith(`(${VIEW_NAMES[lang][v].toLowerCase()}`));
    if (found) return found;
  }
  return null;
}

/** "2026-03-12" → "March 12, 2026", as the committee's English documents date themselves. */
export function displayDate(isoDate: string): string {
  return documentDate(isoDate, 'en');
}

export function exportSubtitle(view: ExportView, isoDate: string, lang: DocumentLanguage = 'en'): string {
  return `(${VIEW_NAMES[lang][view]}, ${documentDate(isoDate, lang)})`;
}

/**
 * The heading an exported section prints, in the document's language: the committee's own name for
 * its topics, entities (with the acronym the language uses: JID for the IADB in Spanish) and general
 * section; the section's stored title in English and for a key the committee does not know. The
 * importer maps a heading in any of the four languages back to its section.
 */
export function sectionHeading(section: Pick<SectionView, 'kind' | 'key' | 'title'>, lang: DocumentLanguage = 'en'): string | null {
  switch (section.kind) {
    case 'preamble':
      return null;
    case 'entity': {
      const own = lang === 'en' ? null : entityName(section.key, lang);
      return own ? `${own.name} (${own.acronym})` : `${section.title} (${section.key})`;
    }
    case 'topic':
    case 'general':
      return lang === 'en' ? section.title : sectionName(section, lang);
  }
}

/** The thematic area a section prints above it, in the document's language. */
export function sectionArea(section: Pick<SectionView, 'area'>, lang: DocumentLanguage = 'en'): string | null {
  if (section.area === undefined) return null;
  return lang === 'en' ? section.area : areaName(section.area, lang);
}

export interface ModelOptions {
  /** The date the document carries, yyyy-mm-dd: the draft's own date, not the day of the export. */
  date: string;
  /** The document's language; the original when absent. */
  lang?: DocumentLanguage;
  /** The draft's original language; English when absent. */
  original?: DocumentLanguage;
}

export function emptyModel(view: ExportView, d: { title: string; symbol: string }, options: ModelOptions): DocModel {
  const lang = options.lang ?? options.original ?? 'en';
  const original = options.original ?? 'en';
  const words = documentWords(lang);
  const date = documentDate(options.date, lang);
  return {
    view,
    lang,
    original,
    title: d.title,
    symbol: d.symbol,
    date: options.date,
    frame: {
      council: words.council,
      committee: words.committee,
      series: SERIES_LINE,
      dateLine: date,
      originalLine: words.original(original),
      documentKind: words.draftResolution,
      presentedLine: words.presented,
    },
    subtitle: exportSubtitle(view, options.date, lang),
    titleFootnote: { number: 1, text: words.titleNote[view](date) },
    notice: null,
    formula: words.formula,
    resolvingFormula: words.resolvingFormula,
    sections: [],
  };
}

/** The operative part: every section after the preamble. The resolving formula stands before it. */
export function operativeSections(model: DocModel): DocSection[] {
  return model.sections.filter((s) => s.kind !== 'preamble');
}

/** The words a paragraph's translation marker prints, or null when its text is current or the original. */
export function translationMarker(model: DocModel, p: DocParagraph): string | null {
  if (model.view !== 'compilation' || p.translationStatus === undefined || p.translationStatus === 'current') return null;
  return `(${documentWords(model.lang).translation[p.translationStatus]})`;
}

export function emptyNotice(model: DocModel): string {
  const words = documentWords(model.lang);
  return model.view === 'consensus' ? words.emptyConsensus : words.emptyCompilation;
}

export function countParagraphs(model: DocModel): number {
  return model.sections.reduce((n, s) => n + s.paragraphs.length, 0);
}
