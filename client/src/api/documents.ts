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
  headings: { heading: string; sectionKey: string | null; sectionTitle: string | null; paragraphs: number }[];
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
  verdict: { ready: boolean; message: string };
}

export interface ImportResult {
  paragraphs: { id: string; sectionKey: string; label: string }[];
  amendments: number;
  overCap: number;
}

export interface ImportOptions {
  source: 'chair_draft' | 'entity_proposal';
  acceptOverCap: boolean;
}

function importQuery(o: ImportOptions): string {
  return `source=${o.source}&acceptOverCap=${o.acceptOverCap ? 'true' : 'false'}`;
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
