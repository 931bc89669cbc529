import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  INumberingOptions,
  IStylesOptions,
  LevelFormat,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DocModel, displayDate } from '@omnibus/shared';
import { SERIES_LINE } from './render-text';

/** The Word list that numbers operative paragraphs 1, 2, 3 … through the resolution, with literals a., b. under each. */
export const OPERATIVE_LIST = 'operative-paragraphs';

const FONT = 'Times New Roman';
const INDENT = 720;

/**
 * Named Word styles, so a secretariat restyles the whole document at once the way it does its
 * own: Title, Subtitle, Heading 1 (thematic area), Heading 2 (section), Preambular, Operative,
 * Literal, Status note. Headings and formulas keep with the next paragraph and paragraphs keep
 * their lines together, as the PDF lays them out.
 */
export const DOCX_STYLES: IStylesOptions = {
  default: { document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 160 } } } },
  paragraphStyles: [
    { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 }, keepNext: true } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 }, keepNext: true } },
    { id: 'DocumentKind', name: 'Document kind', basedOn: 'Normal', next: 'Title', run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, keepNext: true } },
    { id: 'Presented', name: 'Presented line', basedOn: 'Normal', next: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } } },
    { id: 'Notice', name: 'Notice', basedOn: 'Normal', next: 'Formula', run: { italics: true }, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 360 }, border: { top: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 } } } },
    { id: 'Formula', name: 'Formula', basedOn: 'Normal', next: 'Preambular', paragraph: { spacing: { before: 240, after: 240 }, keepNext: true } },
    { id: 'Translation', name: 'Translation marker', basedOn: 'Normal', next: 'Operative', run: { bold: true, size: 18, color: '8A3B00' }, paragraph: { indent: { left: INDENT } } },
    { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Heading2', quickFormat: true, run: { bold: true, allCaps: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 240 }, keepNext: true } },
    { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Operative', quickFormat: true, run: { bold: true, underline: {} }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
    { id: 'Preambular', name: 'Preambular', basedOn: 'Normal', next: 'Preambular', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, keepLines: true } },
    { id: 'Operative', name: 'Operative', basedOn: 'Normal', next: 'Operative', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: INDENT, hanging: INDENT }, keepLines: true } },
    { id: 'Literal', name: 'Literal', basedOn: 'Normal', next: 'Literal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: 2 * INDENT, hanging: INDENT } } },
    { id: 'StatusNote', name: 'Status note', basedOn: 'Normal', next: 'Operative', run: { italics: true, size: 18, color: '555555' }, paragraph: { indent: { left: INDENT } } },
  ],
};

export const DOCX_NUMBERING: INumberingOptions = {
  config: [
    {
      reference: OPERATIVE_LIST,
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: INDENT, hanging: INDENT } } } },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 2 * INDENT, hanging: INDENT } } } },
      ],
    },
  ],
};

/** The redline's header: the series, the symbol and the date, right-aligned. */
export function docxHeader(symbol: string, isoDate: string): Header {
  const line = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun({ text, bold, size: 20 })] });
  return new Header({ children: [line(SERIES_LINE), line(symbol, true), line(displayDate(isoDate))] });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * Page 1's header block, as the Permanent Council prints it: the council and the committee on the
 * left, in capitals; the series, the symbol, the draft's date and "Original:" on the right. It is
 * a borderless table at the top of the body (as the OAS's own Word files have it), so page 1 has
 * no running header of its own and the importer reads the symbol back.
 */
export function docxHeaderBlock(model: DocModel): Table {
  const f = model.frame;
  const line = (text: string, opts: { bold?: boolean; after?: number } = {}) =>
    new Paragraph({ spacing: { after: opts.after ?? 0 }, children: [new TextRun({ text, bold: opts.bold ?? false, size: 22 })] });
  const cell = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([line(f.council, { bold: true, after: 240 }), line(f.committee, { bold: true })], 62),
          cell([line(f.series), line(model.symbol, { bold: true }), line(f.dateLine), line(f.originalLine)], 38),
        ],
      }),
    ],
  });
}

export function docxEmptyHeader(): Header {
  return new Header({ children: [new Paragraph({ children: [] })] });
}

/** Pages after the first: the page number at the head, "- 2 -", as OAS documents number them. */
export function docxRunningHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 22 })] })],
  });
}

export function docxFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 20 })] })],
  });
}
