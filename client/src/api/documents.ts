import type { DocumentLanguage } from '@omnibus/shared/document-words';
import { DOCX_MEDIA_TYPE, type ExportFormat, type ExportKind, type ImportQuery } from '@omnibus/shared/export-schemas';
import type { LineRole } from '@omnibus/shared/import-text';
import type { ImportPreview, ImportResult } from '@omnibus/shared/view-schemas';
import { download, operationUrl, upload } from './http';

export const DOCX_TYPE = DOCX_MEDIA_TYPE;
export type { ImportPreview, ImportResult };
export type ImportLineRole = LineRole;
/** How to import: the query string as the server reads it (`sections` for headings the draft has no section for). */
export type ImportOptions = ImportQuery;

function importQuery(o: ImportOptions) {
  return {
    source: o.source,
    acceptOverCap: o.acceptOverCap ? ('true' as const) : ('false' as const),
    ...(o.sections && o.sections.length > 0 ? { sections: JSON.stringify(o.sections) } : {}),
  };
}

export const documentsApi = {
  export: (draftId: string, kind: ExportKind, format: ExportFormat, options: { version?: string; from?: string; to?: string; lang?: DocumentLanguage } = {}) => {
    const sides = kind === 'redline' ? { from: options.from ?? 'live', to: options.to ?? 'live' } : options.version ? { version: options.version } : {};
    const query = { format, ...(options.lang ? { lang: options.lang } : {}), ...sides };
    return download(operationUrl('exportDraft', { params: { id: draftId, kind }, query }), `${kind}.${format}`);
  },
  previewImport: (draftId: string, body: Blob | string, type: string, o: ImportOptions) =>
    upload<ImportPreview>(operationUrl('previewImport', { params: { id: draftId }, query: importQuery(o) }), body, type),
  commitImport: (draftId: string, body: Blob | string, type: string, o: ImportOptions) =>
    upload<ImportResult>(operationUrl('commitImport', { params: { id: draftId }, query: importQuery(o) }), body, type),
};
