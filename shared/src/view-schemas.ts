/**
 * The answers of the endpoints whose bodies had no schema of their own: accounts, languages,
 * translation figures and imports, redlines, the consensus draft, minutes and document imports.
 * Each is checked at compile time against the type the code builds (`satisfies`), and the server
 * checks its own services' types against them (server/src/docs/served-types.ts), so a field added
 * or renamed on one side fails to compile until the other follows.
 */
import { z } from 'zod';
import { AMENDMENT_KINDS, PARAGRAPH_KINDS, PARAGRAPH_ORIGINS, PARAGRAPH_STATES, PARAGRAPH_STATUSES } from './domain';
import { IMPORT_SOURCE_KINDS } from './export-schemas';
import { EXPORT_VIEWS } from './export-model';
import { LINE_ROLES, type ImportedMetadata } from './import-text';
import type { WordAccount } from './import-words';
import type { DraftRedline } from './redline-types';
import { capUsageSchema, literalSchema, wordDiffSchema } from './response-schemas';
import { languageCode, type TranslationImportPreview, type TranslationImportResult, type TranslationSummary } from './translations';
import { decisionViewSchema, tallySchema, type ConsensusDraft, type Minutes } from './workflow-schemas';

/** `POST /api/users/:id/disable`, `…/enable`, `…/sessions/end`: the account as it now stands. */
export const accountStatusSchema = z.object({
  id: z.string(),
  username: z.string(),
  disabled: z.boolean(),
  sessionsEnded: z.int().describe('sign-in sessions this change ended'),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const delegationInfoSchema = z.object({ code: z.string(), name: z.string(), aliases: z.array(z.string()) });
export type DelegationInfo = z.infer<typeof delegationInfoSchema>;

/** `GET|PUT /api/committees/:id/languages`. */
export const committeeLanguagesSchema = z.object({ committeeId: z.string(), official: z.array(languageCode) });
export type CommitteeLanguages = z.infer<typeof committeeLanguagesSchema>;

export const translationSummarySchema = z.object({
  draftId: z.string(),
  original: languageCode,
  official: z.array(languageCode),
  units: z.object({ paragraphs: z.int(), amendments: z.int() }),
  languages: z.array(z.object({ lang: languageCode, current: z.int(), outdated: z.int(), missing: z.int(), total: z.int() })),
}) satisfies z.ZodType<TranslationSummary>;

const lineProblemSchema = z.object({ line: z.int().describe('1-based line of the source'), message: z.string() });

export const translationImportPreviewSchema = z.object({
  lang: languageCode,
  paragraphs: z.array(
    z.object({
      paragraphId: z.string().nullable(),
      label: z.string().nullable(),
      importedLabel: z.string().nullable(),
      sectionKey: z.string().nullable(),
      original: z.string().nullable(),
      text: z.string().nullable(),
      literals: z.array(literalSchema).nullable(),
      problems: z.array(z.string()).describe('why this pair will not be written; empty when it will'),
    }),
  ),
  readerProblems: z.array(lineProblemSchema),
  writable: z.int(),
  digest: z.string().describe('send it with the import'),
}) satisfies z.ZodType<TranslationImportPreview>;

export const translationImportResultSchema = z.object({ lang: languageCode, written: z.int(), skipped: z.int() }) satisfies z.ZodType<TranslationImportResult>;

export const PARAGRAPH_CHANGES = ['unchanged', 'modified', 'added', 'deleted', 'moved'] as const;
const redlineSideSchema = z.object({ id: z.string().describe('a version id, or "live"'), name: z.string(), symbol: z.string() });

export const draftRedlineSchema = z.object({
  from: redlineSideSchema,
  to: redlineSideSchema,
  paragraphs: z.array(
    z.object({
      paragraphId: z.string(),
      change: z.enum(PARAGRAPH_CHANGES),
      sectionKeyBefore: z.string().nullable(),
      sectionKeyAfter: z.string().nullable(),
      labelBefore: z.string().nullable(),
      labelAfter: z.string().nullable(),
      diff: z.array(wordDiffSchema),
    }),
  ),
  summary: z.record(z.enum(PARAGRAPH_CHANGES), z.int()),
}) satisfies z.ZodType<DraftRedline>;

export const consensusDraftSchema = z.object({
  draftId: z.string(),
  title: z.string(),
  symbol: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      title: z.string(),
      paragraphs: z.array(
        z.object({
          id: z.string(),
          number: z.string().nullable().describe('the final number; null for preambular paragraphs'),
          negotiationLabel: z.string(),
          kind: z.enum(PARAGRAPH_KINDS),
          text: z.string(),
          literals: z.array(literalSchema).optional(),
          footnotes: z.array(z.int()),
        }),
      ),
    }),
  ),
  footnotes: z.array(z.object({ number: z.int(), paragraphId: z.string(), delegation: z.string(), text: z.string() })),
  outstanding: z.int().describe('paragraphs not yet approved, left out'),
}) satisfies z.ZodType<ConsensusDraft>;

export const minutesSchema = z.object({
  sessionId: z.string(),
  draftId: z.string(),
  draftSymbol: z.string(),
  number: z.int(),
  meeting: z.object({ title: z.string(), start: z.string().nullable(), date: z.string().nullable(), timeZone: z.string() }),
  openedAt: z.string(),
  closedAt: z.string(),
  decisions: z.array(decisionViewSchema),
  tally: tallySchema,
}) satisfies z.ZodType<Minutes>;

const METADATA_KINDS = ['symbol', 'series', 'title', 'adoption', 'view', 'masthead', 'closing', 'page'] as const satisfies readonly ImportedMetadata['kind'][];

const wordAccountSchema = z.object({
  source: z.int(),
  stored: z.int(),
  listed: z.int(),
  unaccounted: z.int().describe('words the import would lose'),
  unaccountedSample: z.array(z.string()),
}) satisfies z.ZodType<WordAccount>;

/** `POST /api/drafts/:id/import/preview`: what the import would write, paragraph by paragraph. */
export const importPreviewSchema = z.object({
  title: z.string().nullable(),
  symbol: z.string().nullable(),
  view: z.enum(EXPORT_VIEWS).nullable().describe("the view a document exported by this platform names; null for other texts"),
  source: z.enum(IMPORT_SOURCE_KINDS),
  headings: z.array(z.object({ heading: z.string(), sectionId: z.string().nullable(), sectionKey: z.string().nullable(), sectionTitle: z.string().nullable(), paragraphs: z.int() })),
  paragraphs: z.array(
    z.object({
      index: z.int(),
      heading: z.string(),
      sectionId: z.string().nullable(),
      sectionKey: z.string().nullable(),
      sourceLabel: z.string().nullable(),
      label: z.string().nullable(),
      kind: z.enum(PARAGRAPH_KINDS).nullable(),
      origin: z.enum(PARAGRAPH_ORIGINS),
      state: z.enum(PARAGRAPH_STATES),
      status: z.enum(PARAGRAPH_STATUSES),
      text: z.string(),
      literals: z.array(literalSchema).nullable(),
      sponsors: z.array(z.string()),
      amendments: z.array(
        z.object({
          kind: z.enum(AMENDMENT_KINDS),
          start: z.int(),
          end: z.int(),
          text: z.string(),
          sponsors: z.array(z.string()),
          alternativeGroup: z.int().nullable(),
          alternativeNumber: z.int().nullable(),
        }),
      ),
      reservations: z.array(z.object({ delegation: z.string(), text: z.string() })),
      fits: z.boolean(),
      cap: capUsageSchema.nullable(),
      errors: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  ),
  problems: z.array(lineProblemSchema),
  formula: z.string().nullable(),
  resolvingFormula: z.string().nullable(),
  adoption: z.string().nullable(),
  metadata: z.array(z.object({ line: z.int(), kind: z.enum(METADATA_KINDS), text: z.string() })),
  lines: z.array(z.object({ line: z.int(), role: z.enum(LINE_ROLES), text: z.string() })),
  lineCounts: z.record(z.enum(LINE_ROLES), z.int()),
  words: wordAccountSchema,
  caps: z.array(capUsageSchema),
  summary: z.object({ paragraphs: z.int(), amendments: z.int(), errors: z.int(), overCap: z.int(), unmatchedHeadings: z.int() }),
  footnotes: z.array(z.string()).describe('footnotes of a .docx; not imported'),
  verdict: z.object({ ready: z.boolean(), message: z.string() }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** `POST /api/drafts/:id/import`: what was written. */
export const importResultSchema = z.object({
  paragraphs: z.array(z.object({ id: z.string(), sectionKey: z.string(), label: z.string() })),
  amendments: z.int(),
  overCap: z.int(),
  problems: z.array(lineProblemSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;
