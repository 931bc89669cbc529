import { getOpenApiMetadata, getRefId, OpenApiGeneratorV31, zodToOpenAPIRegistry, OpenAPIRegistry, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import {
  accountStatusSchema,
  amendmentViewSchema,
  API_OPERATIONS,
  type ApiOperation,
  auditEventViewSchema,
  calendarEventViewSchema,
  commentViewSchema,
  consensusDraftSchema,
  consultationViewSchema,
  decisionViewSchema,
  draftRedlineSchema,
  draftSummarySchema,
  draftViewSchema,
  errorBodySchema,
  importPreviewSchema,
  loginResponseSchema,
  minutesSchema,
  paragraphViewSchema,
  queueItemSchema,
  reservationViewSchema,
  sectionViewSchema,
  sessionViewSchema,
  silenceViewSchema,
  speakerViewSchema,
  sponsorshipViewSchema,
  translationStateFullSchema,
  translationSummarySchema,
  userViewSchema,
  versionSummarySchema,
  workflowViewSchema,
} from '@omnibus/shared';
import { z } from 'zod';

/** Bodies that appear in many operations: named once under components.schemas and referenced. */
const NAMED_SCHEMAS: Record<string, z.ZodType> = {
  Error: errorBodySchema,
  User: userViewSchema,
  Login: loginResponseSchema,
  DraftSummary: draftSummarySchema,
  Draft: draftViewSchema,
  Section: sectionViewSchema,
  Paragraph: paragraphViewSchema,
  Amendment: amendmentViewSchema,
  Workflow: workflowViewSchema,
  Version: versionSummarySchema,
  Comment: commentViewSchema,
  Session: sessionViewSchema,
  QueueItem: queueItemSchema,
  Decision: decisionViewSchema,
  Speaker: speakerViewSchema,
  Consultation: consultationViewSchema,
  Reservation: reservationViewSchema,
  Silence: silenceViewSchema,
  Sponsorship: sponsorshipViewSchema,
  HistoryEvent: auditEventViewSchema,
  CalendarEvent: calendarEventViewSchema,
  Account: accountStatusSchema,
  TranslationState: translationStateFullSchema,
  TranslationSummary: translationSummarySchema,
  Redline: draftRedlineSchema,
  ConsensusDraft: consensusDraftSchema,
  Minutes: minutesSchema,
  ImportPreview: importPreviewSchema,
};

/** Gives each named schema its component id, so that every use of it (and its own recursion) becomes a $ref. */
function nameSchemas(): void {
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) {
    const refId = getRefId(schema);
    if (refId === id) continue;
    if (refId !== undefined) throw new Error(`The schema named ${id} is already named ${refId}.`);
    zodToOpenAPIRegistry.add(schema, { ...getOpenApiMetadata(schema), _internal: { refId: id } });
  }
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'Done; no body',
  400: 'The request is malformed or fails validation; details name the fields',
  401: 'No valid bearer token',
  403: 'Your role or delegation may not do this',
  404: 'No such resource, or you may not see it',
  409: 'The current state does not allow it (caps, phase, version, deadline)',
  413: 'The body is larger than allowed',
  422: 'The language is not one of the official languages',
  429: 'Too many attempts; try again later',
  503: 'A dependency this needs is unavailable',
};

/** '/api/sessions/{id}/queue/{paragraphId}/skip' → ['id', 'paragraphId']. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function routeConfig(op: ApiOperation): RouteConfig {
  if (op.response === undefined && op.media === undefined && op.ok !== 204) {
    throw new Error(`${op.method.toUpperCase()} ${op.path} declares no response body.`);
  }
  const names = pathParameterNames(op.path);
  for (const name of Object.keys(op.params ?? {})) {
    if (!names.includes(name)) throw new Error(`${op.method.toUpperCase()} ${op.path} has no path parameter ${name}.`);
  }
  const params = names.length === 0 ? undefined : z.object(Object.fromEntries(names.map((n) => [n, op.params?.[n] ?? z.uuid()])));
  const content: Record<string, { schema: z.ZodType }> = {};
  if (op.response) content['application/json'] = { schema: op.response };
  for (const [type, schema] of Object.entries(op.media ?? {})) content[type] = { schema };
  const responses: Record<string, ResponseConfig> = {
    [String(op.ok)]: { description: STATUS_TEXT[op.ok] ?? 'Success', ...(Object.keys(content).length > 0 ? { content } : {}) },
  };
  for (const status of [...(op.public ? [] : [401]), ...(op.errors ?? [])]) {
    responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: errorBodySchema } } };
  }
  const body = op.body ? { 'application/json': { schema: op.body } } : op.rawBody ? Object.fromEntries(Object.entries(op.rawBody).map(([t, schema]) => [t, { schema }])) : undefined;
  return {
    method: op.method,
    path: op.path,
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(op.public ? {} : { security: [{ bearer: [] }] }),
    request: {
      ...(params ? { params } : {}),
      ...(op.query ? { query: op.query } : {}),
      ...(body ? { body: { required: true, content: body } } : {}),
    },
    responses,
  };
}

let generated: OpenAPIObject | undefined;

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): OpenAPIObject {
  // The tables do not change while the process runs; every app started in it serves the same document.
  if (operations === API_OPERATIONS) return (generated ??= generate(operations));
  return generate(operations);
}

function generate(operations: readonly ApiOperation[]): OpenAPIObject {
  nameSchemas();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const op of operations) registry.registerPath(routeConfig(op));
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Omnibus API',
      version: '0.1.0',
      description:
        'Negotiate one long resolution in real time. Errors are always JSON {error, message, details?}. ' +
        'Real time: socket.io namespace /collab, event "yjs", y-websocket framing; the negotiation room on namespace /live (events in shared/src/live-protocol.ts).',
    },
  });
  return document as OpenAPIObject;
}

/** Swagger UI at /api/docs, the document itself at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, structuredClone(buildOpenApiDocument()), { jsonDocumentUrl: 'api/docs-json' });
}
