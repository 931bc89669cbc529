import type { DraftLanguages, LanguageCode, TranslationState } from './translations';

/**
 * The resolution's domain as server and client both see it. Names follow the committee's work plan
 * ("Negotiation of the draft omnibus resolution") so a chair reading the API recognises them.
 */

export const ROLES = ['delegate', 'chair', 'vice_chair', 'secretariat', 'observer', 'translator'] as const;
export type Role = (typeof ROLES)[number];

/** Where a paragraph sits. A topic or entity section carries the key of its topic or entity. */
export const SECTION_KINDS = ['preamble', 'topic', 'entity', 'general'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/**
 * What a paragraph is. `mandates` is the one-per-topic/entity paragraph with a chapeau and
 * literals; `reaffirming` and `follow_up` are the two kinds of general paragraph.
 */
export const PARAGRAPH_KINDS = ['preambular', 'substantive', 'mandates', 'reaffirming', 'follow_up'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

/** The methodology's three states: derived, never set by hand (see `paragraphState`). */
export const PARAGRAPH_STATES = ['consensus', 'amended', 'new'] as const;
export type ParagraphState = (typeof PARAGRAPH_STATES)[number];

export const PARAGRAPH_STATUSES = ['pending', 'approved', 'held', 'deferred', 'deleted', 'withdrawn'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/** Statuses that take a paragraph out of play: caps do not count it. */
export const OUT_OF_PLAY_STATUSES: readonly ParagraphStatus[] = ['deleted', 'withdrawn'];

export function isInPlay(status: ParagraphStatus): boolean {
  return !OUT_OF_PLAY_STATUSES.includes(status);
}

/** Who wrote a paragraph first: the Chair's draft, an inter-American entity's proposal, or delegations. */
export const PARAGRAPH_ORIGINS = ['chair', 'entity', 'delegation'] as const;
export type ParagraphOrigin = (typeof PARAGRAPH_ORIGINS)[number];

export const AMENDMENT_KINDS = ['insert', 'delete', 'replace', 'alternative'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export const AMENDMENT_STATUSES = ['proposed', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** `invited`: the sponsors asked a delegation to join; `requested`: a delegation asked to join a new paragraph's sponsors. */
export const SPONSORSHIP_STATUSES = ['invited', 'requested', 'accepted', 'declined'] as const;
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number];

export interface Literal {
  /** "a", "b", … */
  label: string;
  text: string;
}

/**
 * What the person who asked may do, as the server's access policy decides it for their requests.
 * Present in answers to that person (GET /api/drafts/:id, GET /api/paragraphs/:id and the like),
 * never in stored snapshots, history or live events, which everyone shares.
 */
export interface AmendmentActions {
  /** PATCH /api/amendments/:id: change its words (a sponsor; not a deletion). */
  edit: boolean;
  /** POST /api/amendments/:id/withdraw (its proposer, while proposed). */
  withdraw: boolean;
  /** POST /api/amendments/:id/cosponsors (its proposer). */
  inviteCosponsors: boolean;
}

export interface ParagraphActions {
  /** PATCH /api/paragraphs/:id (and the base words in the live editor): the drafters for the Chair's text, the sponsors for a delegation's. */
  editText: boolean;
  /** `editText`, and no open amendment points into the base text (its text changes only when the chair decides on them). */
  editBaseText: boolean;
  /** POST /api/paragraphs/:id/amendments: propose an amendment in one's delegation's name. */
  amend: boolean;
  /** POST /api/paragraphs/:id/join-requests: ask to join the sponsors of another delegation's new paragraph. */
  askToCosponsor: boolean;
  /** POST /api/paragraphs/:id/cosponsors (its proposer). */
  inviteCosponsors: boolean;
  /** POST /api/paragraphs/:id/withdraw (its proposer, while open). */
  withdraw: boolean;
  /** POST /api/paragraphs/:id/delete (the chair's office, while in play). */
  delete: boolean;
  /** POST /api/paragraphs/:id/restore (the chair's office, once deleted or withdrawn). */
  restore: boolean;
  /** POST /api/paragraphs/:id/move. */
  move: boolean;
  /** POST /api/paragraphs/:id/comments. */
  comment: boolean;
}

export interface DraftActions {
  /** POST /api/drafts/:id/paragraphs. */
  addParagraphs: boolean;
  /** PATCH /api/drafts/:id/caps. */
  configure: boolean;
  /** POST /api/drafts/:id/versions. */
  publishVersion: boolean;
  /** Phases and the comment window. */
  manageWorkflow: boolean;
  /** Open and run approval sessions. */
  runSession: boolean;
  /** Type in the live editor at all (which words, `ParagraphActions` and the brackets' sponsors say). */
  coedit: boolean;
  /** Keep the translations. */
  translate: boolean;
  /** POST /api/paragraphs/:id/reservations (on an approved paragraph). */
  reserve: boolean;
  /** Ask for the floor in an approval session. */
  requestFloor: boolean;
  /** Circulate paragraphs under the silence procedure. */
  startSilence: boolean;
  /** Break the silence on a circulated paragraph. */
  breakSilence: boolean;
  /** Import a document as a new draft. */
  importDocuments: boolean;
}

export interface AmendmentView {
  id: string;
  paragraphId: string;
  kind: AmendmentKind;
  /** Character range of the paragraph's base text the amendment applies to; start === end for an insertion. */
  start: number;
  end: number;
  /** Proposed text (empty for a deletion). */
  text: string;
  /** Alternatives proposed for the same span share a group and carry their number (Alt 1, Alt 2). */
  alternativeGroup: string | null;
  alternativeNumber: number | null;
  /** Delegation codes that sponsor it, proposer first; only delegations that consented. */
  sponsors: string[];
  /** Delegation codes invited to co-sponsor that have not answered yet. */
  invited: string[];
  status: AmendmentStatus;
  createdAt: string;
  /** With `?lang=`: this amendment's words in that language and their translation status. */
  translation?: TranslationState;
  /** What the person who asked may do with it (see `AmendmentActions`). */
  actions?: AmendmentActions;
}

export interface ParagraphView {
  id: string;
  sectionId: string;
  label: string;
  kind: ParagraphKind;
  state: ParagraphState;
  status: ParagraphStatus;
  origin: ParagraphOrigin;
  position: number;
  text: string;
  /** Delegations sponsoring a paragraph they proposed (empty for the Chair's or an entity's text). */
  sponsors: string[];
  invited: string[];
  /** Delegations that asked to join the sponsors of a new paragraph and have not been answered yet. */
  requested?: string[];
  chapeau?: string;
  literals?: Literal[];
  amendments: AmendmentView[];
  /** The paragraph as negotiation text: base text with every open amendment in bracket notation. */
  compiled: string;
  version: number;
  updatedAt: string;
  /** Footnotes delegations attached after approval, in the order they were recorded (draft view only). */
  reservations?: ReservationNote[];
  /** With `?lang=`: the paragraph's translation status in that language (see translations.ts). */
  translation?: TranslationState;
  /** What the person who asked may do with it (see `ParagraphActions`). */
  actions?: ParagraphActions;
}

export interface ReservationNote {
  /** Primary code of the delegation whose reservation it is. */
  delegation: string;
  text: string;
  createdAt: string;
}

export interface SectionView {
  id: string;
  kind: SectionKind;
  /** Topic or entity key (e.g. "CICTE"); the section kind for preamble and general. */
  key: string;
  title: string;
  /** Title of the thematic area a topic belongs to. */
  area?: string;
  position: number;
  paragraphs: ParagraphView[];
}

export interface CapUsage {
  scope: CapScope;
  key: string;
  limit: number;
  used: number;
}

export const CAP_SCOPES = [
  'preamble',
  'topic_substantive',
  'topic_mandates',
  'entity',
  'entity_mandates',
  'general',
  'general_reaffirming',
  'general_follow_up',
  'total',
] as const;
export type CapScope = (typeof CAP_SCOPES)[number];

/** Limits of a draft; defaults are the work plan's ("a maximum of 130 paragraphs"). */
export interface CapsConfig {
  preamble: number;
  topicSubstantive: number;
  topicMandates: number;
  entity: number;
  entityMandates: number;
  general: number;
  generalReaffirming: number;
  generalFollowUp: number;
  total: number;
}

export interface DraftSummary {
  id: string;
  committeeId: string;
  title: string;
  symbol: string;
  createdAt: string;
}

export interface DraftView extends DraftSummary {
  capsConfig: CapsConfig;
  sections: SectionView[];
  caps: CapUsage[];
  /** The committee's official languages and the draft's original (absent from old version snapshots). */
  languages?: DraftLanguages;
  /** The language the texts are in: the original unless `?lang=` asked for another. */
  lang?: LanguageCode;
  /** What the person who asked may do with the draft (see `DraftActions`). */
  actions?: DraftActions;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Primary code of the delegation for delegates; null for the offices. */
  delegation: string | null;
}

/** One row of a draft's append-only history, as GET /api/drafts/:id/history gives it. */
export interface AuditEventView {
  id: string;
  at: string;
  action: string;
  targetType: string;
  targetId: string | null;
  actor: { userId: string | null; username: string | null; role: string | null; delegation: string | null };
  before: unknown;
  after: unknown;
}
