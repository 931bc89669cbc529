import type { DocModel, DocParagraph } from '@omnibus/shared';
import { printedText } from './bracket-parts';
import { areaChanges } from './layout';

/** The series line OAS documents print above the symbol; the importer recognises and skips it. */
export const SERIES_LINE = 'OEA/Ser.G';

function paragraphLines(model: DocModel, p: DocParagraph): string[] {
  const text = printedText(model, p.segments);
  const lines = [p.number === null ? text : `${p.number}. ${text}`];
  for (const l of p.literals) lines.push(`${l.label}. ${printedText(model, l.segments)}`);
  if (p.note !== null) lines.push(p.note);
  // Parenthesised, so the importer passes over a footnote instead of reading it as a heading.
  for (const f of p.footnotes) lines.push(`(Footnote ${f.number}: ${f.text})`);
  return lines;
}

/**
 * Plain text in exactly the layout the importer reads: series and symbol, the title in capitals,
 * the subtitle naming the view, the formula, headings, "5 bis." paragraphs, literals, notes.
 */
export function renderText(model: DocModel): string {
  const out: string[] = [SERIES_LINE, model.symbol, model.title.toUpperCase(), model.subtitle, '', model.formula, ''];
  for (const { section, area } of areaChanges(model)) {
    if (area !== null) out.push(area.toUpperCase(), '');
    if (section.heading !== null) out.push(section.heading, '');
    for (const p of section.paragraphs) out.push(...paragraphLines(model, p), '');
  }
  if (model.sections.length === 0) out.push(emptyNotice(model), '');
  return out.join('\n');
}

export function emptyNotice(model: DocModel): string {
  return model.view === 'consensus'
    ? '(No paragraph of this draft has been approved yet.)'
    : '(This draft has no paragraphs yet.)';
}
