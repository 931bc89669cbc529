import type { DocumentLanguage } from '@omnibus/shared/document-words';
import type { ExportFormat, ExportKind } from '@omnibus/shared/export-schemas';
import { download, upload } from './http';

const enc = encodeURIComponent;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The parts of the server's import plan the screen shows. */
export interface ImportPreview {
  title: string | null;
  symbol: string | null;
  source: 'chair_draft' | 'entity_proposal';
  headings: { heading: string; sectionId: string | null; sectionKey: string | null; sectionTitle: string | null; paragraphs: number }[];
  paragraphs: {
    index: number;
    heading: string;
    sectionKey: string | null;
    sourceLabel: string | null;
    label: string | null;
    text: string;
    sponsors: string[];
    amendments: unknown[];
    fits: boolean;
    errors: string[];
    warnings: string[];
  }[];
  problems: { line?: number; message: string }[];
  footnotes: string[];
  /** The organ's formula ("THE GENERAL ASSEMBLY,") and the resolving formula ("RESOLVES:"), when the text has them. */
  formula?: string | null;
  resolvingFormula?: string | null;
  adoption?: string | null;
  metadata?: { line: number; kind: string; text: string }[];
  /** Every non-empty line of the source and what it became. */
  lines?: { line: number; role: ImportLineRole; text: string }[];
  lineCounts?: Record<ImportLineRole, number>;
  /** The source's words: stored in the draft, listed in the preview, or unaccounted (would be lost). */
  words?: { source: number; stored: number; listed: number; unaccounted: number; unaccountedSample: string[] };
  verdict: { ready: boolean; message: string };
}

export type ImportLineRole = 'paragraph' | 'literal' | 'heading' | 'formula' | 'metadata' | 'note' | 'problem';

export interface ImportResult {
  paragraphs: { id: string; sectionKey: string; label: string }[];
  amendments: number;
  overCap: number;
}

export interface ImportOptions {
  source: 'chair_draft' | 'entity_proposal';
  acceptOverCap: boolean;
  /** The section the secretariat chose for each heading the draft has no section for ("RESOLVES:"). */
  sections?: { heading: string; sectionId: string }[];
}

function importQuery(o: ImportOptions): string {
  const sections = o.sections && o.sections.length > 0 ? `&sections=${enc(JSON.stringify(o.sections))}` : '';
  return `source=${o.source}&acceptOverCap=${o.acceptOverCap ? 'true' : 'false'}${sections}`;
}

export const documentsApi = {
  export: (draftId: string, kind: ExportKind, format: ExportFormat, options: { version?: string; from?: string; to?: string; lang?: DocumentLanguage } = {}) => {
    const q = new URLSearchParams({ format });
    if (options.lang) q.set('lang', options.lang);
    if (kind === 'redline') {
      q.set('from', options.from ?? 'live');
      q.set('to', options.to ?? 'live');
    } else if (options.version) {
      q.set('version', options.version);
    }
    return download(`/api/drafts/${enc(draftId)}/export/${kind}?${q.toString()}`, `${kind}.${format}`);
  },
  previewImport: (draftId: string, body: Blob | string, type: string, o: ImportOptions) =>
    upload<ImportPreview>(`/api/drafts/${enc(draftId)}/import/preview?${importQuery(o)}`, body, type),
  commitImport: (draftId: string, body: Blob | string, type: string, o: ImportOptions) =>
    upload<ImportResult>(`/api/drafts/${enc(draftId)}/import?${importQuery(o)}`, body, type),
};
