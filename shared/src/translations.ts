import { z } from 'zod';
import { LIMITS, resolutionText } from './api-schemas';
import type { Literal } from './domain';
import type { WordDiff } from './redline-types';

/**
 * Parallel language versions of a draft. The negotiation happens in the draft's original language;
 * every translatable unit has a version per official language of the committee that records which
 * revision of the original it translates.
 *
 * Units:
 * - a paragraph: its negotiation text (base words with every open bracket and its sponsors, in the
 *   seed's bracket notation — the same text as `ParagraphView.compiled`) and, for a mandates
 *   paragraph, its literals. A translation gives the text in bracket notation too; its brackets
 *   must name the same sponsors, in the same order, as the original's.
 * - an open amendment: its proposed words (plain text, no brackets). A deletion proposes no words
 *   and is not a unit.
 *
 * Each unit's original has a revision, 1 for its first text, one more each time its text changes
 * (through the API, co-editing, a decision, an import …). A translation is `current` when it was
 * made from the current revision, `outdated` when the original changed since (with the word-level
 * redline of the original between the two), `missing` when there is none.
 */

/** Languages a committee may name as official: the OAS's four and the UN's six. Additive only. */
export const LANGUAGE_CODES = ['en', 'es', 'fr', 'pt', 'ar', 'zh', 'ru'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];
export const languageCode = z.enum(LANGUAGE_CODES);

/** Each language's name in that language, for a language menu. */
export const LANGUAGE_ENDONYMS: Record<LanguageCode, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
  ar: 'العربية',
  zh: '中文',
  ru: 'Русский',
};

/** The OAS's official languages: the default of a new committee. */
export const OAS_LANGUAGES: readonly LanguageCode[] = ['en', 'es', 'fr', 'pt'];
/** The United Nations' six official languages. */
export const UN_LANGUAGES: readonly LanguageCode[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export const TRANSLATION_STATUSES = ['current', 'outdated', 'missing'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const TRANSLATION_UNIT_KINDS = ['paragraph', 'amendment'] as const;
export type TranslationUnitKind = (typeof TRANSLATION_UNIT_KINDS)[number];

/** `DraftView.languages`: the committee's official languages (original first) and the draft's original. */
export interface DraftLanguages {
  original: LanguageCode;
  official: LanguageCode[];
}

/** The original side of a unit as it stands now, for the translator's side-by-side view. */
export interface TranslationOriginal {
  /** Paragraph: the negotiation text in bracket notation (chapeau for mandates); amendment: the proposed words. */
  text: string;
  /** A mandates paragraph's literals. */
  literals?: Literal[];
}

/**
 * Added to every paragraph and amendment of `GET /api/drafts/:id?lang=xx` (and returned by the PUT
 * routes). In the original language every unit is `current` and `text` is the original.
 */
export interface TranslationState {
  unitKind: TranslationUnitKind;
  unitId: string;
  lang: LanguageCode;
  status: TranslationStatus;
  /** Revision of the original the stored translation was made from; null when missing. */
  basedOn: number | null;
  /** The original's current revision: send it as `basedOn` when the translation is brought up to date. */
  originalRevision: number;
  /** The translation (bracket notation for a paragraph); null when missing. */
  text: string | null;
  /** A mandates paragraph's translated literals (same labels as the original's); null when missing. */
  literals?: Literal[] | null;
  /** Only when outdated: what changed in the original between `basedOn` and now, word by word. */
  redline?: WordDiff[];
  original: TranslationOriginal;
  /** Who stored the translation and when; null when missing. */
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * What `?lang=xx` changes in `GET /api/drafts/:id` (fields of ParagraphView / AmendmentView kept):
 * - the draft gains `lang` (the language of the texts) next to `languages`;
 * - each paragraph gains `translation: TranslationState`; where a translation exists (current or
 *   outdated) `compiled` is the translation, `text` its base words (the brackets' proposed words
 *   left out, as in the original's `text`), `chapeau` likewise and `literals` the translated
 *   literals; where missing they stay in the original language;
 * - each amendment gains `translation: TranslationState` and `text` is its translated words where
 *   translated.
 */
export interface TranslatedFields {
  translation?: TranslationState;
}

/** `PUT /api/paragraphs/:id/translations/:lang` and `PUT /api/amendments/:id/translations/:lang`. */
export const putTranslationRequest = z.strictObject({
  text: resolutionText(LIMITS.paragraphText).refine((s) => s.trim().length > 0, 'must not be empty'),
  /** A mandates paragraph's literals, with the original's labels, in its order. */
  literals: z
    .array(z.strictObject({ label: z.string().regex(/^[a-z]{1,2}$/), text: resolutionText(LIMITS.literalText).min(1) }))
    .max(LIMITS.literals)
    .optional(),
  /** The original's revision this translation was made from (`translation.originalRevision` when read). */
  basedOn: z.int().positive(),
  /**
   * Store work in progress made from an older revision: the translation stays `outdated` (with the
   * redline from `basedOn`) instead of the request being refused with `stale_translation`.
   */
  partial: z.boolean().optional(),
});
export type PutTranslationRequest = z.infer<typeof putTranslationRequest>;

/** Body of the 409 `stale_translation` refusal (`details`). */
export interface StaleTranslationDetails {
  unitKind: TranslationUnitKind;
  unitId: string;
  lang: LanguageCode;
  basedOn: number;
  originalRevision: number;
  /** What changed in the original since `basedOn`. */
  redline: WordDiff[];
}

/** One language's figures in `GET /api/drafts/:id/translations/summary`. */
export interface TranslationLanguageSummary {
  lang: LanguageCode;
  current: number;
  outdated: number;
  missing: number;
  /** current + outdated + missing. */
  total: number;
}

export interface TranslationSummary {
  draftId: string;
  original: LanguageCode;
  official: LanguageCode[];
  /** Units counted: paragraphs in play (not deleted or withdrawn) and open amendments that propose words. */
  units: { paragraphs: number; amendments: number };
  /** Every official language except the original, in the committee's order. */
  languages: TranslationLanguageSummary[];
}

/** `details` of the 409 `translation_incomplete` refusal of a consensus export in a language. */
export interface TranslationIncompleteDetails {
  lang: LanguageCode;
  units: { unitKind: TranslationUnitKind; unitId: string; label: string; status: Exclude<TranslationStatus, 'current'> }[];
}

/** `PUT /api/committees/:id/languages` (secretariat): the committee's official languages. */
export const updateCommitteeLanguagesRequest = z.strictObject({
  official: z
    .array(languageCode)
    .min(1)
    .max(LANGUAGE_CODES.length)
    .refine((l) => new Set(l).size === l.length, 'must not name a language twice'),
});
export type UpdateCommitteeLanguagesRequest = z.infer<typeof updateCommitteeLanguagesRequest>;

/** The live event `translation.changed` (namespace /live): units whose translation state changed. */
export const translationChangeSchema = z.object({
  unitKind: z.enum(TRANSLATION_UNIT_KINDS),
  unitId: z.string(),
  paragraphId: z.string(),
  lang: languageCode,
  status: z.enum(TRANSLATION_STATUSES),
  basedOn: z.number().nullable(),
  originalRevision: z.number(),
});
export type TranslationChange = z.infer<typeof translationChangeSchema>;

export const translationChangedPayload = z.object({
  draftId: z.string(),
  /** Why: a translation was stored (`translation.put`) or the original changed (`original.changed`). */
  cause: z.enum(['translation.put', 'original.changed']),
  changes: z.array(translationChangeSchema),
});
export type TranslationChangedPayload = z.infer<typeof translationChangedPayload>;

/**
 * `POST /api/drafts/:id/translations/:lang/import/preview` and `…/import`: a text in an official
 * language (plain text, as the importer reads it) aligned paragraph by paragraph with the draft.
 * The preview answers the alignment and a digest; the import writes only if the digest still
 * matches (the draft and the text unchanged since the preview).
 */
export const importTranslationRequest = z.strictObject({
  text: z.string().min(1, 'must not be empty').max(1_000_000),
  /** The preview's digest; required by the import. */
  digest: z.string().max(128).optional(),
});
export type ImportTranslationRequest = z.infer<typeof importTranslationRequest>;

/** One pair of an import's alignment: a paragraph of the draft and the imported paragraph set against it. */
export interface AlignedParagraph {
  paragraphId: string | null;
  /** The draft's label, and the label the imported text printed. */
  label: string | null;
  importedLabel: string | null;
  sectionKey: string | null;
  /** The original's negotiation text (null: the imported paragraph matches none). */
  original: string | null;
  /** The imported words in bracket notation (null: the draft paragraph has none in the text). */
  text: string | null;
  literals: Literal[] | null;
  /** Why this pair will not be written; empty when it will. */
  problems: string[];
}

export interface TranslationImportPreview {
  lang: LanguageCode;
  paragraphs: AlignedParagraph[];
  readerProblems: { line: number; message: string }[];
  writable: number;
  digest: string;
}

export interface TranslationImportResult {
  lang: LanguageCode;
  written: number;
  skipped: number;
}

/** `PUT /api/drafts/:id/languages` (secretariat): the draft's original language, while it has no translations. */
export const updateDraftLanguageRequest = z.strictObject({ original: languageCode });
export type UpdateDraftLanguageRequest = z.infer<typeof updateDraftLanguageRequest>;
