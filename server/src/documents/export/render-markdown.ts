import { DocModel, DocParagraph, Segment, displayDate } from '@omnibus/shared';
import { segmentRuns } from './bracket-parts';
import { areaChanges } from './layout';
import { SERIES_LINE, emptyNotice } from './render-text';

/**
 * Markdown treats brackets, asterisks, underscores, angle brackets and backticks as syntax; each
 * is escaped so that "[CH: …]" is not taken for a link and "<b>" in a paragraph stays text.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>&|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A line that would open a heading, quote, list or rule is escaped at its start. */
function escapeLineStart(s: string): string {
  return s.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, space: string, mark: string) => `${space}${mark.replace(/([#>+=\-.)])/, '\\$1')}`);
}

function segmentsMarkdown(model: DocModel, segments: readonly Segment[]): string {
  return segmentRuns(model, segments, 'display')
    .flatMap(({ parts }) => parts.map((p) => (p.sponsors ? `**${escapeMarkdown(p.text)}**` : escapeMarkdown(p.text))))
    .join('');
}

function paragraphMarkdown(model: DocModel, p: DocParagraph): string[] {
  const marks = p.footnotes.map((f) => `[^${f.number}]`).join('');
  const text = segmentsMarkdown(model, p.segments);
  const lines = [p.number === null ? `${escapeLineStart(text)}${marks}` : `**${escapeMarkdown(p.number)}.** ${text}${marks}`];
  for (const l of p.literals) lines.push(`&emsp;*${escapeMarkdown(l.label)}.* ${segmentsMarkdown(model, l.segments)}`);
  if (p.note !== null) lines.push(`*${escapeMarkdown(p.note)}*`);
  return lines.flatMap((l) => [l, '']);
}

export function markdownHeader(d: { title: string; symbol: string; date: string; subtitle: string }): string[] {
  return [
    `${SERIES_LINE}  `,
    `**${escapeMarkdown(d.symbol)}**  `,
    escapeMarkdown(displayDate(d.date)),
    '',
    `# ${escapeMarkdown(d.title.toUpperCase())}`,
    '',
    `*${escapeMarkdown(d.subtitle)}*`,
    '',
  ];
}

export function renderMarkdown(model: DocModel): string {
  const out = [...markdownHeader(model), `**${escapeMarkdown(model.formula)}**`, ''];
  for (const { section, area } of areaChanges(model)) {
    if (area !== null) out.push(`## ${escapeMarkdown(area)}`, '');
    if (section.heading !== null) out.push(`### ${escapeMarkdown(section.heading)}`, '');
    for (const p of section.paragraphs) out.push(...paragraphMarkdown(model, p));
  }
  if (model.sections.length === 0) out.push(`*${escapeMarkdown(emptyNotice(model))}*`, '');
  for (const s of model.sections) {
    for (const p of s.paragraphs) for (const f of p.footnotes) out.push(`[^${f.number}]: ${escapeMarkdown(f.text)}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
