import {
  AlignmentType,
  Footer,
  Header,
  INumberingOptions,
  IStylesOptions,
  LevelFormat,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { displayDate } from '@omnibus/shared';
import { SERIES_LINE } from './render-text';

/** The Word list that numbers operative paragraphs 1, 2, 3 … through the resolution, with literals a., b. under each. */
export const OPERATIVE_LIST = 'operative-paragraphs';

const FONT = 'Times New Roman';
const INDENT = 720;

/**
 * Named Word styles, so a secretariat restyles the whole document at once the way it does its
 * own: Title, Subtitle, Heading 1 (thematic area), Heading 2 (section), Preambular, Operative,
 * Literal, Status note.
 */
export const DOCX_STYLES: IStylesOptions = {
  default: { document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 160 } } } },
  paragraphStyles: [
    { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 26 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } } },
    { id: 'Formula', name: 'Formula', basedOn: 'Normal', next: 'Preambular', run: { bold: true }, paragraph: { spacing: { before: 240, after: 240 } } },
    { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Heading2', quickFormat: true, run: { bold: true, allCaps: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 240 }, keepNext: true } },
    { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Operative', quickFormat: true, run: { bold: true, underline: {} }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
    { id: 'Preambular', name: 'Preambular', basedOn: 'Normal', next: 'Preambular', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT } } },
    { id: 'Operative', name: 'Operative', basedOn: 'Normal', next: 'Operative', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: INDENT, hanging: INDENT } } },
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

/** Every page carries the series, the symbol and the date, right-aligned as OAS documents print them. */
export function docxHeader(symbol: string, isoDate: string): Header {
  const line = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun({ text, bold, size: 20 })] });
  return new Header({ children: [line(SERIES_LINE), line(symbol, true), line(displayDate(isoDate))] });
}

export function docxFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 20 })] })],
  });
}
