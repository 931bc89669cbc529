import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, ParagraphChild, Tab, TextRun } from 'docx';
import type { WordDiff } from '@omnibus/shared';
import { DOCX_NUMBERING, DOCX_STYLES, docxFooter, docxHeader } from './docx-styles';
import { RedlineDocument, redlineLabel, redlineRows, redlineSummary } from './redline-document';

/** Word's own tracked changes, so the secretariat can accept or reject each one as it does in a compared document. */
function diffRuns(diff: readonly WordDiff[], author: string, date: string, ids: { next: number }): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const d of diff) {
    // A line break inside the compared text separates a mandates paragraph's literals.
    d.text.split('\n').forEach((piece, i) => {
      const br = i > 0 ? 1 : undefined;
      const options = { text: piece, ...(br === undefined ? {} : { break: br }) };
      if (d.op === 'equal') runs.push(new TextRun(options));
      else if (d.op === 'insert') runs.push(new InsertedTextRun({ ...options, id: ids.next++, author, date }));
      else runs.push(new DeletedTextRun({ ...options, id: ids.next++, author, date }));
    });
  }
  return runs;
}

export function renderRedlineDocx(doc: RedlineDocument): Promise<Buffer> {
  const author = `Omnibus: ${doc.redline.from.name} → ${doc.redline.to.name}`;
  const date = `${doc.date}T00:00:00Z`;
  const ids = { next: 1 };
  const body: Paragraph[] = [
    new Paragraph({ style: 'Title', children: [new TextRun(doc.title.toUpperCase())] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(doc.subtitle)] }),
    new Paragraph({ style: 'StatusNote', children: [new TextRun(`${redlineSummary(doc)}. Changes are tracked: accept or reject them in Word.`)] }),
  ];
  for (const { p, heading } of redlineRows(doc)) {
    if (heading !== null) body.push(new Paragraph({ style: 'Heading2', children: [new TextRun(heading)] }));
    body.push(new Paragraph({ style: 'Operative', children: [new TextRun({ children: [`${redlineLabel(p)}.`, new Tab()] }), ...diffRuns(p.diff, author, date, ids)] }));
    body.push(new Paragraph({ style: 'StatusNote', children: [new TextRun(`(${p.change})`)] }));
  }
  const document = new Document({
    creator: 'Omnibus',
    title: `${doc.symbol} — redline`,
    description: doc.subtitle,
    styles: DOCX_STYLES,
    numbering: DOCX_NUMBERING,
    sections: [{ headers: { default: docxHeader(doc.symbol, doc.date) }, footers: { default: docxFooter() }, children: body }],
  });
  return Packer.toBuffer(document);
}
