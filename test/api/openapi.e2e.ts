import {
  amendmentViewSchema,
  API_OPERATIONS,
  auditEventViewSchema,
  calendarEventViewSchema,
  draftSummarySchema,
  draftParagraphsQuery,
  draftViewSchema,
  errorBodySchema,
  historyQuery,
  loginResponseSchema,
  paragraphViewSchema,
  redlineQuery,
  userViewSchema,
} from '@omnibus/shared';
import { randomUUID } from 'node:crypto';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { buildOpenApiDocument, pathParameterNames } from '../../server/src/docs/openapi';
import { documentedRoutes, registeredRoutes, routeDrift } from '../../server/src/docs/route-drift';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/** The API description: generated from the schemas, valid, complete, and the same set of routes the server answers. */
type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security?: unknown[];
};

const operations = (doc: OpenAPIObject): [string, string, Operation][] =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as Record<string, Operation>).map(([method, op]): [string, string, Operation] => [method, path, op]));

/** The validator's own document type is stricter than Nest's; the document is checked at run time. */
const check = (document: unknown) => validate(structuredClone(document) as Parameters<typeof validate>[0]);

/** Parses with the schema and also refuses fields the schema does not name, at the top level. */
function conforms(schema: z.ZodObject, body: unknown): void {
  schema.parse(body);
  expect(Object.keys(body as object).filter((k) => !(k in schema.shape))).toEqual([]);
}

describe('the OpenAPI description', () => {
  let t: TestServer;
  let doc: OpenAPIObject;
  beforeAll(async () => {
    t = await startTestServer();
    const res = await t.api<OpenAPIObject>('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('is served at /api/docs-json as generated, with Swagger UI at /api/docs', async () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    const html = await t.api('GET', '/api/docs');
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('swagger');
  });

  it('is a valid OpenAPI 3.1 document, and the validator does refuse an undeclared path parameter', async () => {
    const verdict = await check(doc);
    if (!verdict.valid) throw new Error(compileErrors(verdict));
    expect(verdict).toMatchObject({ valid: true, specification: 'OpenAPI', warnings: [] });

    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, Operation>> };
    const skip = broken.paths['/api/sessions/{id}/queue/{paragraphId}/skip']!.post!;
    skip.parameters = skip.parameters!.filter((p) => p.name !== 'paragraphId');
    expect((await check(broken)).valid).toBe(false);
  });

  it('gives every operation its path parameters, a success body and an error body for each failure', () => {
    const ops = operations(doc);
    expect(ops).toHaveLength(API_OPERATIONS.length);
    expect(ops.length).toBeGreaterThanOrEqual(69);
    for (const [method, path, op] of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect({ where, path: declared.sort() }).toEqual({ where, path: pathParameterNames(path).sort() });
      const statuses = Object.keys(op.responses).map(Number);
      const success = statuses.filter((s) => s < 300);
      expect({ where, success: success.length }).toEqual({ where, success: 1 });
      expect({ where, content: Object.keys(op.responses[String(success[0])]!.content ?? {}).length > 0 }).toEqual({ where, content: success[0] !== 204 });
      for (const status of statuses.filter((s) => s >= 400)) {
        expect({ where, status, schema: op.responses[String(status)]!.content?.['application/json']?.schema }).toEqual({
          where,
          status,
          schema: { $ref: '#/components/schemas/Error' },
        });
      }
      if (op.security) expect({ where, unauthorized: statuses.includes(401) }).toEqual({ where, unauthorized: true });
    }
  });

  it('describes every JSON answer field by field: no success body is an open object', () => {
    const components = (doc.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
    const resolve = (schema: Record<string, unknown>): Record<string, unknown> => {
      const ref = schema.$ref as string | undefined;
      return ref ? resolve(components[ref.replace('#/components/schemas/', '')]!) : schema;
    };
    /** An object with named properties, a list of such, a union of them, or a scalar; not "any object" nor "anything". */
    const described = (raw: Record<string, unknown>): boolean => {
      const schema = resolve(raw);
      if (Array.isArray(schema.anyOf)) return (schema.anyOf as Record<string, unknown>[]).every(described);
      if (schema.type === 'array') return described(schema.items as Record<string, unknown>);
      if (schema.type === 'object') return schema.properties !== undefined;
      return schema.type !== undefined || schema.const !== undefined || schema.enum !== undefined;
    };
    const json = operations(doc).flatMap(([method, path, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) < 300)
        .flatMap(([, r]) => (r.content?.['application/json'] ? [{ where: `${method.toUpperCase()} ${path}`, schema: r.content['application/json'].schema as Record<string, unknown> }] : [])),
    );
    expect(json.length).toBe(API_OPERATIONS.filter((o) => o.response !== undefined).length);
    expect(json.filter((j) => !described(j.schema)).map((j) => j.where)).toEqual([]);
    // The check itself tells an open object from a described one.
    expect(described({ type: 'object', additionalProperties: {} })).toBe(false);
    expect(described({})).toBe(false);
  });

  it('declares the query strings the controllers validate, and the feed key as the key it is', () => {
    const query = (path: string, method = 'get') =>
      (doc.paths[path] as Record<string, Operation>)[method]!.parameters!.filter((p) => p.in === 'query').map((p) => p.name).sort();
    expect(query('/api/drafts/{id}/history')).toEqual(['after', 'limit', 'targetId']);
    expect(query('/api/drafts/{id}/redline')).toEqual(['from', 'to']);
    expect(query('/api/drafts/{id}/paragraphs')).toEqual(['ids']);
    expect(query('/api/sessions/{id}/minutes')).toEqual(['format']);
    expect(query('/api/drafts/{id}/export/{kind}')).toEqual(expect.arrayContaining(['date', 'format', 'from', 'lang', 'to', 'version']));
    expect(query('/api/drafts/{id}/import', 'post')).toEqual(['acceptOverCap', 'sections', 'source']);
    const feed = (doc.paths['/api/calendar/feed/{key}'] as Record<string, Operation>).get!.parameters![0] as unknown as { schema: { format?: string } };
    expect(feed).toMatchObject({ name: 'key', in: 'path', required: true });
    expect(feed.schema.format).toBeUndefined();
  });

  it('documents query strings that the endpoints accept and refuse exactly as described', async () => {
    const chair = await t.login('chair');
    const draft = await demoDraft(t, chair);
    const p = paragraph(section(draft, 'entity', 'CICTE'), '7');
    const cases: [z.ZodType, string, Record<string, string>][] = [
      [historyQuery, 'history', {}],
      [historyQuery, 'history', { limit: '1000', after: '0' }],
      [historyQuery, 'history', { limit: '1001' }],
      [historyQuery, 'history', { limit: '0' }],
      [historyQuery, 'history', { after: 'abc' }],
      [historyQuery, 'history', { targetId: 'not-an-id' }],
      [historyQuery, 'history', { page: '2' }],
      [redlineQuery, 'redline', { from: 'live' }],
      [redlineQuery, 'redline', { from: 'live', to: 'live' }],
      [redlineQuery, 'redline', {}],
      [redlineQuery, 'redline', { from: 'yesterday' }],
      [redlineQuery, 'redline', { from: 'live', format: 'pdf' }],
      [draftParagraphsQuery, 'paragraphs', { ids: `${p.id},${randomUUID()}` }],
      [draftParagraphsQuery, 'paragraphs', { ids: Array.from({ length: 200 }, () => randomUUID()).join(',') }],
      [draftParagraphsQuery, 'paragraphs', { ids: Array.from({ length: 201 }, () => randomUUID()).join(',') }],
      [draftParagraphsQuery, 'paragraphs', {}],
      [draftParagraphsQuery, 'paragraphs', { ids: '' }],
      [draftParagraphsQuery, 'paragraphs', { ids: `${p.id},x` }],
      [draftParagraphsQuery, 'paragraphs', { ids: p.id, limit: '5' }],
    ];
    for (const [schema, endpoint, query] of cases) {
      const res = await t.api('GET', `/api/drafts/${draft.id}/${endpoint}?${new URLSearchParams(query).toString()}`, { token: chair });
      const where = `${endpoint} ${JSON.stringify(query)}`;
      expect({ where, status: res.status }).toEqual({ where, status: schema.safeParse(query).success ? 200 : 400 });
    }
  });

  it('describes exactly the routes the server registered: none missing, none extra', () => {
    const served = registeredRoutes(t.server.app);
    const described = documentedRoutes(doc);
    expect(served.length).toBeGreaterThanOrEqual(69);
    expect(routeDrift(served, described)).toEqual({ undocumented: [], notServed: [] });

    // The same comparison catches an endpoint added without a description, and one described but gone.
    const withoutLogin = described.filter((k) => k !== 'POST /api/auth/login');
    expect(routeDrift(served, [...withoutLogin, 'DELETE /api/drafts/{id}'])).toEqual({ undocumented: ['POST /api/auth/login'], notServed: ['DELETE /api/drafts/{id}'] });
  });

  it('describes the bodies the main endpoints actually answer', async () => {
    const login = await t.api('POST', '/api/auth/login', { body: { username: 'chair', password: 'demo' } });
    conforms(loginResponseSchema, login.body);
    conforms(userViewSchema, login.body.user);
    const chair = login.body.token as string;
    conforms(userViewSchema, (await t.api('GET', '/api/auth/me', { token: chair })).body);

    const list = await t.api<unknown[]>('GET', '/api/drafts', { token: chair });
    expect(list.body.length).toBeGreaterThan(0);
    for (const d of list.body) conforms(draftSummarySchema, d);

    const draft = await demoDraft(t, chair);
    conforms(draftViewSchema, draft);
    const p = paragraph(section(draft, 'entity', 'CICTE'), '7');
    const one = await t.api('GET', `/api/paragraphs/${p.id}`, { token: chair });
    conforms(paragraphViewSchema, one.body);

    const at = p.text.indexOf(' ');
    const proposed = await t.api('POST', `/api/paragraphs/${p.id}/amendments`, { token: await t.login('can'), body: { kind: 'insert', start: at, end: at, text: ' urgently' } });
    expect(proposed.status).toBe(201);
    conforms(amendmentViewSchema, proposed.body);
    conforms(amendmentViewSchema, (await t.api('GET', `/api/amendments/${proposed.body.id}`, { token: chair })).body);

    const history = await t.api<unknown[]>('GET', `/api/drafts/${draft.id}/history?limit=5`, { token: chair });
    expect(history.body.length).toBeGreaterThan(0);
    for (const event of history.body) conforms(auditEventViewSchema, event);
    const calendar = await t.api<{ events: unknown[] }>('GET', '/api/calendar', { token: chair });
    expect(calendar.body.events.length).toBeGreaterThan(0);
    for (const event of calendar.body.events) conforms(calendarEventViewSchema, event);

    const missing = await t.api('GET', '/api/paragraphs/00000000-0000-4000-8000-000000000000', { token: chair });
    expect(missing.status).toBe(404);
    conforms(errorBodySchema, missing.body);
    const invalid = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token: chair, body: { kind: 'nonsense' } });
    expect(invalid.status).toBe(400);
    conforms(errorBodySchema, invalid.body);
    const anonymous = await t.api('GET', '/api/drafts');
    expect(anonymous.status).toBe(401);
    conforms(errorBodySchema, anonymous.body);
  });
});
