import { isSymbolLine } from '@omnibus/shared';
import JSZip from 'jszip';
import { AppError } from '../../common/app-error';
import { DocxNumbering, NumberingRef } from './docx-numbering';
import { XNode, attr, child, childrenOf, find, findAll, parseXml, tagOf, textOf, val } from './ooxml';

export interface DocxText {
  /** The document as lines of plain text, Word's automatic numbers written out: what `importText` reads. */
  text: string;
  /** Footnote texts in the order the body cites them; the platform's exports carry reservations as footnotes. */
  footnotes: string[];
}

// Deleted, moved-away and field-code text is not part of what the document says.
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:pPr', 'w:rPr', 'w:footnoteReference', 'w:endnoteReference']);

function runText(nodes: readonly XNode[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === null || SKIPPED.has(tag)) continue;
    if (tag === 'w:t') out += childrenOf(n).map((t) => textOf(t) ?? '').join('');
    else if (tag === 'w:tab') out += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') out += ' ';
    else if (tag === 'w:noBreakHyphen') out += '-';
    else out += runText(childrenOf(n));
  }
  return out;
}

interface StyleInfo {
  numbering: NumberingRef | null;
  basedOn: string | null;
}

function readStyles(root: readonly XNode[]): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const s of findAll(root, 'w:style')) {
    const numPr = find(childrenOf(s), 'w:numPr');
    const numId = val(numPr && child(numPr, 'w:numId'));
    styles.set(attr(s, 'w:styleId') ?? '', {
      numbering: numId && numId !== '0' ? { numId, level: Number(val(numPr && child(numPr, 'w:ilvl')) ?? 0) } : null,
      basedOn: val(child(s, 'w:basedOn')) ?? null,
    });
  }
  return styles;
}

function styleNumbering(styles: Map<string, StyleInfo>, styleId: string | undefined): NumberingRef | null {
  for (let id = styleId, depth = 0; id !== undefined && depth < 10; depth++) {
    const s = styles.get(id);
    if (!s) return null;
    if (s.numbering) return s.numbering;
    id = s.basedOn ?? undefined;
  }
  return null;
}

function paragraphNumbering(p: XNode, styles: Map<string, StyleInfo>): NumberingRef | null {
  const pPr = child(p, 'w:pPr');
  const numPr = pPr && child(pPr, 'w:numPr');
  const numId = val(numPr && child(numPr, 'w:numId'));
  if (numId === '0') return null;
  if (numId !== undefined) return { numId, level: Number(val(numPr && child(numPr, 'w:ilvl')) ?? 0) };
  return styleNumbering(styles, val(pPr && child(pPr, 'w:pStyle')));
}

function xml(text: string): XNode[] {
  try {
    return parseXml(text);
  } catch (err) {
    throw new AppError('validation_failed', `The Word document is damaged: ${err instanceof Error ? err.message : String(err)}.`, {
      issues: [{ path: 'file', message: 'unreadable XML' }],
    });
  }
}

/** Body paragraphs in order, including those inside tables and content controls. */
function paragraphs(body: readonly XNode[]): XNode[] {
  return findAll(body, 'w:p');
}

/** Far more than any resolution needs; a part that inflates past it is a zip bomb, not a draft. */
const MAX_PART_BYTES = 20 * 1024 * 1024;

async function part(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  if (!file) return null;
  // JSZip exposes the central directory's sizes only on this internal field.
  const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (size > MAX_PART_BYTES) {
    throw new AppError('payload_too_large', `The document's part ${name} unpacks to more than ${MAX_PART_BYTES / 1024 / 1024} MB; it cannot be a resolution.`);
  }
  return file.async('string');
}

async function open(data: Buffer): Promise<JSZip> {
  try {
    const zip = await JSZip.loadAsync(data);
    if (!zip.file('word/document.xml')) throw new Error('no word/document.xml');
    return zip;
  } catch {
    throw new AppError('validation_failed', 'The file is not a Word document (.docx): it could not be opened as one. Save it as .docx, or send plain text.', {
      issues: [{ path: 'file', message: 'not a .docx file' }],
    });
  }
}

/**
 * A DOCX as the plain text the importer reads: the symbol from the page header, then every body
 * paragraph with Word's automatic number written before it ("5." or "a."), tracked changes
 * accepted, and each footnote as a "(Footnote 1: …)" line under the paragraph that cites it.
 */
export async function readDocx(data: Buffer): Promise<DocxText> {
  const zip = await open(data);
  const numbering = new DocxNumbering(xml((await part(zip, 'word/numbering.xml')) ?? '<none/>'));
  const styles = readStyles(xml((await part(zip, 'word/styles.xml')) ?? '<none/>'));
  const lines: string[] = [];
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).sort();
  for (const name of headerNames) {
    for (const p of paragraphs(xml((await part(zip, name)) ?? ''))) {
      const line = runText(childrenOf(p)).trim();
      if (isSymbolLine(line) && !lines.includes(line)) lines.push(line);
    }
  }
  const footnotesXml = await part(zip, 'word/footnotes.xml');
  const notes = new Map<string, string>();
  for (const f of footnotesXml === null ? [] : findAll(xml(footnotesXml), 'w:footnote')) {
    const text = runText(childrenOf(f)).replace(/\s+/g, ' ').trim();
    if (Number(attr(f, 'w:id') ?? 0) > 0 && text !== '') notes.set(attr(f, 'w:id') ?? '', text);
  }
  const footnotes: string[] = [];
  const body = find(xml((await part(zip, 'word/document.xml')) ?? ''), 'w:body');
  for (const p of paragraphs(body ? childrenOf(body) : [])) {
    const ref = paragraphNumbering(p, styles);
    const number = ref ? numbering.next(ref) : '';
    const text = runText(childrenOf(p));
    const pStyle = val(find(childrenOf(p), 'w:pStyle'));
    // The importer knows a title by its capitals; Word's Title style often sets them by formatting alone.
    lines.push(`${number === '' ? '' : `${number} `}${pStyle === 'Title' ? text.toUpperCase() : text}`);
    // Each footnote goes under the paragraph that cites it, in the plain text's "(Footnote 1: …)" form.
    for (const r of findAll(childrenOf(p), 'w:footnoteReference')) {
      const note = notes.get(attr(r, 'w:id') ?? '');
      if (note === undefined) continue;
      footnotes.push(note);
      lines.push(`(Footnote ${footnotes.length}: ${note})`);
    }
  }
  return { text: lines.join('\n'), footnotes };
}
