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
