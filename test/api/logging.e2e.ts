import { io } from 'socket.io-client';
import { ChildServer, freePort } from '../support/child-server';
import { apiClient } from '../support/test-server';
import { demoDraft } from '../support/draft-helpers';
import { createTestDatabase } from '../support/test-database';

/** The server's log as an operator's collector reads it: JSON lines in production, at LOG_LEVEL. */
type Line = Record<string, unknown> & { level: number; msg: string };

const INFO = 30;
const WARN = 40;

function jsonLines(server: ChildServer): Line[] {
  return server.log
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
}

async function waitForLine(server: ChildServer, match: (l: Line) => boolean): Promise<Line> {
  for (let i = 0; i < 100; i++) {
    const found = jsonLines(server).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no such log line in:\n${server.log.join('')}`);
}

describe('logs', () => {
  let db: { url: string; drop: () => Promise<void> };
  const servers: ChildServer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const s of servers) await s.kill();
    await db.drop();
  });

  async function start(env: Record<string, string>): Promise<ChildServer> {
    const server = new ChildServer(db.url, await freePort(), { NODE_ENV: 'production', OMNIBUS_LOG: '', TOKEN_SECRET: 'x'.repeat(40), ...env });
    servers.push(server);
    await server.start();
    return server;
  }

  it('at LOG_LEVEL=info in production: one JSON line per request, with the request id it echoes', async () => {
    const server = await start({ LOG_LEVEL: 'info' });

    const given = await fetch(`${server.url}/api/health`, { headers: { 'X-Request-Id': 'probe-42.a' } });
    expect(given.status).toBe(200);
    expect(given.headers.get('x-request-id')).toBe('probe-42.a');
    const line = await waitForLine(server, (l) => l.requestId === 'probe-42.a');
    expect(line).toMatchObject({ level: INFO, msg: expect.stringMatching(/^GET \/api\/health 200 \d+ ms$/), req: { method: 'GET', path: '/api/health' }, res: { statusCode: 200 } });
    expect(typeof line.time).toBe('string');
    expect(typeof line.responseTime).toBe('number');

    // An id that is not a short plain token is replaced by one of the server's own.
    const odd = await fetch(`${server.url}/api/health`, { headers: { 'X-Request-Id': 'a b\u00e9'.repeat(30) } });
    const own = odd.headers.get('x-request-id') ?? '';
    expect(own).toMatch(/^[0-9a-f-]{36}$/);
    await waitForLine(server, (l) => l.requestId === own);

    // A refused request is logged too, with its status; the sign-in's password never is.
    const refused = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'not-this-one-secret' }) });
    const refusedId = refused.headers.get('x-request-id') ?? '';
    const refusedLine = await waitForLine(server, (l) => l.requestId === refusedId && typeof l.res === 'object');
    expect(refusedLine.res).toEqual({ statusCode: refused.status });
    expect(server.log.join('')).not.toContain('not-this-one-secret');

    // Nest's start-up chatter (a line per route) stays below info.
    expect(jsonLines(server).filter((l) => l.context === 'RouterExplorer')).toEqual([]);
  });

  it('at LOG_LEVEL=warn: no info lines, no request lines', async () => {
    const server = await start({ LOG_LEVEL: 'warn' });
    const res = await fetch(`${server.url}/api/health`, { headers: { 'X-Request-Id': 'quiet-1' } });
    expect(res.headers.get('x-request-id')).toBe('quiet-1');
    await new Promise((r) => setTimeout(r, 300));
    const lines = jsonLines(server);
    expect(lines.filter((l) => l.level < WARN)).toEqual([]);
    expect(lines.some((l) => l.requestId === 'quiet-1')).toBe(false);
  });

  it("at LOG_LEVEL=debug: Nest's own Logger writes through the same JSON logger, socket lines carry the socket's ids", async () => {
    const server = await start({ LOG_LEVEL: 'debug' });
    const mapped = await waitForLine(server, (l) => l.context === 'RouterExplorer');
    expect(mapped).toMatchObject({ level: 20, msg: expect.stringMatching(/^Mapped \{/) });

    const client = apiClient(server.url);
    const token = await client.login('chair');
    const draft = await demoDraft(client, token);
    const socket = io(`${server.url}/live`, { transports: ['websocket'], auth: { token, draftId: draft.id }, extraHeaders: { 'X-Request-Id': 'socket-probe-7' }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const connected = await waitForLine(server, (l) => l.requestId === 'socket-probe-7' && l.msg === '/live: connected');
    expect(connected).toMatchObject({ context: 'Sockets', namespace: '/live', socketId: socket.id });
    socket.close();
    await waitForLine(server, (l) => l.requestId === 'socket-probe-7' && /^\/live: disconnected/.test(l.msg));
  });

  it('refuses a LOG_LEVEL it does not know, in one sentence', async () => {
    const server = new ChildServer(db.url, await freePort(), { LOG_LEVEL: 'verbose' });
    await expect(server.start(30_000)).rejects.toThrow(/LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"/);
  });
});
