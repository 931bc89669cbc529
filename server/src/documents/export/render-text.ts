import { DocModel, DocParagraph, SERIES_LINE, emptyNotice, translationMarker } from '@omnibus/shared';
import { printedText } from './bracket-parts';
import { documentParts } from './layout';

export { SERIES_LINE, emptyNotice };

function paragraphLines(model: DocModel, p: DocParagraph): string[] {
  const text = printedText(model, p.segments);
  const lines = [p.number === null ? text : `${p.number}. ${text}`];
  for (const l of p.literals) lines.push(`${l.label}. ${printedText(model, l.segments)}`);
  if (p.note !== null) lines.push(p.note);
  const marker = translationMarker(model, p);
  if (marker !== null) lines.push(marker);
  // Parenthesised, so the importer passes over a footnote instead of reading it as a heading.
  for (const f of p.footnotes) lines.push(`(Footnote ${f.number}: ${f.text})`);
  return lines;
}

/** Page 1's header block and the lines around the title, in reading order. */
export function frameLines(model: DocModel): string[] {
  const f = model.frame;
  return [
    f.council,
    f.committee,
    f.series,
    model.symbol,
    f.dateLine,
    f.originalLine,
    '',
    f.documentKind,
    model.subtitle,
    '',
    model.title.toUpperCase(),
    `(Footnote ${model.titleFootnote.number}: ${model.titleFootnote.text})`,
    f.presentedLine,
    ...(model.notice === null ? [] : [model.notice]),
    '',
  ];
}

/**
 * Plain text in the layout the importer reads: the header block, "DRAFT RESOLUTION", the title,
 * the subtitle naming the view, the formula, the preamble, the resolving formula, headings,
 * "5 bis." paragraphs, literals, notes.
 */
export function renderText(model: DocModel): string {
  const out: string[] = [...frameLines(model), model.formula, ''];
  for (const part of documentParts(model)) {
    switch (part.type) {
      case 'resolving':
        out.push(model.resolvingFormula, '');
        break;
      case 'area':
        out.push(part.text.toUpperCase(), '');
        break;
      case 'heading':
        out.push(part.text, '');
        break;
      case 'paragraph':
        out.push(...paragraphLines(model, part.paragraph), '');
        break;
    }
  }
  if (model.sections.length === 0) out.push(emptyNotice(model), '');
  return out.join('\n');
}
