import {
  type AuditEventView,
  amendmentViewSchema,
  auditEventViewSchema,
  createAmendmentRequest,
  createDraftRequest,
  createParagraphRequest,
  DOCX_MEDIA_TYPE,
  draftSummarySchema,
  draftViewSchema,
  EXPORT_KINDS,
  exportQuery,
  historyQuery,
  importTranslationRequest,
  languageCode,
  putTranslationRequest,
  updateCommitteeLanguagesRequest,
  updateDraftLanguageRequest,
  importQuery,
  inviteCosponsorsRequest,
  jsonObjectSchema,
  loginRequest,
  loginResponseSchema,
  moveParagraphRequest,
  paragraphViewSchema,
  redlineExportQuery,
  translationStateSchema,
  updateAmendmentRequest,
  updateCapsRequest,
  updateParagraphRequest,
  sponsorshipViewSchema,
  userViewSchema,
} from '@omnibus/shared';
import { z } from 'zod';
import { WORKFLOW_OPERATIONS } from '../workflow/workflow-openapi';
import type { SponsorshipView } from '../sponsorships/sponsorships.service';
import type { ApiOperation } from './api-operation';

const file = z.string().describe('the file itself');
const delegationSchema = z.object({ code: z.string(), name: z.string(), aliases: z.array(z.string()) });
// The views these describe are declared by their services: a change to either fails to compile.
const sponsorshipSchema = sponsorshipViewSchema satisfies z.ZodType<SponsorshipView>;
const historySchema = z.array(auditEventViewSchema satisfies z.ZodType<AuditEventView>);
const sponsorshipsSchema = z.array(sponsorshipSchema);
/** Both query strings of an export: a redline compares two versions, the others take one. */
const anyExportQuery = exportQuery.extend(redlineExportQuery.pick({ from: true, to: true }).partial().shape);
const importBody = { 'text/plain': z.string(), [DOCX_MEDIA_TYPE]: z.string().describe('a .docx document (binary)') };

const lang = { lang: z.string().describe('an official language of the committee, e.g. es') };
const accountSchema = jsonObjectSchema.describe('the account and its sessions');

const TRANSLATION_OPERATIONS: ApiOperation[] = [
  { method: 'put', path: '/api/paragraphs/{id}/translations/{lang}', summary: "Store a paragraph's translation (negotiation text in bracket notation, literals) made from revision basedOn of the original (translator, secretariat); 409 stale_translation when the original moved on unless partial: true", params: lang, body: putTranslationRequest, ok: 200, response: translationStateSchema.loose(), errors: [400, 403, 404, 409, 422] },
  { method: 'put', path: '/api/amendments/{id}/translations/{lang}', summary: "Store the translation of an open amendment's proposed words (translator, secretariat)", params: lang, body: putTranslationRequest, ok: 200, response: translationStateSchema.loose(), errors: [400, 403, 404, 409, 422] },
  { method: 'get', path: '/api/drafts/{id}/translations/summary', summary: 'Per official language: how many units are current, outdated, missing', ok: 200, response: jsonObjectSchema, errors: [404] },
  { method: 'post', path: '/api/drafts/{id}/translations/{lang}/import/preview', summary: 'A text in an official language aligned paragraph by paragraph with the draft, with what cannot be written and a digest; writes nothing (translator, secretariat)', params: lang, body: importTranslationRequest, ok: 200, response: jsonObjectSchema, errors: [400, 403, 404, 422] },
  { method: 'post', path: '/api/drafts/{id}/translations/{lang}/import', summary: "Write the previewed alignment as translations, if the draft and text are unchanged since the preview (send the preview's digest)", params: lang, body: importTranslationRequest, ok: 201, response: jsonObjectSchema, errors: [400, 403, 404, 409, 422] },
  { method: 'put', path: '/api/drafts/{id}/languages', summary: "Set a draft's original language (secretariat), while it has no translations", body: updateDraftLanguageRequest, ok: 200, response: jsonObjectSchema, errors: [400, 403, 404, 409, 422] },
  { method: 'get', path: '/api/committees/{id}/languages', summary: "The committee's official languages", ok: 200, response: jsonObjectSchema, errors: [404] },
  { method: 'put', path: '/api/committees/{id}/languages', summary: "Set the committee's official languages (secretariat); a draft's original stays official", body: updateCommitteeLanguagesRequest, ok: 200, response: jsonObjectSchema, errors: [400, 403, 404] },
];

/** Every HTTP endpoint of the API; the OpenAPI document is generated from this table. */
export const API_OPERATIONS: ApiOperation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness: 200 {"status":"ok"} once the database answers', ok: 200, response: z.object({ status: z.literal('ok') }), public: true, errors: [503] },
  { method: 'get', path: '/api/metrics', summary: 'Prometheus metrics (from this machine, or with METRICS_TOKEN as bearer token)', ok: 200, media: { 'text/plain': z.string() }, public: true, errors: [401] },
  { method: 'post', path: '/api/auth/login', summary: 'Sign in; returns a bearer token and the user', body: loginRequest, ok: 200, response: loginResponseSchema, public: true, errors: [400, 401, 429] },
  { method: 'post', path: '/api/auth/logout', summary: "Sign out: ends this token's session everywhere, open sockets included", ok: 204 },
  { method: 'post', path: '/api/auth/refresh', summary: 'A fresh token {token, expiresAt} of the same session, before this one expires', ok: 200, response: z.object({ token: z.string(), expiresAt: z.string() }) },
  { method: 'post', path: '/api/users/{id}/disable', summary: 'Disable an account: it cannot sign in and its sessions end everywhere, open sockets included (secretariat)', ok: 200, response: accountSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/{id}/enable', summary: 'Enable a disabled account again (secretariat)', ok: 200, response: accountSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/{id}/sessions/end', summary: 'End every session of an account without disabling it (secretariat)', ok: 200, response: accountSchema, errors: [403, 404, 409] },
  { method: 'get', path: '/api/auth/me', summary: 'The signed-in user', ok: 200, response: userViewSchema },
  { method: 'get', path: '/api/delegations', summary: "The committee's delegations with codes and aliases", ok: 200, response: z.array(delegationSchema) },
  { method: 'get', path: '/api/drafts', summary: 'Drafts the caller may see', ok: 200, response: z.array(draftSummarySchema) },
  { method: 'post', path: '/api/drafts', summary: 'Set up a draft with the standard sections (secretariat)', body: createDraftRequest, ok: 201, response: draftViewSchema, errors: [400, 403] },
  { method: 'get', path: '/api/drafts/{id}', summary: 'A draft: sections in document order, paragraphs, caps, languages; with lang, every text in that official language with its translation status', query: z.object({ lang: languageCode.optional() }), ok: 200, response: draftViewSchema, errors: [404, 422] },
  { method: 'patch', path: '/api/drafts/{id}/caps', summary: "Change a draft's caps (chair, vice-chair, secretariat)", body: updateCapsRequest, ok: 200, response: draftViewSchema, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/drafts/{id}/paragraphs', summary: "Add a paragraph (the Chair's text, or a delegation's new paragraph); checks the caps", body: createParagraphRequest, ok: 201, response: paragraphViewSchema, errors: [400, 403, 404, 409] },
  { method: 'get', path: '/api/drafts/{id}/history', summary: 'Append-only history of every change (who, delegation, when, before/after), a page at a time', query: historyQuery, ok: 200, response: historySchema, errors: [400, 404] },
  { method: 'get', path: '/api/paragraphs/{id}', summary: 'One paragraph', ok: 200, response: paragraphViewSchema, errors: [404] },
  { method: 'patch', path: '/api/paragraphs/{id}', summary: 'Edit text or literals (optimistic concurrency with version)', body: updateParagraphRequest, ok: 200, response: paragraphViewSchema, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/move', summary: 'Move to another section or place; checks the caps', body: moveParagraphRequest, ok: 200, response: paragraphViewSchema, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/delete', summary: 'Delete (chair, vice-chair)', ok: 200, response: paragraphViewSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/restore', summary: 'Restore a deleted or withdrawn paragraph; checks the caps', ok: 200, response: paragraphViewSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/withdraw', summary: "Withdraw your delegation's new paragraph", ok: 200, response: paragraphViewSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/amendments', summary: "Propose an insertion, deletion, replacement or alternative in your delegation's name", body: createAmendmentRequest, ok: 201, response: amendmentViewSchema, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/cosponsors', summary: 'Invite delegations to co-sponsor your new paragraph', body: inviteCosponsorsRequest, ok: 201, response: sponsorshipsSchema, errors: [400, 403, 404] },
  { method: 'get', path: '/api/amendments/{id}', summary: 'One amendment', ok: 200, response: amendmentViewSchema, errors: [404] },
  { method: 'patch', path: '/api/amendments/{id}', summary: "Edit your amendment's text", body: updateAmendmentRequest, ok: 200, response: amendmentViewSchema, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/amendments/{id}/withdraw', summary: 'Withdraw your amendment', ok: 200, response: amendmentViewSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/amendments/{id}/cosponsors', summary: 'Invite delegations to co-sponsor your amendment', body: inviteCosponsorsRequest, ok: 201, response: sponsorshipsSchema, errors: [400, 403, 404] },
  { method: 'get', path: '/api/sponsorships/invitations', summary: 'Invitations to co-sponsor waiting for your delegation', ok: 200, response: sponsorshipsSchema },
  { method: 'post', path: '/api/paragraphs/{id}/join-requests', summary: "Ask to join the sponsors of another delegation's new paragraph (a sponsor accepts or declines)", ok: 201, response: sponsorshipSchema, errors: [403, 404, 409] },
  { method: 'get', path: '/api/sponsorships/requests', summary: "Requests to join the sponsors of your delegation's new paragraphs, waiting for an answer", ok: 200, response: sponsorshipsSchema },
  { method: 'post', path: '/api/sponsorships/{id}/accept', summary: 'Accept an invitation (your delegation becomes a sponsor) or, as a sponsor, a request to join (the asking delegation becomes a sponsor)', ok: 200, response: sponsorshipSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sponsorships/{id}/decline', summary: 'Decline an invitation or, as a sponsor, a request to join', ok: 200, response: sponsorshipSchema, errors: [403, 404, 409] },
  {
    method: 'get',
    path: '/api/drafts/{id}/export/{kind}',
    summary: 'Export the consensus draft, compilation text or redline as a file (observers: published versions only); a redline needs from and takes to',
    params: { kind: z.enum(EXPORT_KINDS) },
    query: anyExportQuery,
    ok: 200,
    media: { 'application/octet-stream': file },
    errors: [400, 403, 404, 503],
  },
  { method: 'post', path: '/api/drafts/{id}/import/preview', summary: 'What importing the body (text/plain or .docx) would create, paragraph by paragraph, with caps; writes nothing (secretariat)', query: importQuery, rawBody: importBody, ok: 200, response: jsonObjectSchema, errors: [400, 403, 404, 413] },
  { method: 'post', path: '/api/drafts/{id}/import', summary: 'Import the body (text/plain or .docx) into the draft in one transaction (secretariat); refuses past a cap unless source=entity_proposal&acceptOverCap=true', query: importQuery, rawBody: importBody, ok: 201, response: jsonObjectSchema, errors: [400, 403, 404, 409, 413] },
  ...WORKFLOW_OPERATIONS,
  ...TRANSLATION_OPERATIONS,
];
