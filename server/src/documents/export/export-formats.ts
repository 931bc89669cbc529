import type { ExportFormat } from '@omnibus/shared';

export interface FormatInfo {
  extension: string;
  contentType: string;
}

export const FORMATS: Record<ExportFormat, FormatInfo> = {
  docx: { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  akn: { extension: 'akn.xml', contentType: 'application/akn+xml; charset=utf-8' },
  txt: { extension: 'txt', contentType: 'text/plain; charset=utf-8' },
};

/** attachment; filename="…" for every client, and filename*= for those that read UTF-8 names. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
