import { DocModel, DocParagraph, SERIES_LINE, Segment, displayDate, emptyNotice, translationMarker } from '@omnibus/shared';
import { segmentRuns } from './bracket-parts';
import { documentParts } from './layout';

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
  const marker = translationMarker(model, p);
  if (marker !== null) lines.push(`**${escapeMarkdown(marker)}**`);
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

/** Page 1 of an OAS document: the council and committee, then series, symbol, date and original language; "DRAFT RESOLUTION", the title with its footnote, the presented line. */
function frameMarkdown(model: DocModel): string[] {
  const f = model.frame;
  const n = model.titleFootnote.number;
  return [
    `${escapeMarkdown(f.council)}  `,
    escapeMarkdown(f.committee),
    '',
    `${f.series}  `,
    `**${escapeMarkdown(model.symbol)}**  `,
    `${escapeMarkdown(f.dateLine)}  `,
    escapeMarkdown(f.originalLine),
    '',
    `**${escapeMarkdown(f.documentKind)}**`,
    '',
    `*${escapeMarkdown(model.subtitle)}*`,
    '',
    `# ${escapeMarkdown(model.title.toUpperCase())}[^${n}]`,
    '',
    escapeMarkdown(f.presentedLine),
    '',
    ...(model.notice === null ? [] : [`**${escapeMarkdown(model.notice)}**`, '']),
  ];
}

export function renderMarkdown(model: DocModel): string {
  const out = [...frameMarkdown(model), `**${escapeMarkdown(model.formula)}**`, ''];
  for (const part of documentParts(model)) {
    if (part.type === 'resolving') out.push(`**${escapeMarkdown(model.resolvingFormula)}**`, '');
    else if (part.type === 'area') out.push(`## ${escapeMarkdown(part.text)}`, '');
    else if (part.type === 'heading') out.push(`### ${escapeMarkdown(part.text)}`, '');
    else out.push(...paragraphMarkdown(model, part.paragraph));
  }
  if (model.sections.length === 0) out.push(`*${escapeMarkdown(emptyNotice(model))}*`, '');
  out.push(`[^${model.titleFootnote.number}]: ${escapeMarkdown(model.titleFootnote.text)}`);
  for (const s of model.sections) {
    for (const p of s.paragraphs) for (const f of p.footnotes) out.push(`[^${f.number}]: ${escapeMarkdown(f.text)}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
