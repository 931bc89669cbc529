import { Document, FootnoteReferenceRun, Packer, Paragraph, ParagraphChild, Tab, TextRun } from 'docx';
import type { DocFootnote, DocModel, DocParagraph, Segment } from '@omnibus/shared';
import { segmentParts } from './bracket-parts';
import { DOCX_NUMBERING, DOCX_STYLES, OPERATIVE_LIST, docxFooter, docxHeader } from './docx-styles';
import { areaChanges } from './layout';
import { emptyNotice } from './render-text';

function runs(model: DocModel, segments: readonly Segment[]): TextRun[] {
  return segmentParts(model, segments).map((p) => new TextRun({ text: p.text, bold: p.sponsors === true }));
}

function footnoteRuns(footnotes: readonly DocFootnote[]): ParagraphChild[] {
  return footnotes.map((f) => new FootnoteReferenceRun(f.number));
}

/**
 * The consensus draft numbers its operative paragraphs with a real Word list, so a secretariat can
 * insert a paragraph and Word renumbers; the compilation text writes its negotiation labels
 * ("5 bis") as text, since no Word numbering can express them.
 */
function paragraphBlocks(model: DocModel, p: DocParagraph): Paragraph[] {
  const listed = model.view === 'consensus' && p.number !== null;
  const text = [...runs(model, p.segments), ...footnoteRuns(p.footnotes)];
  const blocks: Paragraph[] = [];
  if (p.number === null) blocks.push(new Paragraph({ style: 'Preambular', children: text }));
  else if (listed) blocks.push(new Paragraph({ style: 'Operative', numbering: { reference: OPERATIVE_LIST, level: 0 }, children: text }));
  else blocks.push(new Paragraph({ style: 'Operative', children: [new TextRun({ children: [`${p.number}.`, new Tab()] }), ...text] }));
  for (const l of p.literals) {
    blocks.push(
      listed
        ? new Paragraph({ style: 'Literal', numbering: { reference: OPERATIVE_LIST, level: 1 }, children: runs(model, l.segments) })
        : new Paragraph({ style: 'Literal', children: [new TextRun({ children: [`${l.label}.`, new Tab()] }), ...runs(model, l.segments)] }),
    );
  }
  if (p.note !== null) blocks.push(new Paragraph({ style: 'StatusNote', children: [new TextRun(p.note)] }));
  return blocks;
}

export function buildDocx(model: DocModel): Document {
  const body: Paragraph[] = [
    new Paragraph({ style: 'Title', children: [new TextRun(model.title.toUpperCase())] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(model.subtitle)] }),
    new Paragraph({ style: 'Formula', children: [new TextRun(model.formula)] }),
  ];
  for (const { section, area } of areaChanges(model)) {
    if (area !== null) body.push(new Paragraph({ style: 'Heading1', children: [new TextRun(area.toUpperCase())] }));
    if (section.heading !== null) body.push(new Paragraph({ style: 'Heading2', children: [new TextRun(section.heading)] }));
    for (const p of section.paragraphs) body.push(...paragraphBlocks(model, p));
  }
  if (model.sections.length === 0) body.push(new Paragraph({ style: 'StatusNote', children: [new TextRun(emptyNotice(model))] }));
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const s of model.sections) {
    for (const p of s.paragraphs) {
      for (const f of p.footnotes) footnotes[String(f.number)] = { children: [new Paragraph({ children: [new TextRun(f.text)] })] };
    }
  }
  return new Document({
    creator: 'Omnibus',
    title: `${model.symbol} — ${model.title}`,
    description: model.subtitle,
    styles: DOCX_STYLES,
    numbering: DOCX_NUMBERING,
    footnotes,
    sections: [{ headers: { default: docxHeader(model.symbol, model.date) }, footers: { default: docxFooter() }, children: body }],
  });
}

export function renderDocx(model: DocModel): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(model));
}
