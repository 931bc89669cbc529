import { Document, FootnoteReferenceRun, Packer, Paragraph, ParagraphChild, Tab, Table, TextRun } from 'docx';
import { DocFootnote, DocModel, DocParagraph, PageSize, Segment, emptyNotice, translationMarker } from '@omnibus/shared';
import { segmentParts } from './bracket-parts';
import { DOCX_NUMBERING, DOCX_STYLES, OPERATIVE_LIST, docxEmptyHeader, docxHeaderBlock, docxRunningHeader } from './docx-styles';
import { documentParts } from './layout';
import { PAGE_SIZES } from './page-sizes';

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
  const marker = translationMarker(model, p);
  if (marker !== null) blocks.push(new Paragraph({ style: 'Translation', children: [new TextRun(marker)] }));
  return blocks;
}

/** "DRAFT RESOLUTION", the title with its footnote, the subtitle, the presented line and what a consensus draft leaves out. */
function frameBlocks(model: DocModel): Paragraph[] {
  const f = model.frame;
  return [
    new Paragraph({ style: 'DocumentKind', children: [new TextRun(f.documentKind)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(model.subtitle)] }),
    new Paragraph({ style: 'Title', children: [new TextRun(model.title.toUpperCase()), ...footnoteRuns([model.titleFootnote])] }),
    new Paragraph({ style: 'Presented', children: [new TextRun(f.presentedLine)] }),
    ...(model.notice === null ? [] : [new Paragraph({ style: 'Notice', children: [new TextRun(model.notice)] })]),
  ];
}

export function buildDocx(model: DocModel, pageSize: PageSize = 'letter'): Document {
  const body: (Paragraph | Table)[] = [docxHeaderBlock(model), ...frameBlocks(model), new Paragraph({ style: 'Formula', children: [new TextRun(model.formula)] })];
  for (const part of documentParts(model)) {
    if (part.type === 'resolving') body.push(new Paragraph({ style: 'Formula', children: [new TextRun(model.resolvingFormula)] }));
    else if (part.type === 'area') body.push(new Paragraph({ style: 'Heading1', children: [new TextRun(part.text.toUpperCase())] }));
    else if (part.type === 'heading') body.push(new Paragraph({ style: 'Heading2', children: [new TextRun(part.text)] }));
    else body.push(...paragraphBlocks(model, part.paragraph));
  }
  if (model.sections.length === 0) body.push(new Paragraph({ style: 'StatusNote', children: [new TextRun(emptyNotice(model))] }));
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const note = (f: DocFootnote) => (footnotes[String(f.number)] = { children: [new Paragraph({ children: [new TextRun(f.text)] })] });
  note(model.titleFootnote);
  for (const s of model.sections) for (const p of s.paragraphs) p.footnotes.forEach(note);
  const page = PAGE_SIZES[pageSize];
  const inch = 1440;
  return new Document({
    creator: 'Omnibus',
    title: `${model.symbol} — ${model.title}`,
    description: model.subtitle,
    styles: { ...DOCX_STYLES, default: { ...DOCX_STYLES.default, document: { ...DOCX_STYLES.default?.document, run: { ...DOCX_STYLES.default?.document?.run, language: { value: model.lang } } } } },
    numbering: DOCX_NUMBERING,
    footnotes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: page.twips,
            margin: { top: page.margin.top * inch, bottom: page.margin.bottom * inch, left: page.margin.side * inch, right: page.margin.side * inch, header: inch / 2, footer: inch / 2 },
          },
        },
        headers: { first: docxEmptyHeader(), default: docxRunningHeader() },
        children: body,
      },
    ],
  });
}

export function renderDocx(model: DocModel, pageSize: PageSize = 'letter'): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(model, pageSize));
}
