/** Query strings of the document endpoints: exports of a draft and imports into it. */
import { z } from 'zod';
import { cleanString } from './api-schemas';
import { DOCUMENT_LANGUAGES } from './document-words';

/** The paper a committee prints on: US Letter at the OAS in Washington, A4 elsewhere. */
export const PAGE_SIZES = ['letter', 'a4'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'akn', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_KINDS = ['consensus', 'compilation', 'redline'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written yyyy-mm-dd')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real date');

/** A published version's id, or "live" for the draft as it stands. */
const side = z.union([z.literal('live'), z.uuid()]);

export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('docx'),
  /** A published version to export; the live draft when absent. */
  version: z.uuid().optional(),
  /** The date the document carries; the draft's own date when absent. */
  date: isoDate.optional(),
  /** The language the document is written in; the draft's original language when absent. */
  lang: z.enum(DOCUMENT_LANGUAGES).optional(),
  /** Chair only, consensus draft: issue it although some translations are missing or outdated, with a note saying so. */
  allowIncomplete: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const redlineExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('docx'),
  from: side,
  to: side.default('live'),
  date: isoDate.optional(),
  lang: z.enum(DOCUMENT_LANGUAGES).optional(),
});
export type RedlineExportQuery = z.infer<typeof redlineExportQuery>;

export const IMPORT_SOURCE_KINDS = ['chair_draft', 'entity_proposal'] as const;

const sectionChoice = z.strictObject({ heading: cleanString({ newlines: true, tabs: true }).max(500), sectionId: z.uuid() });

export const importQuery = z.strictObject({
  source: z.enum(IMPORT_SOURCE_KINDS).default('chair_draft'),
  /** Only for an entity's proposal: write paragraphs past a cap, as the entity approved them. */
  acceptOverCap: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** JSON list of { heading, sectionId } for headings the text does not name recognisably. */
  sections: z
    .string()
    .max(20_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON: [{ "heading": "…", "sectionId": "…" }]' });
        return z.NEVER;
      }
    })
    .pipe(z.array(sectionChoice).max(200))
    .optional(),
});
export type ImportQuery = z.infer<typeof importQuery>;

/** What an import accepts as its body. */
export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024 } as const;
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
