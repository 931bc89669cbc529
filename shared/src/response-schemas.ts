/**
 * What the API answers, as schemas: the OpenAPI description is generated from them, and each is
 * checked at compile time against the domain type it describes, so neither can drift alone.
 */
import { z } from 'zod';
import { capsConfigSchema } from './api-schemas';
import {
  AMENDMENT_KINDS,
  AMENDMENT_STATUSES,
  CAP_SCOPES,
  PARAGRAPH_KINDS,
  PARAGRAPH_ORIGINS,
  PARAGRAPH_STATES,
  PARAGRAPH_STATUSES,
  ROLES,
  SECTION_KINDS,
  SPONSORSHIP_STATUSES,
  type AmendmentActions,
  type AmendmentView,
  type DraftActions,
  type ParagraphActions,
  type DraftSummary,
  type DraftView,
  type ParagraphView,
  type UserView,
} from './domain';
import { ERROR_CODES, type ErrorBody } from './errors';
import { languageCode, TRANSLATION_STATUSES, TRANSLATION_UNIT_KINDS, type DraftLanguages, type TranslationState } from './translations';
import { CALENDAR_CATEGORIES, type CalendarEventView } from './workflow-schemas';

export const errorBodySchema = z.object({
  error: z.enum(ERROR_CODES).describe('machine-readable code, e.g. cap_exceeded'),
  message: z.string().describe('a sentence a person can act on'),
  details: z.unknown().optional(),
}) satisfies z.ZodType<ErrorBody>;

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  delegation: z.string().nullable().describe('primary code of the delegation for delegates; null for the offices'),
}) satisfies z.ZodType<UserView>;

export const loginResponseSchema = z.object({
  token: z.string().describe('send as Authorization: Bearer <token>'),
  expiresAt: z.string(),
  user: userViewSchema,
});

export const literalSchema = z.object({ label: z.string(), text: z.string() });

/** With `?lang=`: a unit's translation status in that language. */
export const translationStateSchema = z.object({
  unitKind: z.enum(TRANSLATION_UNIT_KINDS),
  unitId: z.string(),
  lang: languageCode,
  status: z.enum(TRANSLATION_STATUSES),
  basedOn: z.int().nullable(),
  originalRevision: z.int(),
  text: z.string().nullable(),
  literals: z.array(literalSchema).nullable().optional(),
  original: z.object({ text: z.string(), literals: z.array(literalSchema).optional() }),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
/** One run of a word-level redline. */
export const wordDiffSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }) satisfies z.ZodType<NonNullable<TranslationState['redline']>[number]>;
export const translationStateFullSchema = translationStateSchema.extend({
  redline: z.array(wordDiffSchema).optional().describe('only when outdated: what changed in the original, word by word'),
}) satisfies z.ZodType<TranslationState>;

export const draftLanguagesSchema = z.object({ original: languageCode, official: z.array(languageCode) }) satisfies z.ZodType<DraftLanguages>;

const flag = (what: string) => z.boolean().describe(what);

export const amendmentActionsSchema = z.object({
  edit: flag('PATCH /api/amendments/:id'),
  withdraw: flag('POST /api/amendments/:id/withdraw'),
  inviteCosponsors: flag('POST /api/amendments/:id/cosponsors'),
}) satisfies z.ZodType<AmendmentActions>;

export const paragraphActionsSchema = z.object({
  editText: flag('PATCH /api/paragraphs/:id'),
  editBaseText: flag('editText, and no open amendment points into the base text'),
  amend: flag('POST /api/paragraphs/:id/amendments'),
  askToCosponsor: flag('POST /api/paragraphs/:id/join-requests'),
  inviteCosponsors: flag('POST /api/paragraphs/:id/cosponsors'),
  withdraw: flag('POST /api/paragraphs/:id/withdraw'),
  delete: flag('POST /api/paragraphs/:id/delete'),
  restore: flag('POST /api/paragraphs/:id/restore'),
  move: flag('POST /api/paragraphs/:id/move'),
  comment: flag('POST /api/paragraphs/:id/comments'),
}) satisfies z.ZodType<ParagraphActions>;

export const draftActionsSchema = z.object({
  addParagraphs: flag('POST /api/drafts/:id/paragraphs'),
  configure: flag('PATCH /api/drafts/:id/caps'),
  publishVersion: flag('POST /api/drafts/:id/versions'),
  manageWorkflow: flag('phases and the comment window'),
  runSession: flag('POST /api/drafts/:id/sessions and running them'),
  coedit: flag('typing in the live editor at all'),
  translate: flag('keeping the translations'),
  reserve: flag('POST /api/paragraphs/:id/reservations on an approved paragraph'),
  requestFloor: flag('asking for the floor in an approval session'),
  startSilence: flag('circulating paragraphs under the silence procedure'),
  breakSilence: flag('breaking the silence on a circulated paragraph'),
  importDocuments: flag('importing a document as a new draft'),
}) satisfies z.ZodType<DraftActions>;

const actionsNote = 'what the person who asked may do, as the access policy decides their requests';

export const amendmentViewSchema = z.object({
  id: z.string(),
  paragraphId: z.string(),
  kind: z.enum(AMENDMENT_KINDS),
  start: z.int().describe("character range of the paragraph's base text; start === end for an insertion"),
  end: z.int(),
  text: z.string(),
  alternativeGroup: z.string().nullable(),
  alternativeNumber: z.int().nullable(),
  sponsors: z.array(z.string()).describe('delegation codes that sponsor it, proposer first'),
  invited: z.array(z.string()).describe('delegation codes invited to co-sponsor that have not answered yet'),
  status: z.enum(AMENDMENT_STATUSES),
  createdAt: z.string(),
  translation: translationStateFullSchema.optional(),
  actions: amendmentActionsSchema.optional().describe(actionsNote),
}) satisfies z.ZodType<AmendmentView>;

const reservationNoteSchema = z.object({ delegation: z.string(), text: z.string(), createdAt: z.string() });

export const paragraphViewSchema = z.object({
  id: z.string(),
  sectionId: z.string(),
  label: z.string(),
  kind: z.enum(PARAGRAPH_KINDS),
  state: z.enum(PARAGRAPH_STATES),
  status: z.enum(PARAGRAPH_STATUSES),
  origin: z.enum(PARAGRAPH_ORIGINS),
  position: z.int(),
  text: z.string(),
  sponsors: z.array(z.string()),
  invited: z.array(z.string()),
  requested: z.array(z.string()).optional().describe('delegation codes that asked to join the sponsors of a new paragraph and have not been answered yet'),
  chapeau: z.string().optional(),
  literals: z.array(literalSchema).optional(),
  amendments: z.array(amendmentViewSchema),
  compiled: z.string().describe('base text with every open amendment in bracket notation'),
  version: z.int(),
  updatedAt: z.string(),
  reservations: z.array(reservationNoteSchema).optional(),
  translation: translationStateFullSchema.optional(),
  actions: paragraphActionsSchema.optional().describe(actionsNote),
}) satisfies z.ZodType<ParagraphView>;

export const sectionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(SECTION_KINDS),
  key: z.string(),
  title: z.string(),
  area: z.string().optional(),
  position: z.int(),
  paragraphs: z.array(paragraphViewSchema),
});

export const capUsageSchema = z.object({ scope: z.enum(CAP_SCOPES), key: z.string(), limit: z.int(), used: z.int() });

export const draftSummarySchema = z.object({
  id: z.string(),
  committeeId: z.string(),
  title: z.string(),
  symbol: z.string(),
  createdAt: z.string(),
}) satisfies z.ZodType<DraftSummary>;

export const draftViewSchema = draftSummarySchema.extend({
  capsConfig: capsConfigSchema,
  sections: z.array(sectionViewSchema),
  caps: z.array(capUsageSchema),
  languages: draftLanguagesSchema.optional().describe("the committee's official languages and the draft's original"),
  lang: languageCode.optional().describe('the language the texts are in'),
  actions: draftActionsSchema.optional().describe(actionsNote),
}) satisfies z.ZodType<DraftView>;

export const sponsorshipViewSchema = z.object({
  id: z.string(),
  draftId: z.string(),
  paragraphId: z.string().nullable(),
  amendmentId: z.string().nullable(),
  delegation: z.string(),
  status: z.enum(SPONSORSHIP_STATUSES),
});

/** One entry of a draft's append-only history. */
export const auditEventViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  actor: z.object({ userId: z.string().nullable(), username: z.string().nullable(), role: z.string().nullable(), delegation: z.string().nullable() }),
  before: z.unknown(),
  after: z.unknown(),
});

export const calendarEventViewSchema = z.object({
  id: z.string(),
  category: z.enum(CALENDAR_CATEGORIES),
  kind: z.string(),
  title: z.string(),
  start: z.string().nullable().describe('timed events: UTC instant'),
  end: z.string().nullable(),
  date: z.string().nullable().describe("whole-day events: local date (YYYY-MM-DD) in the committee's time zone"),
  endDate: z.string().nullable(),
  yearly: z.boolean(),
  location: z.string().nullable(),
  tentative: z.boolean(),
  note: z.string().nullable(),
  agenda: z.array(
    z.object({ text: z.string(), topicKey: z.string().optional(), entityKey: z.string().optional(), paragraphRefs: z.array(z.string()).optional() }),
  ),
  sessionId: z.string().nullable(),
}) satisfies z.ZodType<CalendarEventView>;
