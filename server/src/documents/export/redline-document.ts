import { DraftRedline, DraftView, PageSize, ParagraphRedline, WordDiff, displayDate, sectionHeading } from '@omnibus/shared';
import { escapeHtml, htmlPage } from './render-html';
import { escapeMarkdown, markdownHeader } from './render-markdown';
import { SERIES_LINE } from './render-text';

/** A redline ready to print: the comparison, the document it belongs to, and section headings by key. */
export interface RedlineDocument {
  redline: DraftRedline;
  title: string;
  symbol: string;
  /** yyyy-mm-dd. */
  date: string;
  subtitle: string;
  headings: ReadonlyMap<string, string>;
}

export function redlineDocument(redline: DraftRedline, sides: readonly DraftView[], date: string): RedlineDocument {
  const headings = new Map<string, string>();
  for (const view of sides) for (const s of view.sections) if (!headings.has(s.key)) headings.set(s.key, sectionHeading(s) ?? 'Preamble');
  const side = (s: DraftRedline['from']) => `${s.name} (${s.symbol})`;
  const last = sides[sides.length - 1];
  return {
    redline,
    title: last?.title ?? '',
    symbol: redline.to.symbol,
    date,
    subtitle: `(Redline: ${side(redline.from)} compared with ${side(redline.to)}, ${displayDate(date)})`,
    headings,
  };
}

export function redlineLabel(p: ParagraphRedline): string {
  if (p.labelBefore !== null && p.labelAfter !== null && p.labelBefore !== p.labelAfter) return `${p.labelBefore} → ${p.labelAfter}`;
  return p.labelAfter ?? p.labelBefore ?? '';
}

/** Each paragraph with the section heading to print before it, when its section differs from the previous one's. */
export function redlineRows(doc: RedlineDocument): { p: ParagraphRedline; heading: string | null }[] {
  let current: string | null = null;
  return doc.redline.paragraphs.map((p) => {
    const key = p.sectionKeyAfter ?? p.sectionKeyBefore;
    const heading = key !== null && key !== current ? (doc.headings.get(key) ?? key) : null;
    current = key;
    return { p, heading };
  });
}

export function redlineSummary(doc: RedlineDocument): string {
  const s = doc.redline.summary;
  return `${s.modified} modified, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved, ${s.unchanged} unchanged`;
}

function diffHtml(diff: readonly WordDiff[]): string {
  return diff
    .map((d) => {
      const text = escapeHtml(d.text).replace(/\n/g, '<br>');
      return d.op === 'insert' ? `<ins>${text}</ins>` : d.op === 'delete' ? `<del>${text}</del>` : text;
    })
    .join('');
}

export function renderRedlineHtml(doc: RedlineDocument, pageSize: PageSize = 'letter'): string {
  const body = [`<p class="summary">${escapeHtml(redlineSummary(doc))}. Insertions are underlined, deletions struck through.</p>`];
  for (const { p, heading } of redlineRows(doc)) {
    if (heading !== null) body.push(`<h3 class="heading">${escapeHtml(heading)}</h3>`);
    body.push(
      `<div class="paragraph operative change-${p.change}"><p class="text"><span class="num">${escapeHtml(redlineLabel(p))}.</span>${diffHtml(p.diff)}</p><p class="note">(${p.change})</p></div>`,
    );
  }
  return htmlPage(doc, body.join('\n'), pageSize);
}

export function renderRedlineMarkdown(doc: RedlineDocument): string {
  const out = [...markdownHeader(doc), `${escapeMarkdown(redlineSummary(doc))}. Insertions are **bold**, deletions ~~struck through~~.`, ''];
  for (const { p, heading } of redlineRows(doc)) {
    if (heading !== null) out.push(`### ${escapeMarkdown(heading)}`, '');
    const text = p.diff
      .map((d) => {
        const t = escapeMarkdown(d.text).replace(/\n/g, '  \n');
        if (t.trim() === '' || d.op === 'equal') return t;
        // Emphasis must hug its words to render, so surrounding spaces stay outside the marks.
        const mark = d.op === 'insert' ? '**' : '~~';
        return t.replace(/^(\s*)([\s\S]*?)(\s*)$/, `$1${mark}$2${mark}$3`);
      })
      .join('');
    out.push(`**${escapeMarkdown(redlineLabel(p))}.** ${text} *(${p.change})*`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Plain text marks changes as wdiff does: [-deleted-] and {+inserted+}. */
export function renderRedlineText(doc: RedlineDocument): string {
  const out = [SERIES_LINE, doc.symbol, doc.title.toUpperCase(), doc.subtitle, '', `${redlineSummary(doc)}.`, ''];
  for (const { p, heading } of redlineRows(doc)) {
    if (heading !== null) out.push(heading, '');
    const text = p.diff.map((d) => (d.op === 'insert' ? `{+${d.text}+}` : d.op === 'delete' ? `[-${d.text}-]` : d.text)).join('');
    out.push(`${redlineLabel(p)}. ${text}`, `(${p.change})`, '');
  }
  return out.join('\n');
}
