/**
 * The controllers' answers against the contract: compiles only while what each controller returns
 * is assignable to the response the contract declares for its operation (shared/src/api-contract.ts).
 * Files and feeds (media only) and 204s have no JSON body to compare. Types only: nothing runs.
 */
import type { ApiContract, OperationKey, OperationResponse } from '@omnibus/shared';
import type { AmendmentsController } from '../amendments/amendments.controller';
import type { AuthController } from '../auth/auth.controller';
import type { CalendarController } from '../calendar/calendar.controller';
import type { CommentsController } from '../comments/comments.controller';
import type { ConsultationsController } from '../consultations/consultations.controller';
import type { DelegationsController } from '../committees/committees.controller';
import type { DraftsController } from '../drafts/drafts.controller';
import type { ExportsController } from '../documents/export/exports.controller';
import type { HealthController } from '../health/health.controller';
import type { ImportsController } from '../documents/import/imports.controller';
import type { MetricsController } from '../metrics/metrics.controller';
import type { ParagraphsController } from '../paragraphs/paragraphs.controller';
import type { ReservationsController } from '../reservations/reservations.controller';
import type { SessionsController } from '../sessions/sessions.controller';
import type { SilenceController } from '../silence/silence.controller';
import type { SponsorshipsController } from '../sponsorships/sponsorships.controller';
import type { TranslationsController } from '../translations/translations.controller';
import type { UsersController } from '../users/users.controller';
import type { VersionsController } from '../versions/versions.controller';
import type { WorkflowController } from '../workflow/workflow.controller';

/** Each operation's controller method. */
interface Served {
  amendment: AmendmentsController['get'];
  updateAmendment: AmendmentsController['update'];
  withdrawAmendment: AmendmentsController['withdraw'];
  inviteToAmendment: AmendmentsController['invite'];
  login: AuthController['login'];
  logout: AuthController['logout'];
  refresh: AuthController['refresh'];
  me: AuthController['me'];
  calendar: CalendarController['list'];
  createMeeting: CalendarController['schedule'];
  calendarIcs: CalendarController['ics'];
  calendarSubscription: CalendarController['subscription'];
  calendarFeed: CalendarController['feed'];
  comments: CommentsController['thread'];
  addComment: CommentsController['create'];
  delegations: DelegationsController['list'];
  consultations: ConsultationsController['list'];
  reportConsultation: ConsultationsController['report'];
  exportDraft: ExportsController['export'];
  previewImport: ImportsController['preview'];
  commitImport: ImportsController['commit'];
  drafts: DraftsController['list'];
  createDraft: DraftsController['create'];
  draft: DraftsController['get'];
  updateCaps: DraftsController['caps'];
  createParagraph: DraftsController['addParagraph'];
  draftParagraphs: DraftsController['paragraphsOf'];
  history: DraftsController['history'];
  health: HealthController['health'];
  metrics: MetricsController['scrape'];
  paragraph: ParagraphsController['get'];
  updateParagraph: ParagraphsController['update'];
  moveParagraph: ParagraphsController['move'];
  deleteParagraph: ParagraphsController['delete'];
  restoreParagraph: ParagraphsController['restore'];
  withdrawParagraph: ParagraphsController['withdraw'];
  proposeAmendment: ParagraphsController['propose'];
  askToCosponsor: ParagraphsController['requestToJoin'];
  inviteToParagraph: ParagraphsController['invite'];
  addReservation: ReservationsController['create'];
  paragraphReservations: ReservationsController['forParagraph'];
  withdrawReservation: ReservationsController['withdraw'];
  reservations: ReservationsController['forDraft'];
  openSession: SessionsController['open'];
  sessions: SessionsController['list'];
  currentSession: SessionsController['current'];
  session: SessionsController['get'];
  callParagraph: SessionsController['call'];
  reorderQueue: SessionsController['reorder'];
  skipParagraph: SessionsController['skip'];
  returnParagraph: SessionsController['returnToQueue'];
  decide: SessionsController['decide'];
  speakers: SessionsController['speakerList'];
  askForFloor: SessionsController['requestFloor'];
  withdrawFromFloor: SessionsController['withdrawFloor'];
  nextSpeaker: SessionsController['nextSpeaker'];
  removeSpeaker: SessionsController['removeSpeaker'];
  closeSession: SessionsController['close'];
  minutes: SessionsController['minutes'];
  startSilence: SilenceController['start'];
  silences: SilenceController['list'];
  silence: SilenceController['get'];
  breakSilence: SilenceController['object'];
  invitations: SponsorshipsController['invitations'];
  joinRequests: SponsorshipsController['requests'];
  acceptSponsorship: SponsorshipsController['accept'];
  declineSponsorship: SponsorshipsController['decline'];
  putParagraphTranslation: TranslationsController['putParagraph'];
  putAmendmentTranslation: TranslationsController['putAmendment'];
  translationSummary: TranslationsController['summary'];
  previewTranslationImport: TranslationsController['importPreview'];
  importTranslation: TranslationsController['importCommit'];
  setDraftLanguage: TranslationsController['setDraftOriginal'];
  committeeLanguages: TranslationsController['languages'];
  setCommitteeLanguages: TranslationsController['setLanguages'];
  disableUser: UsersController['disable'];
  enableUser: UsersController['enable'];
  endUserSessions: UsersController['endSessions'];
  publishVersion: VersionsController['publish'];
  versions: VersionsController['list'];
  version: VersionsController['get'];
  redline: VersionsController['redline'];
  consensus: VersionsController['consensus'];
  workflow: WorkflowController['get'];
  setPhase: WorkflowController['setPhase'];
  setCommentWindow: WorkflowController['commentWindow'];
}

type Answer<M> = M extends (...args: never[]) => infer R ? Awaited<R> : never;
/** A JSON answer: an operation that also serves text (minutes as Markdown) returns that text as a string. */
type JsonAnswer<K extends OperationKey> = ApiContract[K] extends { media: object } ? Exclude<Answer<Served[K]>, string> : Answer<Served[K]>;
type WithJson = { [K in OperationKey]: ApiContract[K] extends { response: object } ? K : never }[OperationKey];
/** Operations whose controller answers something the contract does not declare. */
type Mismatched = { [K in WithJson]: JsonAnswer<K> extends OperationResponse<K> ? never : K }[WithJson];

/** Fails to compile, naming the operations, when a controller and the contract disagree or an operation has no controller here. */
export const SERVED_AS_DECLARED: [Mismatched | Exclude<OperationKey, keyof Served>] extends [never] ? true : Mismatched | Exclude<OperationKey, keyof Served> = true;
