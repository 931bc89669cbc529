import { DocFootnote, DocModel, DocParagraph, PageSize, Segment, displayDate, emptyNotice, translationMarker } from '@omnibus/shared';
import { segmentRuns } from './bracket-parts';
import { PAGE_SIZES } from './page-sizes';
import { documentParts } from './layout';
import { SERIES_LINE } from './render-text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every character that could start markup is escaped: a paragraph that says "<script>" shows those words. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * One stylesheet for the screen and for print. Blocks marked `keep` (formulas, headings) stay with
 * what follows them; paragraphs are not split across pages. The PDF renderer lays the same blocks
 * out into pages of the committee's size with each page's footnotes at its foot.
 */
export function documentCss(pageSize: PageSize): string {
  const page = PAGE_SIZES[pageSize];
  return `
@page { size: ${page.css}; margin: 0; }
body { font-family: 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif; font-size: 12pt; line-height: 1.25; max-width: 46em; margin: 2em auto; color: #111; }
.oas-header { display: flex; justify-content: space-between; align-items: flex-start; font-size: 11pt; margin-bottom: 2.5em; }
.oas-header .left { font-weight: bold; }
.oas-header .left div + div { margin-top: 1em; }
.oas-header .right { text-align: left; min-width: 14em; }
.oas-header .symbol { font-weight: bold; }
.kind { text-align: center; font-weight: bold; margin: 0 0 1.2em; }
h1.title { text-align: center; font-size: 12pt; text-transform: uppercase; margin: 0 0 1em; }
.subtitle, .presented { text-align: center; margin: 0 0 1em; }
.subtitle { font-style: italic; }
.notice { border: 1px solid #999; padding: .4em .6em; font-style: italic; margin: 0 0 1.5em; }
.formula { margin: 1.5em 0 1em; }
h2.area { text-align: center; text-transform: uppercase; font-size: 12pt; margin: 1.6em 0 1em; }
h3.heading { font-size: 12pt; text-decoration: underline; margin: 1.2em 0 .8em; }
.keep { break-after: avoid; page-break-after: avoid; }
.paragraph { margin: 0 0 .9em; break-inside: avoid; page-break-inside: avoid; }
.paragraph p { margin: 0 0 .3em; text-align: justify; }
.preambular p.text { text-indent: 3em; }
.operative p.text, p.literal { padding-left: 3em; text-indent: -3em; }
p.literal { margin-left: 3em; }
.num { display: inline-block; min-width: 3em; text-indent: 0; }
.bracket .sponsors { font-weight: bold; }
.bracket { background: #fff7d6; }
.note { font-style: italic; font-size: 9pt; color: #555; padding-left: 3em; }
.translation { font-weight: bold; font-size: 9pt; color: #8a3b00; padding-left: 3em; }
.status-deleted p.text, .status-withdrawn p.text { text-decoration: line-through; color: #777; }
sup.fn { font-size: 8pt; line-height: 0; }
.footnotes { font-size: 10pt; margin-top: 3em; border-top: 1px solid #999; }
.footnotes ol { padding-left: 1.5em; margin: .4em 0 0; }
ins { background: #d9f2d9; text-decoration: underline; }
del { background: #f8d7d7; text-decoration: line-through; }
.empty { font-style: italic; }
@media print {
  body { margin: 0; max-width: none; }
  .sheet { width: ${page.width}in; height: ${page.height}in; padding: ${page.margin.top}in ${page.margin.side}in ${page.margin.bottom}in; box-sizing: border-box; position: relative; overflow: hidden; break-after: page; page-break-after: always; }
  .sheet:last-child { break-after: auto; page-break-after: auto; }
  .sheet .body { display: flow-root; }
  .sheet .run { position: absolute; top: ${page.margin.top / 2}in; left: ${page.margin.side}in; right: ${page.margin.side}in; text-align: center; font-size: 10pt; }
  .sheet .notes { position: absolute; bottom: ${page.margin.bottom}in; left: ${page.margin.side}in; right: ${page.margin.side}in; font-size: 10pt; }
  .sheet .notes::before { content: ''; display: block; width: 2in; border-top: 1px solid #111; margin-bottom: 3pt; }
  .sheet .notes:empty { display: none; }
  .sheet.long { height: auto; min-height: ${page.height}in; overflow: visible; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
  .sheet.long .paragraph { break-inside: auto; page-break-inside: auto; }
  .sheet.long .notes { position: static; margin-top: 1.5em; }
  .sheet .notes p { margin: 0 0 2pt; text-align: justify; padding-left: 1.5em; text-indent: -1.5em; }
  .sheet .notes sup { font-size: 7pt; }
}
`;
}

function segmentsHtml(model: DocModel, segments: readonly Segment[]): string {
  return segmentRuns(model, segments, 'display')
    .map(({ segment, parts }) => {
      const inner = parts.map((p) => (p.sponsors ? `<b class="sponsors">${escapeHtml(p.text)}</b>` : escapeHtml(p.text))).join('');
      return segment.type === 'text' ? inner : `<span class="bracket ${segment.type}">${inner}</span>`;
    })
    .join('');
}

const marks = (footnotes: readonly DocFootnote[]): string =>
  footnotes.map((f) => `<sup class="fn"><a href="#fn${f.number}">${f.number}</a></sup>`).join('');

/** `data-fns` names the footnotes a block calls, so the PDF's page layout sets them at the foot of that block's page. */
const fnsAttr = (footnotes: readonly DocFootnote[]): string => (footnotes.length === 0 ? '' : ` data-fns="${footnotes.map((f) => f.number).join(' ')}"`);

function paragraphHtml(model: DocModel, p: DocParagraph): string {
  const num = p.number === null ? '' : `<span class="num">${escapeHtml(p.number)}.</span>`;
  const cls = `paragraph ${p.kind === 'preambular' ? 'preambular' : 'operative'} state-${p.state} status-${p.status}`;
  const lines = [`<p class="text">${num}${segmentsHtml(model, p.segments)}${marks(p.footnotes)}</p>`];
  for (const l of p.literals) lines.push(`<p class="literal"><span class="num">${escapeHtml(l.label)}.</span>${segmentsHtml(model, l.segments)}</p>`);
  if (p.note !== null) lines.push(`<p class="note">${escapeHtml(p.note)}</p>`);
  const marker = translationMarker(model, p);
  if (marker !== null) lines.push(`<p class="translation">${escapeHtml(marker)}</p>`);
  return `<div class="${cls}" id="p-${escapeHtml(p.id)}"${fnsAttr(p.footnotes)}>${lines.join('')}</div>`;
}

function footnotesHtml(notes: readonly DocFootnote[]): string {
  if (notes.length === 0) return '';
  return `<section class="footnotes"><ol>${notes.map((f) => `<li id="fn${f.number}" value="${f.number}" data-fn="${f.number}">${escapeHtml(f.text)}</li>`).join('')}</ol></section>`;
}

/** A page of a document this platform prints: its language, its page size, the blocks of its flow and its footnotes. */
export interface HtmlPage {
  lang: string;
  title: string;
  pageSize: PageSize;
  /** What pages after the first carry at their head, e.g. the symbol. */
  running: string;
  blocks: string[];
  footnotes: DocFootnote[];
}

export function htmlDocument(d: HtmlPage): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(d.lang)}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(d.title)}</title>`,
    `<style>${documentCss(d.pageSize)}</style></head><body>`,
    `<main class="flow" data-running="${escapeHtml(d.running)}">`,
    ...d.blocks,
    '</main>',
    footnotesHtml(d.footnotes),
    '</body></html>',
  ].join('\n');
}

/** The redline's page: the series, symbol and date on the right, then the title and subtitle. */
export function htmlPage(d: { title: string; symbol: string; date: string; subtitle: string }, body: string, pageSize: PageSize = 'letter'): string {
  return htmlDocument({
    lang: 'en',
    title: `${d.symbol} — ${d.title}`,
    pageSize,
    running: d.symbol,
    blocks: [
      `<header class="oas-header"><div class="left"></div><div class="right"><div>${SERIES_LINE}</div><div class="symbol">${escapeHtml(d.symbol)}</div><div>${escapeHtml(displayDate(d.date))}</div></div></header>`,
      `<h1 class="title">${escapeHtml(d.title)}</h1>`,
      `<p class="subtitle">${escapeHtml(d.subtitle)}</p>`,
      body,
    ],
    footnotes: [],
  });
}

function frameBlocks(model: DocModel): string[] {
  const f = model.frame;
  return [
    `<header class="oas-header"><div class="left"><div>${escapeHtml(f.council)}</div><div>${escapeHtml(f.committee)}</div></div>` +
      `<div class="right"><div>${escapeHtml(f.series)}</div><div class="symbol">${escapeHtml(model.symbol)}</div><div class="date">${escapeHtml(f.dateLine)}</div><div>${escapeHtml(f.originalLine)}</div></div></header>`,
    `<p class="kind keep">${escapeHtml(f.documentKind)}</p>`,
    `<p class="subtitle keep">${escapeHtml(model.subtitle)}</p>`,
    `<h1 class="title keep"${fnsAttr([model.titleFootnote])}>${escapeHtml(model.title)}${marks([model.titleFootnote])}</h1>`,
    `<p class="presented">${escapeHtml(f.presentedLine)}</p>`,
    ...(model.notice === null ? [] : [`<p class="notice">${escapeHtml(model.notice)}</p>`]),
  ];
}

export function renderHtml(model: DocModel, pageSize: PageSize = 'letter'): string {
  const blocks = [...frameBlocks(model), `<p class="formula keep">${escapeHtml(model.formula)}</p>`];
  for (const part of documentParts(model)) {
    if (part.type === 'resolving') blocks.push(`<p class="formula resolving keep">${escapeHtml(model.resolvingFormula)}</p>`);
    else if (part.type === 'area') blocks.push(`<h2 class="area keep">${escapeHtml(part.text)}</h2>`);
    else if (part.type === 'heading') blocks.push(`<h3 class="heading keep">${escapeHtml(part.text)}</h3>`);
    else blocks.push(paragraphHtml(model, part.paragraph));
  }
  if (model.sections.length === 0) blocks.push(`<p class="empty">${escapeHtml(emptyNotice(model))}</p>`);
  const footnotes = [model.titleFootnote, ...model.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.footnotes))];
  return htmlDocument({ lang: model.lang, title: `${model.symbol} — ${model.title}`, pageSize, running: model.symbol, blocks, footnotes });
}
