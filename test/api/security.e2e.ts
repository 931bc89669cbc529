import { randomBytes, randomUUID } from 'node:crypto';
import * as net from 'node:net';
import { Client } from 'pg';
import type { DraftView } from '@omnibus/shared';
import { hashPassword, verifyPassword } from '../../server/src/auth/password';
import { startServer } from '../../server/src/bootstrap';
import { isDatabaseOutage } from '../../server/src/common/error.filter';
import { isLoopback, loadConfig } from '../../server/src/config/config';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';
import { StartupError } from '../../server/src/database/startup-error';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { createTestDatabase, readInfo } from '../support/test-database';
import { apiClient, startTestServer, TestServer } from '../support/test-server';

/** The smaller doors: headers, the bind address and the demo accounts, 404s, written addresses, database outages. */

describe('security headers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('every answer carries a CSP that forbids framing, nosniff and a referrer policy, and no X-Powered-By', async () => {
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/drafts', 401],
      ['/api/nothing-here', 404],
      ['/api/docs', 200],
    ] as const) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(status);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('the bind address and the demo accounts', () => {
  it('binds 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.0.2.1', '10.0.0.5'].some(isLoopback)).toBe(false);
  });

  it('never seeds the demo accounts (password "demo") on an address beyond this machine', async () => {
    const { adminUrl } = readInfo();
    const name = `omnibus_e_${randomBytes(5).toString('hex')}`;
    await ensureDatabase(adminUrl, name);
    const url = withDatabase(adminUrl, name);
    try {
      // 192.0.2.1 (TEST-NET-1) is on no machine: the seed decision is taken before listening, and listening then fails clearly.
      const started = startServer(loadConfig({ DATABASE_URL: url, PORT: '0', HOST: '192.0.2.1', OMNIBUS_LOG: 'silent', TOKEN_SECRET: 'x'.repeat(40) }));
      await expect(started).rejects.toThrow(StartupError);
      await expect(started).rejects.toThrow('This machine has no address 192.0.2.1; set HOST to one of its addresses (127.0.0.1 by default).');
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        const users = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`);
        const committees = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM committee`);
        expect(users.rows[0]!.n).toBe(0);
        expect(committees.rows[0]!.n).toBe(0);
      } finally {
        await c.end();
      }
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });

  it('beyond this machine, seeds them only with the password the operator chose (OMNIBUS_DEMO_PASSWORD)', async () => {
    const { adminUrl } = readInfo();
    const name = `omnibus_e_${randomBytes(5).toString('hex')}`;
    await ensureDatabase(adminUrl, name);
    const url = withDatabase(adminUrl, name);
    try {
      expect(() => loadConfig({ OMNIBUS_DEMO_PASSWORD: 'short' })).toThrow(/at least 12 characters/);
      const config = loadConfig({ DATABASE_URL: url, PORT: '0', HOST: '192.0.2.1', OMNIBUS_LOG: 'silent', OMNIBUS_DEMO_PASSWORD: 'correct horse battery' });
      await expect(startServer(config)).rejects.toThrow(/no address 192\.0\.2\.1/);
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        const users = await c.query<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE username = 'chair'`);
        expect(users.rows).toHaveLength(1);
        expect(await verifyPassword('correct horse battery', users.rows[0]!.password_hash)).toBe(true);
        expect(await verifyPassword('demo', users.rows[0]!.password_hash)).toBe(false);
      } finally {
        await c.end();
      }
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });

  it('on 127.0.0.1 the same start seeds them', async () => {
    const t = await startTestServer({ OMNIBUS_SEED: 'on' });
    try {
      expect(t.server.seedSkipped).toBeNull();
    } finally {
      await t.close();
    }
  });
});

describe('404s reveal nothing about other committees', () => {
  let t: TestServer;
  let draft: DraftView;
  let outsider: string;
  beforeAll(async () => {
    t = await startTestServer();
    draft = await demoDraft(t, await t.login('chair'));
    const ds = t.server.dataSource;
    const [committee] = await ds.query(`INSERT INTO committee (name, acronym, period, time_zone) VALUES ('Committee on Juridical and Political Affairs', 'CAJP', '2022', 'America/New_York') RETURNING id`);
    await ds.query(`INSERT INTO app_user (committee_id, username, display_name, password_hash, role) VALUES ($1, 'cajpchair', 'CAJP Chair', $2, 'chair')`, [
      committee.id,
      await hashPassword('demo'),
    ]);
    outsider = await t.login('cajpchair');
  });
  afterAll(() => t.close());

  it("answers another committee's paragraph, amendment, draft exactly as an unknown id, never naming its draft", async () => {
    const p = paragraph(section(draft, 'entity', 'CICTE'), '1');
    const requests: [string, string, (id: string) => string, unknown?][] = [
      ['GET', 'paragraph', (id) => `/api/paragraphs/${id}`],
      ['PATCH', 'paragraph', (id) => `/api/paragraphs/${id}`, { text: 'Taken over.' }],
      ['GET', 'paragraph comments', (id) => `/api/paragraphs/${id}/comments`],
      ['POST', 'comment', (id) => `/api/paragraphs/${id}/comments`, { body: 'Hello.' }],
      ['GET', 'reservations', (id) => `/api/paragraphs/${id}/reservations`],
      ['POST', 'reservation', (id) => `/api/paragraphs/${id}/reservations`, { text: 'We reserve.' }],
      ['POST', 'amendment', (id) => `/api/paragraphs/${id}/amendments`, { kind: 'insert', start: 0, end: 0, text: 'x ' }],
      ['POST', 'move', (id) => `/api/paragraphs/${id}/move`, { sectionId: section(draft, 'preamble').id }],
      ['POST', 'withdraw', (id) => `/api/paragraphs/${id}/withdraw`],
    ];
    const draftRequests: [string, string, (id: string) => string][] = [
      ['GET', 'draft', (id) => `/api/drafts/${id}`],
      ['GET', 'history', (id) => `/api/drafts/${id}/history`],
      ['GET', 'paragraphs of a draft', (id) => `/api/drafts/${id}/paragraphs?ids=${p.id}`],
      ['GET', 'reservations of a draft', (id) => `/api/drafts/${id}/reservations`],
      ['GET', 'export', (id) => `/api/drafts/${id}/export/compilation?format=txt`],
      ['GET', 'versions', (id) => `/api/drafts/${id}/versions`],
      ['GET', 'consultations', (id) => `/api/drafts/${id}/consultations`],
    ];
    let compared = 0;
    for (const [method, , path, body] of requests) {
      const unknown = randomUUID();
      const options = method === 'GET' ? { token: outsider } : { token: outsider, body: body ?? {} };
      const foreign = await t.api(method, path(p.id), options);
      const none = await t.api(method, path(unknown), options);
      expect(foreign.status).toBe(404);
      expect(none.status).toBe(404);
      expect(JSON.stringify(foreign.body).replaceAll(p.id, '<id>')).toBe(JSON.stringify(none.body).replaceAll(unknown, '<id>'));
      expect(JSON.stringify(foreign.body)).not.toContain(draft.id);
      compared += 1;
    }
    for (const [method, , path] of draftRequests) {
      const unknown = randomUUID();
      const foreign = await t.api(method, path(draft.id), { token: outsider });
      const none = await t.api(method, path(unknown), { token: outsider });
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body).replaceAll(draft.id, '<id>')).toBe(JSON.stringify(none.body).replaceAll(unknown, '<id>'));
      compared += 1;
    }
    expect(compared).toBe(requests.length + draftRequests.length);
  });
});

describe('addresses the server writes', () => {
  it('come from PUBLIC_URL when set', async () => {
    const t = await startTestServer({ PUBLIC_URL: 'https://omnibus.example.org/' });
    try {
      const res = await t.api('GET', '/api/calendar/subscription', { token: await t.login('mex') });
      expect(res.status).toBe(200);
      expect(res.body.url).toMatch(/^https:\/\/omnibus\.example\.org\/api\/calendar\/feed\/[^/]+\.ics$/);
      expect(res.body.webcal).toMatch(/^webcal:\/\/omnibus\.example\.org\//);
    } finally {
      await t.close();
    }
  });

  it('never from the Host header a caller sends', async () => {
    const t = await startTestServer();
    try {
      const res = await t.api('GET', '/api/calendar/subscription', { token: await t.login('mex'), headers: { host: 'evil.example.com', 'x-forwarded-host': 'evil.example.com' } });
      expect(res.status).toBe(200);
      expect(res.body.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${t.server.port}/api/calendar/feed/`));
      expect(JSON.stringify(res.body)).not.toContain('evil');
    } finally {
      await t.close();
    }
  });

  it('refuses a PUBLIC_URL that is not an http(s) address', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'omnibus.example.org' })).toThrow(/PUBLIC_URL must be an absolute address/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://omnibus.example.org' })).toThrow(/PUBLIC_URL must start with https:\/\//);
  });
});

/** A TCP relay to the test PostgreSQL that can be cut and restored, to make a real outage. */
async function relay(target: { host: string; port: number }): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

describe('a PostgreSQL outage', () => {
  it('is a 503 with Retry-After on REST and health, and everything answers again once it is back', async () => {
    const db = await createTestDatabase();
    const target = new URL(db.url);
    const r = await relay({ host: target.hostname, port: Number(target.port || 5432) });
    const relayed = new URL(db.url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(r.port);
    const server = await startServer(loadConfig({ DATABASE_URL: relayed.toString(), PORT: '0', HOST: '127.0.0.1', OMNIBUS_SEED: 'off', OMNIBUS_LOG: 'silent' }));
    const t = apiClient(server.url);
    try {
      const chair = await t.login('chair');
      const draft = await demoDraft(t, chair);
      await r.cut();
      const statuses: number[] = [];
      for (const [method, path, body] of [
        ['GET', '/api/health', undefined],
        ['GET', `/api/drafts/${draft.id}`, undefined],
        ['POST', `/api/drafts/${draft.id}/paragraphs`, { sectionId: section(draft, 'preamble').id, kind: 'preambular', text: 'RECALLING the outage;' }],
        ['POST', '/api/auth/login', { username: 'mex', password: 'demo' }],
      ] as const) {
        const res = await t.api(method, path, { token: chair, ...(body === undefined ? {} : { body }) });
        statuses.push(res.status);
        expect({ path, status: res.status, error: res.body?.error }).toEqual({ path, status: 503, error: 'unavailable' });
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(res.body.message).toMatch(/database is not reachable/);
      }
      await r.restore();
      let health = 0;
      for (let i = 0; i < 100 && health !== 200; i += 1) {
        health = (await fetch(`${server.url}/api/health`)).status;
        if (health !== 200) await new Promise((res) => setTimeout(res, 100));
      }
      expect(health).toBe(200);
      const after = await t.api('GET', `/api/drafts/${draft.id}`, { token: chair });
      expect(after.status).toBe(200);
      expect(after.body.sections.flatMap((s: { paragraphs: { text: string }[] }) => s.paragraphs).some((p: { text: string }) => p.text === 'RECALLING the outage;')).toBe(false);
      expect(statuses).toEqual([503, 503, 503, 503]);
    } finally {
      await server.close();
      await r.close();
      await db.drop();
    }
  });

  it('tells an outage from a mistake', () => {
    expect(isDatabaseOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseOutage({ message: 'query failed', driverError: { code: '57P01', message: 'terminating connection due to administrator command' } })).toBe(true);
    expect(isDatabaseOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }))).toBe(true);
    expect(isDatabaseOutage({ message: 'duplicate key', driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseOutage(new TypeError('x is undefined'))).toBe(false);
  });
});
