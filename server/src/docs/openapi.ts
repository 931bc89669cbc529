import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import {
  createAmendmentRequest,
  createDraftRequest,
  createParagraphRequest,
  inviteCosponsorsRequest,
  importTranslationRequest,
  putTranslationRequest,
  updateCommitteeLanguagesRequest,
  updateDraftLanguageRequest,
  loginRequest,
  moveParagraphRequest,
  updateAmendmentRequest,
  updateCapsRequest,
  updateParagraphRequest,
} from '@omnibus/shared';
import { z } from 'zod';
import { WORKFLOW_ROUTES } from '../workflow/workflow-openapi';

interface Route {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  summary: string;
  body?: z.ZodType;
  ok: number;
  public?: boolean;
  errors?: number[];
}

const TRANSLATION_ROUTES: Route[] = [
  { method: 'put', path: '/api/paragraphs/{id}/translations/{lang}', summary: "Store a paragraph's translation (negotiation text in bracket notation, literals) made from revision basedOn of the original (translator, secretariat); 409 stale_translation when the original moved on unless partial: true", body: putTranslationRequest, ok: 200, errors: [400, 403, 404, 409, 422] },
  { method: 'put', path: '/api/amendments/{id}/translations/{lang}', summary: "Store the translation of an open amendment's proposed words (translator, secretariat)", body: putTranslationRequest, ok: 200, errors: [400, 403, 404, 409, 422] },
  { method: 'get', path: '/api/drafts/{id}/translations/summary', summary: 'Per official language: how many units are current, outdated, missing', ok: 200, errors: [404] },
  { method: 'post', path: '/api/drafts/{id}/translations/{lang}/import/preview', summary: 'A text in an official language aligned paragraph by paragraph with the draft, with what cannot be written and a digest; writes nothing (translator, secretariat)', body: importTranslationRequest, ok: 200, errors: [400, 403, 404, 422] },
  { method: 'post', path: '/api/drafts/{id}/translations/{lang}/import', summary: "Write the previewed alignment as translations, if the draft and text are unchanged since the preview (send the preview's digest)", body: importTranslationRequest, ok: 201, errors: [400, 403, 404, 409, 422] },
  { method: 'put', path: '/api/drafts/{id}/languages', summary: "Set a draft's original language (secretariat), while it has no translations", body: updateDraftLanguageRequest, ok: 200, errors: [400, 403, 404, 409, 422] },
  { method: 'get', path: '/api/committees/{id}/languages', summary: "The committee's official languages", ok: 200, errors: [404] },
  { method: 'put', path: '/api/committees/{id}/languages', summary: "Set the committee's official languages (secretariat); a draft's original stays official", body: updateCommitteeLanguagesRequest, ok: 200, errors: [400, 403, 404] },
];

const ROUTES: Route[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness: 200 {"status":"ok"} once the database answers', ok: 200, public: true },
  { method: 'post', path: '/api/auth/login', summary: 'Sign in; returns a bearer token and the user', body: loginRequest, ok: 200, public: true, errors: [400, 401, 429] },
  { method: 'get', path: '/api/auth/me', summary: 'The signed-in user', ok: 200 },
  { method: 'post', path: '/api/auth/logout', summary: "Sign out: ends this token's session everywhere, open sockets included", ok: 204, errors: [401] },
  { method: 'post', path: '/api/auth/refresh', summary: 'A fresh token {token, expiresAt} of the same session, before this one expires', ok: 200, errors: [401] },
  { method: 'post', path: '/api/users/{id}/disable', summary: "Disable an account: it cannot sign in and its sessions end everywhere, open sockets included (secretariat)", ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/{id}/enable', summary: 'Enable a disabled account again (secretariat)', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/{id}/sessions/end', summary: "End every session of an account without disabling it (secretariat)", ok: 200, errors: [403, 404, 409] },
  { method: 'get', path: '/api/delegations', summary: "The committee's delegations with codes and aliases", ok: 200 },
  { method: 'get', path: '/api/drafts', summary: 'Drafts the caller may see', ok: 200 },
  { method: 'post', path: '/api/drafts', summary: 'Set up a draft with the standard sections (secretariat)', body: createDraftRequest, ok: 201, errors: [400, 403] },
  { method: 'get', path: '/api/drafts/{id}', summary: 'A draft: sections in document order, paragraphs, caps, languages; ?lang=es gives every text in that official language with its translation status', ok: 200, errors: [404, 422] },
  { method: 'patch', path: '/api/drafts/{id}/caps', summary: "Change a draft's caps (chair, vice-chair, secretariat)", body: updateCapsRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/drafts/{id}/paragraphs', summary: 'Add a paragraph (the Chair\'s text, or a delegation\'s new paragraph); checks the caps', body: createParagraphRequest, ok: 201, errors: [400, 403, 404, 409] },
  { method: 'get', path: '/api/drafts/{id}/history', summary: 'Append-only history of every change (who, delegation, when, before/after)', ok: 200, errors: [404] },
  { method: 'get', path: '/api/paragraphs/{id}', summary: 'One paragraph', ok: 200, errors: [404] },
  { method: 'patch', path: '/api/paragraphs/{id}', summary: 'Edit text or literals (optimistic concurrency with version)', body: updateParagraphRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/move', summary: 'Move to another section or place; checks the caps', body: moveParagraphRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/delete', summary: 'Delete (chair, vice-chair)', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/restore', summary: 'Restore a deleted or withdrawn paragraph; checks the caps', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/withdraw', summary: 'Withdraw your delegation\'s new paragraph', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/amendments', summary: 'Propose an insertion, deletion, replacement or alternative in your delegation\'s name', body: createAmendmentRequest, ok: 201, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/cosponsors', summary: 'Invite delegations to co-sponsor your new paragraph', body: inviteCosponsorsRequest, ok: 201, errors: [400, 403, 404] },
  { method: 'get', path: '/api/amendments/{id}', summary: 'One amendment', ok: 200, errors: [404] },
  { method: 'patch', path: '/api/amendments/{id}', summary: 'Edit your amendment\'s text', body: updateAmendmentRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/amendments/{id}/withdraw', summary: 'Withdraw your amendment', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/amendments/{id}/cosponsors', summary: 'Invite delegations to co-sponsor your amendment', body: inviteCosponsorsRequest, ok: 201, errors: [400, 403, 404] },
  { method: 'get', path: '/api/sponsorships/invitations', summary: 'Invitations to co-sponsor waiting for your delegation', ok: 200 },
  { method: 'post', path: '/api/paragraphs/{id}/join-requests', summary: "Ask to join the sponsors of another delegation's new paragraph (its sponsors accept or decline)", ok: 201, errors: [403, 404, 409] },
  { method: 'get', path: '/api/sponsorships/requests', summary: "Requests to join the sponsors of your delegation's new paragraphs, waiting for an answer", ok: 200 },
  { method: 'post', path: '/api/sponsorships/{id}/accept', summary: 'Accept an invitation (your delegation becomes a sponsor) or, as a sponsor, a request to join (the asking delegation becomes a sponsor)', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sponsorships/{id}/decline', summary: 'Decline an invitation or, as a sponsor, a request to join', ok: 200, errors: [403, 404, 409] },
  { method: 'get', path: '/api/drafts/{id}/export/{kind}', summary: 'Export the consensus draft, compilation text or redline as a file: kind consensus|compilation|redline; ?format=docx|pdf|html|md|akn|txt, &version=<id> (observers: published versions only), &from=<version id>&to=<id>|live for a redline, &date=yyyy-mm-dd (default: the date of the draft itself), &lang=en|es|fr|pt (the words framing the document in that language)', ok: 200, errors: [400, 403, 404, 503] },
  { method: 'post', path: '/api/drafts/{id}/import/preview', summary: 'What importing the body (text/plain or .docx) would create, paragraph by paragraph, with caps; writes nothing (secretariat). ?source=chair_draft|entity_proposal&sections=[{heading,sectionId}]', ok: 200, errors: [400, 403, 404, 413] },
  { method: 'post', path: '/api/drafts/{id}/import', summary: 'Import the body (text/plain or .docx) into the draft in one transaction (secretariat); refuses past a cap unless source=entity_proposal&acceptOverCap=true', ok: 201, errors: [400, 403, 404, 409, 413] },
  ...WORKFLOW_ROUTES,
  ...TRANSLATION_ROUTES,
];

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'machine-readable code, e.g. cap_exceeded' },
    message: { type: 'string', description: 'a sentence a person can act on' },
    details: {},
  },
};

export function buildOpenApiDocument(): OpenAPIObject {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const op: Record<string, unknown> = {
      summary: r.summary,
      responses: {
        [String(r.ok)]: { description: 'success' },
        ...Object.fromEntries(
          [...(r.public ? [] : [401]), ...(r.errors ?? [])].map((s) => [
            String(s),
            { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ]),
        ),
      },
    };
    if (!r.public) op.security = [{ bearer: [] }];
    if (r.path.includes('{id}')) op.parameters = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
    if (r.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } };
    }
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Omnibus API',
      version: '0.1.0',
      description:
        'Negotiate one long resolution in real time. Errors are always JSON {error, message, details?}. ' +
        'Real time: socket.io namespace /collab, event "yjs", y-websocket framing; the negotiation room on namespace /live (events in shared/src/live-protocol.ts).',
    },
    paths: paths as OpenAPIObject['paths'],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: ERROR_SCHEMA } as NonNullable<OpenAPIObject['components']>['schemas'],
    },
  };
}

/** Swagger UI at /api/docs, the document itself at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(), { jsonDocumentUrl: 'api/docs-json' });
}
