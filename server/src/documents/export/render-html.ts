import { DocModel, DocParagraph, Segment, displayDate } from '@omnibus/shared';
import { segmentRuns } from './bracket-parts';
import { areaChanges } from './layout';
import { SERIES_LINE, emptyNotice } from './render-text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every character that could start markup is escaped: a paragraph that says "<script>" shows those words. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export const DOCUMENT_CSS = `
@page { size: A4; margin: 25mm 22mm 22mm 22mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif; font-size: 12pt; line-height: 1.35; max-width: 46em; margin: 2em auto; color: #111; }
@media print { body { margin: 0; max-width: none; } }
.doc-header { text-align: right; font-size: 10pt; margin-bottom: 2em; }
.doc-header .symbol { font-weight: bold; }
h1.title { text-align: center; font-size: 13pt; text-transform: uppercase; margin: 0 0 .4em; }
.subtitle { text-align: center; font-style: italic; margin: 0 0 2em; }
.formula { font-weight: bold; margin: 1.5em 0; }
h2.area { text-align: center; text-transform: uppercase; font-size: 12pt; margin: 2em 0 1em; }
h3.heading { font-size: 12pt; text-decoration: underline; margin: 1.5em 0 .8em; break-after: avoid; }
.paragraph { margin: 0 0 .9em; break-inside: avoid-page; }
.paragraph p { margin: 0 0 .3em; text-align: justify; }
.preambular p.text { text-indent: 3em; }
.operative p.text, p.literal { padding-left: 3em; text-indent: -3em; }
p.literal { margin-left: 3em; }
.num { display: inline-block; min-width: 3em; text-indent: 0; }
.bracket .sponsors { font-weight: bold; }
.bracket { background: #fff7d6; }
.note { font-style: italic; font-size: 9pt; color: #555; padding-left: 3em; }
.status-deleted p.text, .status-withdrawn p.text { text-decoration: line-through; color: #777; }
.footnotes { font-size: 10pt; margin-top: 3em; border-top: 1px solid #999; }
ins { background: #d9f2d9; text-decoration: underline; }
del { background: #f8d7d7; text-decoration: line-through; }
.empty { font-style: italic; }
`;

function segmentsHtml(model: DocModel, segments: readonly Segment[]): string {
  return segmentRuns(model, segments, 'display')
    .map(({ segment, parts }) => {
      const inner = parts.map((p) => (p.sponsors ? `<b class="sponsors">${escapeHtml(p.text)}</b>` : escapeHtml(p.text))).join('');
      return segment.type === 'text' ? inner : `<span class="bracket ${segment.type}">${inner}</span>`;
    })
    .join('');
}

function paragraphHtml(model: DocModel, p: DocParagraph): string {
  const num = p.number === null ? '' : `<span class="num">${escapeHtml(p.number)}.</span>`;
  const marks = p.footnotes.map((f) => `<sup class="fn"><a href="#fn${f.number}">${f.number}</a></sup>`).join('');
  const cls = `paragraph ${p.kind === 'preambular' ? 'preambular' : 'operative'} state-${p.state} status-${p.status}`;
  const lines = [`<p class="text">${num}${segmentsHtml(model, p.segments)}${marks}</p>`];
  for (const l of p.literals) lines.push(`<p class="literal"><span class="num">${escapeHtml(l.label)}.</span>${segmentsHtml(model, l.segments)}</p>`);
  if (p.note !== null) lines.push(`<p class="note">${escapeHtml(p.note)}</p>`);
  return `<div class="${cls}" id="p-${escapeHtml(p.id)}">${lines.join('')}</div>`;
}

export function htmlPage(d: { title: string; symbol: string; date: string; subtitle: string }, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${d.symbol} — ${d.title}`)}</title>`,
    `<style>${DOCUMENT_CSS}</style></head><body>`,
    `<header class="doc-header"><div>${SERIES_LINE}</div><div class="symbol">${escapeHtml(d.symbol)}</div><div>${escapeHtml(displayDate(d.date))}</div></header>`,
    `<h1 class="title">${escapeHtml(d.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(d.subtitle)}</p>`,
    body,
    '</body></html>',
  ].join('\n');
}

export function renderHtml(model: DocModel): string {
  const body: string[] = [`<p class="formula">${escapeHtml(model.formula)}</p>`];
  for (const { section, area } of areaChanges(model)) {
    if (area !== null) body.push(`<h2 class="area">${escapeHtml(area)}</h2>`);
    const heading = section.heading === null ? '' : `<h3 class="heading">${escapeHtml(section.heading)}</h3>`;
    body.push(`<section class="section section-${section.kind}">${heading}${section.paragraphs.map((p) => paragraphHtml(model, p)).join('\n')}</section>`);
  }
  if (model.sections.length === 0) body.push(`<p class="empty">${escapeHtml(emptyNotice(model))}</p>`);
  const notes = model.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.footnotes));
  if (notes.length > 0) {
    body.push(`<section class="footnotes"><ol>${notes.map((f) => `<li id="fn${f.number}" value="${f.number}">${escapeHtml(f.text)}</li>`).join('')}</ol></section>`);
  }
  return htmlPage(model, body.join('\n'));
}
