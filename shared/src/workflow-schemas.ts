import { z } from 'zod';
import type { Literal, ParagraphKind, ParagraphState } from './domain';
import { PARAGRAPH_KINDS, PARAGRAPH_STATUSES } from './domain';
import { cleanString, delegationCode, resolutionText } from './api-schemas';

/**
 * The negotiation's workflow as the work plan describes it ("Negotiation of the draft omnibus
 * resolution"): versions, the comment window, approval sessions, informal consultations,
 * reservations, the calendar and the silence procedure. Requests are zod schemas (the server
 * validates with them); views are the shapes the API answers with.
 */

export const WORKFLOW_LIMITS = {
  versionName: 120,
  comment: 4_000,
  reservation: 2_000,
  note: 2_000,
  meetingTitle: 500,
  agendaItems: 60,
  queue: 1_000,
  silenceItems: 200,
} as const;

const isoInstant = z.iso.datetime({ offset: true, message: 'must be a date and time with its offset, e.g. 2022-08-14T23:59:00-04:00' });

// ---------------------------------------------------------------------------------------------
// Phases and the comment window

/** drafting → comments (open until a deadline) → revision → negotiation → adopted. */
export const DRAFT_PHASES = ['drafting', 'comments', 'revision', 'negotiation', 'adopted'] as const;
export type DraftPhase = (typeof DRAFT_PHASES)[number];

export const setPhaseRequest = z.strictObject({
  phase: z.enum(DRAFT_PHASES),
  /** Required when opening the comment window unless the draft already has a planned deadline. */
  commentDeadline: isoInstant.optional(),
});
export type SetPhaseRequest = z.infer<typeof setPhaseRequest>;

/** Reopens (from revision) or extends (during comments) the window until a new deadline. */
export const commentWindowRequest = z.strictObject({ deadline: isoInstant });
export type CommentWindowRequest = z.infer<typeof commentWindowRequest>;

export const workflowViewSchema = z.object({
  draftId: z.string(),
  phase: z.enum(DRAFT_PHASES),
  /** UTC instant, or null when none is set. */
  commentDeadline: z.string().nullable(),
  /** The deadline as the committee reads it, in its own time zone. */
  commentDeadlineLocal: z.string().nullable(),
  timeZone: z.string(),
  /** Whether delegations may send amendments, new paragraphs and comments right now. */
  windowOpen: z.boolean(),
  now: z.string(),
});
export type WorkflowView = z.infer<typeof workflowViewSchema>;

// ---------------------------------------------------------------------------------------------
// Versions

export const publishVersionRequest = z.strictObject({
  name: cleanString().trim().min(1).max(WORKFLOW_LIMITS.versionName).optional(),
  symbol: cleanString().trim().min(1).max(80).optional(),
});
export type PublishVersionRequest = z.infer<typeof publishVersionRequest>;

const paragraphRef = z.object({ id: z.string(), sectionKey: z.string(), label: z.string() });
export type ParagraphRef = z.infer<typeof paragraphRef>;

/** The methodology's three groups at publication, in document order. */
export const versionClassificationSchema = z.object({
  consensus: z.array(paragraphRef),
  amended: z.array(paragraphRef.extend({ amendments: z.number() })),
  new: z.array(paragraphRef.extend({ sponsors: z.array(z.string()) })),
});
export type VersionClassification = z.infer<typeof versionClassificationSchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  draftId: z.string(),
  number: z.number(),
  name: z.string(),
  symbol: z.string(),
  phase: z.enum(DRAFT_PHASES),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  classification: versionClassificationSchema,
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

// ---------------------------------------------------------------------------------------------
// Comments

export const createCommentRequest = z.strictObject({
  body: resolutionText(WORKFLOW_LIMITS.comment).refine((s) => s.trim().length > 0, 'must not be empty'),
  parentId: z.uuid().optional(),
});
export type CreateCommentRequest = z.infer<typeof createCommentRequest>;

export interface CommentView {
  id: string;
  paragraphId: string;
  parentId: string | null;
  author: { username: string; displayName: string; role: string; delegation: string | null };
  body: string;
  createdAt: string;
  replies: CommentView[];
}
export const commentViewSchema: z.ZodType<CommentView> = z.object({
  id: z.string(),
  paragraphId: z.string(),
  parentId: z.string().nullable(),
  author: z.object({ username: z.string(), displayName: z.string(), role: z.string(), delegation: z.string().nullable() }),
  body: z.string(),
  createdAt: z.string(),
  replies: z.array(z.lazy(() => commentViewSchema)),
});

// ---------------------------------------------------------------------------------------------
// Calendar

export const CALENDAR_CATEGORIES = ['meeting', 'milestone', 'reminder'] as const;
export type CalendarCategory = (typeof CALENDAR_CATEGORIES)[number];

export const MEETING_KINDS = ['regular', 'special', 'all_day', 'event'] as const;

export const agendaItemInput = z.strictObject({
  text: cleanString({ newlines: true }).trim().min(1).max(2_000),
  topicKey: cleanString().min(1).max(80).optional(),
  entityKey: z.enum(['CICAD', 'CICTE', 'IADB']).optional(),
  paragraphRefs: z.array(cleanString().min(1).max(40)).max(100).optional(),
});

export const createMeetingRequest = z
  .strictObject({
    title: cleanString().trim().min(1).max(WORKFLOW_LIMITS.meetingTitle),
    kind: z.enum(MEETING_KINDS),
    start: isoInstant,
    end: isoInstant,
    location: cleanString().trim().min(1).max(200).optional(),
    tentative: z.boolean().optional(),
    agenda: z.array(agendaItemInput).max(WORKFLOW_LIMITS.agendaItems).optional(),
  })
  .refine((m) => Date.parse(m.end) > Date.parse(m.start), { message: 'must be after start', path: ['end'] });
export type CreateMeetingRequest = z.infer<typeof createMeetingRequest>;

export interface CalendarEventView {
  id: string;
  category: CalendarCategory;
  /** regular | special | all_day | event for meetings; first_version | comment_deadline | revised_distribution; report. */
  kind: string;
  title: string;
  /** Timed events: UTC instants. */
  start: string | null;
  end: string | null;
  /** Whole-day events: local dates (YYYY-MM-DD) in the committee's time zone; endDate inclusive. */
  date: string | null;
  endDate: string | null;
  /** Report reminders recur on the same day each year. */
  yearly: boolean;
  location: string | null;
  tentative: boolean;
  note: string | null;
  agenda: { text: string; topicKey?: string; entityKey?: string; paragraphRefs?: string[] }[];
  /** The approval session held at this meeting, if any. */
  sessionId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Approval sessions

export const DECISIONS = ['approved', 'approved_as_amended', 'held', 'deferred', 'deleted'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The seed's order of consideration: consensus first, then amended, then new. */
export const QUEUE_GROUPS = ['consensus', 'amended', 'new'] as const satisfies readonly ParagraphState[];

export const QUEUE_ITEM_STATUSES = ['waiting', 'called', 'skipped', 'decided'] as const;
export type QueueItemStatus = (typeof QUEUE_ITEM_STATUSES)[number];

export const openSessionRequest = z.strictObject({ meetingId: z.uuid() });
export type OpenSessionRequest = z.infer<typeof openSessionRequest>;

export const reorderQueueRequest = z.strictObject({
  /** Every waiting paragraph of the queue, in the new order. */
  paragraphIds: z.array(z.uuid()).min(1).max(WORKFLOW_LIMITS.queue),
});
export type ReorderQueueRequest = z.infer<typeof reorderQueueRequest>;

export const callParagraphRequest = z.strictObject({ paragraphId: z.uuid().optional() });
export type CallParagraphRequest = z.infer<typeof callParagraphRequest>;

export const decisionRequest = z
  .strictObject({
    decision: z.enum(DECISIONS),
    /** Defaults to the paragraph under consideration. */
    paragraphId: z.uuid().optional(),
    /** approved_as_amended: the agreed text; when omitted, the accepted amendments applied to the text. */
    agreedText: resolutionText(10_000).refine((s) => s.trim().length > 0, 'must not be empty').optional(),
    /** approved_as_amended: the proposals the agreed text takes up; every other open one is rejected. */
    acceptedAmendmentIds: z.array(z.uuid()).max(100).optional(),
    /** held: the delegation leading informal consultations (default: the proposer). */
    leadDelegation: delegationCode.optional(),
    note: cleanString({ newlines: true, tabs: true }).trim().max(WORKFLOW_LIMITS.note).optional(),
  })
  .refine((d) => d.decision === 'approved_as_amended' || (d.agreedText === undefined && d.acceptedAmendmentIds === undefined), {
    message: 'only an approval as amended takes agreed text or accepted amendments',
    path: ['agreedText'],
  })
  .refine((d) => d.decision !== 'approved_as_amended' || d.agreedText !== undefined || (d.acceptedAmendmentIds?.length ?? 0) > 0, {
    message: 'give the agreed text or the amendments it accepts',
    path: ['agreedText'],
  })
  .refine((d) => d.decision === 'held' || d.leadDelegation === undefined, {
    message: 'only a paragraph held for informal consultations has a lead delegation',
    path: ['leadDelegation'],
  });
export type DecisionRequest = z.infer<typeof decisionRequest>;

export const floorRequest = z.strictObject({ paragraphId: z.uuid().optional() });
export type FloorRequest = z.infer<typeof floorRequest>;

export const MINUTES_FORMATS = ['json', 'markdown', 'text'] as const;
export const minutesQuery = z.strictObject({ format: z.enum(MINUTES_FORMATS).default('json') });

export const tallySchema = z.object({
  approved: z.number(),
  /** Paragraphs in play (not deleted or withdrawn). */
  total: z.number(),
  held: z.number(),
  deferred: z.number(),
  pending: z.number(),
  deleted: z.number(),
  /** "47 of 118 approved" */
  text: z.string(),
});
export type Tally = z.infer<typeof tallySchema>;

export const queueItemSchema = z.object({
  paragraphId: z.string(),
  sectionKey: z.string(),
  sectionTitle: z.string(),
  label: z.string(),
  kind: z.enum(PARAGRAPH_KINDS),
  group: z.enum(QUEUE_GROUPS),
  status: z.enum(QUEUE_ITEM_STATUSES),
  paragraphStatus: z.enum(PARAGRAPH_STATUSES),
  /** Back from informal consultations, a deferral or a broken silence. */
  returning: z.boolean(),
  compiled: z.string(),
  position: z.number(),
});
export type QueueItemView = z.infer<typeof queueItemSchema>;

export const decisionViewSchema = z.object({
  id: z.string(),
  sequence: z.number(),
  paragraphId: z.string(),
  sectionKey: z.string(),
  label: z.string(),
  decision: z.enum(DECISIONS),
  textBefore: z.string(),
  agreedText: z.string().nullable(),
  leadDelegation: z.string().nullable(),
  note: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.string().nullable(),
  tally: tallySchema,
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

export const SPEAKER_STATUSES = ['waiting', 'speaking', 'done', 'withdrawn', 'removed'] as const;
export type SpeakerStatus = (typeof SPEAKER_STATUSES)[number];

export const speakerViewSchema = z.object({
  id: z.string(),
  delegation: z.string(),
  username: z.string(),
  paragraphId: z.string().nullable(),
  status: z.enum(SPEAKER_STATUSES),
  requestedAt: z.string(),
});
export type SpeakerView = z.infer<typeof speakerViewSchema>;

export const sessionViewSchema = z.object({
  id: z.string(),
  draftId: z.string(),
  number: z.number(),
  meeting: z.object({ id: z.string(), title: z.string(), start: z.string().nullable(), date: z.string().nullable() }),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  currentParagraphId: z.string().nullable(),
  queue: z.array(queueItemSchema),
  decisions: z.array(decisionViewSchema),
  /** The speakers' queue: waiting and speaking requests, in order. */
  speakers: z.array(speakerViewSchema),
  tally: tallySchema,
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export interface Minutes {
  sessionId: string;
  draftId: string;
  draftSymbol: string;
  number: number;
  meeting: { title: string; start: string | null; date: string | null; timeZone: string };
  openedAt: string;
  closedAt: string;
  decisions: DecisionView[];
  tally: Tally;
}

// ---------------------------------------------------------------------------------------------
// Informal consultations

export const CONSULTATION_STATUSES = ['open', 'ready', 'returned', 'concluded'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const updateConsultationRequest = z.strictObject({
  /** The lead delegation reports progress: still under way, or ready to come back to the room. */
  status: z.enum(['open', 'ready']),
  note: cleanString({ newlines: true, tabs: true }).trim().max(WORKFLOW_LIMITS.note).optional(),
});
export type UpdateConsultationRequest = z.infer<typeof updateConsultationRequest>;

export const consultationViewSchema = z.object({
  id: z.string(),
  paragraphId: z.string(),
  sectionKey: z.string(),
  label: z.string(),
  leadDelegation: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  note: z.string().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
});
export type ConsultationView = z.infer<typeof consultationViewSchema>;

// ---------------------------------------------------------------------------------------------
// Reservations

export const createReservationRequest = z.strictObject({
  text: resolutionText(WORKFLOW_LIMITS.reservation).refine((s) => s.trim().length > 0, 'must not be empty'),
});
export type CreateReservationRequest = z.infer<typeof createReservationRequest>;

export const reservationViewSchema = z.object({
  id: z.string(),
  paragraphId: z.string(),
  delegation: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type ReservationView = z.infer<typeof reservationViewSchema>;

// ---------------------------------------------------------------------------------------------
// Silence procedure

export const startSilenceRequest = z.strictObject({
  deadline: isoInstant,
  note: cleanString({ newlines: true, tabs: true }).trim().max(WORKFLOW_LIMITS.note).optional(),
  items: z
    .array(
      z.strictObject({
        paragraphId: z.uuid(),
        /** The text circulated for adoption; defaults to the paragraph's text. */
        text: resolutionText(10_000).refine((s) => s.trim().length > 0, 'must not be empty').optional(),
        acceptedAmendmentIds: z.array(z.uuid()).max(100).optional(),
      }),
    )
    .min(1)
    .max(WORKFLOW_LIMITS.silenceItems),
});
export type StartSilenceRequest = z.infer<typeof startSilenceRequest>;

export const breakSilenceRequest = z.strictObject({
  reason: cleanString({ newlines: true, tabs: true }).trim().min(1, 'state the objection').max(WORKFLOW_LIMITS.note),
});
export type BreakSilenceRequest = z.infer<typeof breakSilenceRequest>;

export const silenceViewSchema = z.object({
  id: z.string(),
  draftId: z.string(),
  status: z.enum(['open', 'adopted', 'broken']),
  deadline: z.string(),
  deadlineLocal: z.string(),
  note: z.string().nullable(),
  items: z.array(z.object({ paragraphId: z.string(), sectionKey: z.string(), label: z.string(), text: z.string() })),
  objections: z.array(z.object({ delegation: z.string(), reason: z.string(), createdAt: z.string() })),
  startedAt: z.string(),
  concludedAt: z.string().nullable(),
});
export type SilenceView = z.infer<typeof silenceViewSchema>;

// ---------------------------------------------------------------------------------------------
// The consensus draft

export interface ConsensusParagraph {
  id: string;
  /** The final number, 1, 2, 3 … through the operative part; null for preambular paragraphs. */
  number: string | null;
  /** The label it carried in negotiation ("5 bis"). */
  negotiationLabel: string;
  kind: ParagraphKind;
  text: string;
  literals?: Literal[];
  /** Numbers of the footnotes (reservations) attached to it. */
  footnotes: number[];
}

export interface ConsensusDraft {
  draftId: string;
  title: string;
  symbol: string;
  sections: { key: string; kind: string; title: string; paragraphs: ConsensusParagraph[] }[];
  footnotes: { number: number; paragraphId: string; delegation: string; text: string }[];
  /** Paragraphs not yet approved, left out of the consensus text. */
  outstanding: number;
}
