/**
 * The REST API as a contract: every operation with its method, path, path and query parameters,
 * request body, success status and body, and the error statuses it answers. One table, read by
 * the server (its OpenAPI document, server/src/docs/openapi.ts, and the check that the table and
 * the controllers' routes agree) and by the client (its request layer is typed from it), so the
 * description, the server and the client cannot each go their own way.
 */
import { z } from 'zod';
import {
  createAmendmentRequest,
  createDraftRequest,
  createParagraphRequest,
  inviteCosponsorsRequest,
  loginRequest,
  moveParagraphRequest,
  updateAmendmentRequest,
  updateCapsRequest,
  updateParagraphRequest,
} from './api-schemas';
import { DOCX_MEDIA_TYPE, EXPORT_KINDS, exportQuery, importQuery, redlineExportQuery } from './export-schemas';
import { draftParagraphsQuery, historyQuery, redlineQuery } from './query-schemas';
import {
  amendmentViewSchema,
  auditEventViewSchema,
  calendarEventViewSchema,
  draftLanguagesSchema,
  draftSummarySchema,
  draftViewSchema,
  loginResponseSchema,
  paragraphViewSchema,
  sponsorshipViewSchema,
  translationStateFullSchema,
  userViewSchema,
} from './response-schemas';
import { importTranslationRequest, languageCode, putTranslationRequest, updateCommitteeLanguagesRequest, updateDraftLanguageRequest } from './translations';
import {
  accountStatusSchema,
  committeeLanguagesSchema,
  consensusDraftSchema,
  delegationInfoSchema,
  draftRedlineSchema,
  importPreviewSchema,
  importResultSchema,
  minutesSchema,
  translationImportPreviewSchema,
  translationImportResultSchema,
  translationSummarySchema,
} from './view-schemas';
import {
  breakSilenceRequest,
  callParagraphRequest,
  commentViewSchema,
  commentWindowRequest,
  consultationViewSchema,
  createCommentRequest,
  createMeetingRequest,
  createReservationRequest,
  decisionRequest,
  decisionViewSchema,
  floorRequest,
  minutesQuery,
  openSessionRequest,
  publishVersionRequest,
  queueItemSchema,
  reorderQueueRequest,
  reservationViewSchema,
  sessionViewSchema,
  setPhaseRequest,
  silenceViewSchema,
  speakerViewSchema,
  startSilenceRequest,
  updateConsultationRequest,
  versionSummarySchema,
  workflowViewSchema,
} from './workflow-schemas';

/** One operation of the API. */
export interface ApiOperation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI template with the controller's own parameter names: '/api/sessions/{id}/queue/{paragraphId}/skip'. */
  path: string;
  summary: string;
  /** JSON request body, the same schema the controller validates with. */
  body?: z.ZodType;
  /** A body that is not JSON, by media type (an imported document). */
  rawBody?: Readonly<Record<string, z.ZodType>>;
  /** The query string, the same schema the controller validates with. */
  query?: z.ZodObject;
  /** Path parameters that are not entity ids (every other `{name}` is a UUID). */
  params?: Readonly<Record<string, z.ZodType>>;
  /** Success status. */
  ok: number;
  /** The success body as JSON … */
  response?: z.ZodType;
  /** … and/or, for files and feeds, by media type (at least one of the two, unless ok is 204). */
  media?: Readonly<Record<string, z.ZodType>>;
  /** Served without a bearer token. */
  public?: boolean;
  /** Error statuses besides 401 (implied unless public); each answers `ErrorBody`. */
  errors?: readonly number[];
}

const file = z.string().describe('the file itself');
/** Both query strings of an export: a redline compares two versions, the others take one. */
const anyExportQuery = exportQuery.extend(redlineExportQuery.pick({ from: true, to: true }).partial().shape);
const importBody = { 'text/plain': z.string(), [DOCX_MEDIA_TYPE]: z.string().describe('a .docx document (binary)') };
const lang = { lang: z.string().describe('an official language of the committee, e.g. es') };
/** The private key of a calendar subscription address, with or without the ".ics" ending. */
const feedKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}(\.ics)?$/);

const CORE_OPERATIONS = {
  health: { method: 'get', path: '/api/health', summary: 'Liveness: 200 {"status":"ok"} once the database answers', ok: 200, response: z.object({ status: z.literal('ok') }), public: true, errors: [503] },
  metrics: { method: 'get', path: '/api/metrics', summary: 'Prometheus metrics (from this machine, or with METRICS_TOKEN as bearer token)', ok: 200, media: { 'text/plain': z.string() }, public: true, errors: [401] },
  login: { method: 'post', path: '/api/auth/login', summary: 'Sign in; returns a bearer token and the user', body: loginRequest, ok: 200, response: loginResponseSchema, public: true, errors: [400, 401, 429] },
  logout: { method: 'post', path: '/api/auth/logout', summary: "Sign out: ends this token's session everywhere, open sockets included", ok: 204 },
  refresh: { method: 'post', path: '/api/auth/refresh', summary: 'A fresh token {token, expiresAt} of the same session, before this one expires', ok: 200, response: z.object({ token: z.string(), expiresAt: z.string() }) },
  disableUser: { method: 'post', path: '/api/users/{id}/disable', summary: 'Disable an account: it cannot sign in and its sessions end everywhere, open sockets included (secretariat)', ok: 200, response: accountStatusSchema, errors: [403, 404, 409] },
  enableUser: { method: 'post', path: '/api/users/{id}/enable', summary: 'Enable a disabled account again (secretariat)', ok: 200, response: accountStatusSchema, errors: [403, 404, 409] },
  endUserSessions: { method: 'post', path: '/api/users/{id}/sessions/end', summary: 'End every session of an account without disabling it (secretariat)', ok: 200, response: accountStatusSchema, errors: [403, 404, 409] },
  me: { method: 'get', path: '/api/auth/me', summary: 'The signed-in user', ok: 200, response: userViewSchema },
  delegations: { method: 'get', path: '/api/delegations', summary: "The committee's delegations with codes and aliases", ok: 200, response: z.array(delegationInfoSchema) },
  drafts: { method: 'get', path: '/api/drafts', summary: 'Drafts the caller may see', ok: 200, response: z.array(draftSummarySchema) },
  createDraft: { method: 'post', path: '/api/drafts', summary: 'Set up a draft with the standard sections (secretariat)', body: createDraftRequest, ok: 201, response: draftViewSchema, errors: [400, 403] },
  draft: { method: 'get', path: '/api/drafts/{id}', summary: 'A draft: sections in document order, paragraphs, caps, languages; with lang, every text in that official language with its translation status', query: z.object({ lang: languageCode.optional() }), ok: 200, response: draftViewSchema, errors: [404, 422] },
  updateCaps: { method: 'patch', path: '/api/drafts/{id}/caps', summary: "Change a draft's caps (chair, vice-chair, secretariat)", body: updateCapsRequest, ok: 200, response: draftViewSchema, errors: [400, 403, 404, 409] },
  createParagraph: { method: 'post', path: '/api/drafts/{id}/paragraphs', summary: "Add a paragraph (the Chair's text, or a delegation's new paragraph); checks the caps", body: createParagraphRequest, ok: 201, response: paragraphViewSchema, errors: [400, 403, 404, 409] },
  draftParagraphs: {
    method: 'get',
    path: '/api/drafts/{id}/paragraphs',
    summary:
      'Several paragraphs of one draft in one call (ids=<uuid>,<uuid>, at most 200), each as GET /api/paragraphs/{id} answers it, in the order asked; an id that is not a paragraph of this draft (unknown, removed, or of another draft) is left out, and an id given twice is answered once',
    query: draftParagraphsQuery,
    ok: 200,
    response: z.array(paragraphViewSchema),
    errors: [400, 404],
  },
  history: { method: 'get', path: '/api/drafts/{id}/history', summary: 'Append-only history of every change (who, delegation, when, before/after), a page at a time', query: historyQuery, ok: 200, response: z.array(auditEventViewSchema), errors: [400, 404] },
  paragraph: { method: 'get', path: '/api/paragraphs/{id}', summary: 'One paragraph', ok: 200, response: paragraphViewSchema, errors: [404] },
  updateParagraph: { method: 'patch', path: '/api/paragraphs/{id}', summary: 'Edit text or literals (optimistic concurrency with version)', body: updateParagraphRequest, ok: 200, response: paragraphViewSchema, errors: [400, 403, 404, 409] },
  moveParagraph: { method: 'post', path: '/api/paragraphs/{id}/move', summary: 'Move to another section or place; checks the caps', body: moveParagraphRequest, ok: 200, response: paragraphViewSchema, errors: [400, 403, 404, 409] },
  deleteParagraph: { method: 'post', path: '/api/paragraphs/{id}/delete', summary: 'Delete (chair, vice-chair)', ok: 200, response: paragraphViewSchema, errors: [403, 404, 409] },
  restoreParagraph: { method: 'post', path: '/api/paragraphs/{id}/restore', summary: 'Restore a deleted or withdrawn paragraph; checks the caps', ok: 200, response: paragraphViewSchema, errors: [403, 404, 409] },
  withdrawParagraph: { method: 'post', path: '/api/paragraphs/{id}/withdraw', summary: "Withdraw your delegation's new paragraph", ok: 200, response: paragraphViewSchema, errors: [403, 404, 409] },
  proposeAmendment: { method: 'post', path: '/api/paragraphs/{id}/amendments', summary: "Propose an insertion, deletion, replacement or alternative in your delegation's name", body: createAmendmentRequest, ok: 201, response: amendmentViewSchema, errors: [400, 403, 404, 409] },
  inviteToParagraph: { method: 'post', path: '/api/paragraphs/{id}/cosponsors', summary: 'Invite delegations to co-sponsor your new paragraph', body: inviteCosponsorsRequest, ok: 201, response: z.array(sponsorshipViewSchema), errors: [400, 403, 404] },
  amendment: { method: 'get', path: '/api/amendments/{id}', summary: 'One amendment', ok: 200, response: amendmentViewSchema, errors: [404] },
  updateAmendment: { method: 'patch', path: '/api/amendments/{id}', summary: "Edit your amendment's text", body: updateAmendmentRequest, ok: 200, response: amendmentViewSchema, errors: [400, 403, 404, 409] },
  withdrawAmendment: { method: 'post', path: '/api/amendments/{id}/withdraw', summary: 'Withdraw your amendment', ok: 200, response: amendmentViewSchema, errors: [403, 404, 409] },
  inviteToAmendment: { method: 'post', path: '/api/amendments/{id}/cosponsors', summary: 'Invite delegations to co-sponsor your amendment', body: inviteCosponsorsRequest, ok: 201, response: z.array(sponsorshipViewSchema), errors: [400, 403, 404] },
  invitations: { method: 'get', path: '/api/sponsorships/invitations', summary: 'Invitations to co-sponsor waiting for your delegation', ok: 200, response: z.array(sponsorshipViewSchema) },
  askToCosponsor: { method: 'post', path: '/api/paragraphs/{id}/join-requests', summary: "Ask to join the sponsors of another delegation's new paragraph (a sponsor accepts or declines)", ok: 201, response: sponsorshipViewSchema, errors: [403, 404, 409] },
  joinRequests: { method: 'get', path: '/api/sponsorships/requests', summary: "Requests to join the sponsors of your delegation's new paragraphs, waiting for an answer", ok: 200, response: z.array(sponsorshipViewSchema) },
  acceptSponsorship: { method: 'post', path: '/api/sponsorships/{id}/accept', summary: 'Accept an invitation (your delegation becomes a sponsor) or, as a sponsor, a request to join (the asking delegation becomes a sponsor)', ok: 200, response: sponsorshipViewSchema, errors: [403, 404, 409] },
  declineSponsorship: { method: 'post', path: '/api/sponsorships/{id}/decline', summary: 'Decline an invitation or, as a sponsor, a request to join', ok: 200, response: sponsorshipViewSchema, errors: [403, 404, 409] },
  exportDraft: {
    method: 'get',
    path: '/api/drafts/{id}/export/{kind}',
    summary: 'Export the consensus draft, compilation text or redline as a file (observers: published versions only); a redline needs from and takes to',
    params: { kind: z.enum(EXPORT_KINDS) },
    query: anyExportQuery,
    ok: 200,
    media: { 'application/octet-stream': file },
    errors: [400, 403, 404, 503],
  },
  previewImport: { method: 'post', path: '/api/drafts/{id}/import/preview', summary: 'What importing the body (text/plain or .docx) would create, paragraph by paragraph, with caps; writes nothing (secretariat)', query: importQuery, rawBody: importBody, ok: 200, response: importPreviewSchema, errors: [400, 403, 404, 413] },
  commitImport: { method: 'post', path: '/api/drafts/{id}/import', summary: 'Import the body (text/plain or .docx) into the draft in one transaction (secretariat); refuses past a cap unless source=entity_proposal&acceptOverCap=true', query: importQuery, rawBody: importBody, ok: 201, response: importResultSchema, errors: [400, 403, 404, 409, 413] },
} as const satisfies Record<string, ApiOperation>;

/** The negotiation's endpoints; live events are in live-protocol.ts. */
const WORKFLOW_OPERATIONS = {
  workflow: { method: 'get', path: '/api/drafts/{id}/workflow', summary: "The draft's phase and comment window (deadline in UTC and in the committee's time zone)", ok: 200, response: workflowViewSchema, errors: [404] },
  setPhase: { method: 'post', path: '/api/drafts/{id}/workflow/phase', summary: 'Move the draft to its next phase: drafting → comments → revision → negotiation → adopted (chair, vice-chair)', body: setPhaseRequest, ok: 200, response: workflowViewSchema, errors: [400, 403, 404, 409] },
  setCommentWindow: { method: 'post', path: '/api/drafts/{id}/comment-window', summary: 'Extend the open comment window, reopen it during the revision, or plan it while drafting (chair, vice-chair; audited)', body: commentWindowRequest, ok: 200, response: workflowViewSchema, errors: [400, 403, 404, 409] },
  publishVersion: { method: 'post', path: '/api/drafts/{id}/versions', summary: "Publish an immutable version (\"Chair's first draft\", \"rev. 1\" …) with its classification: consensus, amended, new", body: publishVersionRequest, ok: 201, response: versionSummarySchema, errors: [403, 404, 409] },
  versions: { method: 'get', path: '/api/drafts/{id}/versions', summary: 'Published versions of the draft', ok: 200, response: z.array(versionSummarySchema), errors: [404] },
  version: { method: 'get', path: '/api/versions/{id}', summary: 'A published version with its snapshot', ok: 200, response: versionSummarySchema.extend({ snapshot: draftViewSchema }), errors: [404] },
  redline: { method: 'get', path: '/api/drafts/{id}/redline', summary: 'Word-level redline between two published versions or the live draft', query: redlineQuery, ok: 200, response: draftRedlineSchema, errors: [400, 404] },
  consensus: { method: 'get', path: '/api/drafts/{id}/consensus', summary: 'The consensus draft: approved paragraphs renumbered, brackets gone, reservations as footnotes', ok: 200, response: consensusDraftSchema, errors: [404] },
  comments: { method: 'get', path: '/api/paragraphs/{id}/comments', summary: "A paragraph's comment threads", ok: 200, response: z.array(commentViewSchema), errors: [404] },
  addComment: { method: 'post', path: '/api/paragraphs/{id}/comments', summary: 'Comment on a paragraph or reply (delegations while the comment window is open)', body: createCommentRequest, ok: 201, response: commentViewSchema, errors: [400, 403, 404, 409] },
  calendar: { method: 'get', path: '/api/calendar', summary: "The committee's meetings, milestones and report reminders", ok: 200, response: z.object({ timeZone: z.string(), events: z.array(calendarEventViewSchema) }) },
  createMeeting: { method: 'post', path: '/api/calendar/meetings', summary: 'Schedule a meeting (secretariat)', body: createMeetingRequest, ok: 201, response: calendarEventViewSchema, errors: [400, 403] },
  calendarIcs: { method: 'get', path: '/api/calendar.ics', summary: 'The calendar as iCalendar (RFC 5545)', ok: 200, media: { 'text/calendar': z.string() } },
  calendarSubscription: { method: 'get', path: '/api/calendar/subscription', summary: 'A private feed address to subscribe to in a calendar application', ok: 200, response: z.object({ url: z.string(), webcal: z.string() }) },
  calendarFeed: { method: 'get', path: '/api/calendar/feed/{key}', summary: 'The subscribed iCalendar feed (no sign-in; the address is the key)', ok: 200, media: { 'text/calendar': z.string() }, params: { key: feedKey }, public: true, errors: [404] },
  openSession: { method: 'post', path: '/api/drafts/{id}/sessions', summary: "Open an approval session at a calendar meeting; the queue follows the seed's order (chair, vice-chair)", body: openSessionRequest, ok: 201, response: sessionViewSchema, errors: [400, 403, 404, 409] },
  sessions: { method: 'get', path: '/api/drafts/{id}/sessions', summary: 'Approval sessions of the draft', ok: 200, response: z.array(sessionViewSchema), errors: [404] },
  currentSession: { method: 'get', path: '/api/drafts/{id}/sessions/current', summary: 'The open session as {session}, null when none is open', ok: 200, response: z.object({ session: sessionViewSchema.nullable() }), errors: [404] },
  session: { method: 'get', path: '/api/sessions/{id}', summary: 'A session: queue, decisions, speakers, tally', ok: 200, response: sessionViewSchema, errors: [404] },
  callParagraph: { method: 'post', path: '/api/sessions/{id}/call', summary: 'Call a paragraph (default: the next waiting); broadcast to the room', body: callParagraphRequest, ok: 200, response: queueItemSchema, errors: [403, 404, 409] },
  reorderQueue: { method: 'post', path: '/api/sessions/{id}/queue/order', summary: 'Reorder the waiting paragraphs', body: reorderQueueRequest, ok: 200, response: z.array(queueItemSchema), errors: [400, 403, 404, 409] },
  skipParagraph: { method: 'post', path: '/api/sessions/{id}/queue/{paragraphId}/skip', summary: 'Skip a paragraph of the queue', ok: 200, response: z.array(queueItemSchema), errors: [403, 404, 409] },
  returnParagraph: { method: 'post', path: '/api/sessions/{id}/queue/{paragraphId}/return', summary: 'Return a paragraph to the end of the queue', ok: 200, response: z.array(queueItemSchema), errors: [403, 404, 409] },
  decide: { method: 'post', path: '/api/sessions/{id}/decisions', summary: 'Record the decision on the called paragraph: approved, approved_as_amended, held, deferred, deleted', body: decisionRequest, ok: 201, response: decisionViewSchema, errors: [400, 403, 404, 409] },
  speakers: { method: 'get', path: '/api/sessions/{id}/speakers', summary: "The speakers' queue", ok: 200, response: z.array(speakerViewSchema), errors: [404] },
  askForFloor: { method: 'post', path: '/api/sessions/{id}/floor', summary: 'Ask for the floor for your delegation', body: floorRequest, ok: 201, response: z.array(speakerViewSchema), errors: [403, 404, 409] },
  withdrawFromFloor: { method: 'post', path: '/api/sessions/{id}/floor/withdraw', summary: 'Withdraw your request for the floor', ok: 200, response: z.array(speakerViewSchema), errors: [403, 404, 409] },
  nextSpeaker: { method: 'post', path: '/api/sessions/{id}/speakers/next', summary: 'Give the floor to the next delegation (chair, vice-chair)', ok: 200, response: z.array(speakerViewSchema), errors: [403, 404, 409] },
  removeSpeaker: { method: 'post', path: '/api/sessions/{id}/speakers/{requestId}/remove', summary: "Remove a request from the speakers' queue (chair, vice-chair)", ok: 200, response: z.array(speakerViewSchema), errors: [403, 404, 409] },
  closeSession: { method: 'post', path: '/api/sessions/{id}/close', summary: 'Close the session and record its minutes', ok: 200, response: minutesSchema, errors: [403, 404, 409] },
  minutes: { method: 'get', path: '/api/sessions/{id}/minutes', summary: 'The minutes as JSON, Markdown or plain text', query: minutesQuery, ok: 200, response: minutesSchema, media: { 'text/markdown': z.string(), 'text/plain': z.string() }, errors: [404, 409] },
  consultations: { method: 'get', path: '/api/drafts/{id}/consultations', summary: 'Informal consultations on held paragraphs: lead delegation and status', ok: 200, response: z.array(consultationViewSchema), errors: [404] },
  reportConsultation: { method: 'patch', path: '/api/consultations/{id}', summary: 'Report on informal consultations (lead delegation, chair)', body: updateConsultationRequest, ok: 200, response: consultationViewSchema, errors: [400, 403, 404, 409] },
  addReservation: { method: 'post', path: '/api/paragraphs/{id}/reservations', summary: "Record your delegation's reservation to an approved paragraph", body: createReservationRequest, ok: 201, response: reservationViewSchema, errors: [400, 403, 404, 409] },
  paragraphReservations: { method: 'get', path: '/api/paragraphs/{id}/reservations', summary: "A paragraph's reservations", ok: 200, response: z.array(reservationViewSchema), errors: [404] },
  withdrawReservation: { method: 'post', path: '/api/reservations/{id}/withdraw', summary: "Withdraw your delegation's reservation: its footnote leaves the exports; 409 if it was already withdrawn", ok: 200, response: reservationViewSchema, errors: [403, 404, 409] },
  reservations: { method: 'get', path: '/api/drafts/{id}/reservations', summary: "The draft's reservations", ok: 200, response: z.array(reservationViewSchema), errors: [404] },
  startSilence: { method: 'post', path: '/api/drafts/{id}/silence', summary: 'Circulate text under the silence procedure until a deadline (chair, vice-chair)', body: startSilenceRequest, ok: 201, response: silenceViewSchema, errors: [400, 403, 404, 409] },
  silences: { method: 'get', path: '/api/drafts/{id}/silence', summary: 'Silence procedures of the draft', ok: 200, response: z.array(silenceViewSchema), errors: [404] },
  silence: { method: 'get', path: '/api/silence/{id}', summary: 'A silence procedure and its objections', ok: 200, response: silenceViewSchema, errors: [404] },
  breakSilence: { method: 'post', path: '/api/silence/{id}/objections', summary: 'Break silence with a stated objection (delegations, before the deadline)', body: breakSilenceRequest, ok: 201, response: silenceViewSchema, errors: [400, 403, 404, 409] },
} as const satisfies Record<string, ApiOperation>;

const TRANSLATION_OPERATIONS = {
  putParagraphTranslation: { method: 'put', path: '/api/paragraphs/{id}/translations/{lang}', summary: "Store a paragraph's translation (negotiation text in bracket notation, literals) made from revision basedOn of the original (translator, secretariat); 409 stale_translation when the original moved on unless partial: true", params: lang, body: putTranslationRequest, ok: 200, response: translationStateFullSchema, errors: [400, 403, 404, 409, 422] },
  putAmendmentTranslation: { method: 'put', path: '/api/amendments/{id}/translations/{lang}', summary: "Store the translation of an open amendment's proposed words (translator, secretariat)", params: lang, body: putTranslationRequest, ok: 200, response: translationStateFullSchema, errors: [400, 403, 404, 409, 422] },
  translationSummary: { method: 'get', path: '/api/drafts/{id}/translations/summary', summary: 'Per official language: how many units are current, outdated, missing', ok: 200, response: translationSummarySchema, errors: [404] },
  previewTranslationImport: { method: 'post', path: '/api/drafts/{id}/translations/{lang}/import/preview', summary: 'A text in an official language aligned paragraph by paragraph with the draft, with what cannot be written and a digest; writes nothing (translator, secretariat)', params: lang, body: importTranslationRequest, ok: 200, response: translationImportPreviewSchema, errors: [400, 403, 404, 422] },
  importTranslation: { method: 'post', path: '/api/drafts/{id}/translations/{lang}/import', summary: "Write the previewed alignment as translations, if the draft and text are unchanged since the preview (send the preview's digest)", params: lang, body: importTranslationRequest, ok: 201, response: translationImportResultSchema, errors: [400, 403, 404, 409, 422] },
  setDraftLanguage: { method: 'put', path: '/api/drafts/{id}/languages', summary: "Set a draft's original language (secretariat), while it has no translations", body: updateDraftLanguageRequest, ok: 200, response: draftLanguagesSchema, errors: [400, 403, 404, 409, 422] },
  committeeLanguages: { method: 'get', path: '/api/committees/{id}/languages', summary: "The committee's official languages", ok: 200, response: committeeLanguagesSchema, errors: [404] },
  setCommitteeLanguages: { method: 'put', path: '/api/committees/{id}/languages', summary: "Set the committee's official languages (secretariat); a draft's original stays official", body: updateCommitteeLanguagesRequest, ok: 200, response: committeeLanguagesSchema, errors: [400, 403, 404] },
} as const satisfies Record<string, ApiOperation>;

/** Every HTTP endpoint of the API, by a name the client calls it by. */
export const API_CONTRACT = { ...CORE_OPERATIONS, ...WORKFLOW_OPERATIONS, ...TRANSLATION_OPERATIONS };
export type ApiContract = typeof API_CONTRACT;
export type OperationKey = keyof ApiContract;
/** Every operation, in the table's order. */
export const API_OPERATIONS: readonly ApiOperation[] = Object.values(API_CONTRACT);

/** The `{name}`s of a path template. */
type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | ParamNames<Rest> : never;
/** Fields of `T` that are present exactly when `C` holds; left out (never given) otherwise. */
type Given<C, T> = [C] extends [never] ? { [K in keyof T]?: never } : T;

export type OperationParams<K extends OperationKey> = Record<ParamNames<ApiContract[K]['path']>, string>;
/** The query string as the caller writes it (before the server's defaults and conversions). */
export type OperationQuery<K extends OperationKey> = ApiContract[K] extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
/** The JSON body as the caller sends it. */
export type OperationBody<K extends OperationKey> = ApiContract[K] extends { body: infer B extends z.ZodType } ? z.input<B> : never;
/** The JSON the operation answers with on success (undefined for 204 and for files). */
export type OperationResponse<K extends OperationKey> = ApiContract[K] extends { response: infer R extends z.ZodType } ? z.output<R> : undefined;

/** What a call of operation K takes: its path parameters, query string and body, each only if it has one. */
export type OperationInput<K extends OperationKey> = Given<ParamNames<ApiContract[K]['path']>, { params: OperationParams<K> }> &
  Given<OperationQuery<K>, { query?: OperationQuery<K> }> &
  Given<OperationBody<K>, { body: OperationBody<K> }>;

/** The HTTP method and address of a call: the path template filled in (each value encoded), the query string appended. */
export function operationRequest<K extends OperationKey>(key: K, input: { params?: Record<string, string>; query?: object } = {}): { method: Uppercase<ApiOperation['method']>; url: string } {
  const op: ApiOperation = API_CONTRACT[key];
  const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = input.params?.[name];
    if (value === undefined) throw new Error(`${key} needs the path parameter ${name}.`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) if (value !== undefined && value !== null) query.set(name, String(value));
  const search = query.toString();
  return { method: op.method.toUpperCase() as Uppercase<ApiOperation['method']>, url: search === '' ? url : `${url}?${search}` };
}

/** Answers the client names. */
export type LoginResponse = OperationResponse<'login'>;
export type SponsorshipView = OperationResponse<'acceptSponsorship'>;
