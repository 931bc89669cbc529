import { LIVE_NAMESPACE } from '@omnibus/shared';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';
import { createDataSource, migrate } from '../../server/src/database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';
import { locateServer } from '../../test/support/test-database';
import { startServerProcess } from './server-process';
import { Summary, summarize } from './stats';

/**
 * How long one decision of the chair takes to reach everyone in the room: 200 socket.io clients
 * on /live, the chair records a decision over HTTP, and each client notes when `decision.recorded`
 * arrives. The reference, in the same run and against the same server, is the same decision with
 * one client connected; the ratio says what the room's size costs.
 *
 *   npm run bench:decision [-- --clients 200 --decisions 40]
 */

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const CLIENTS = Number(args.get('clients') ?? 200);
const DECISIONS = Number(args.get('decisions') ?? 40);
const WARMUP = 5;
const RESULTS = path.resolve(__dirname, `../results/decision-broadcast-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);

async function api(base: string, method: string, url: string, token: string | null, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

interface Room {
  sockets: Socket[];
  /** Arrival times of decision.recorded by decision sequence, one per socket. */
  arrivals: Map<number, number[]>;
}

async function connect(base: string, tokens: string[], draftId: string, count: number): Promise<Room> {
  const room: Room = { sockets: [], arrivals: new Map() };
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const socket = io(`${base}${LIVE_NAMESPACE}`, { auth: { token: tokens[i % tokens.length], draftId }, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('decision.recorded', (payload: { decision: { sequence: number } }) => {
      const at = performance.now();
      const list = room.arrivals.get(payload.decision.sequence) ?? [];
      list.push(at);
      room.arrivals.set(payload.decision.sequence, list);
    });
    room.sockets.push(socket);
    pending.push(
      new Promise((resolve, reject) => {
        socket.once('state', () => resolve());
        socket.once('connect_error', reject);
      }),
    );
  }
  await Promise.all(pending);
  return room;
}

async function waitForAll(room: Room, sequence: number, timeoutMs = 10_000): Promise<number[]> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const got = room.arrivals.get(sequence) ?? [];
    if (got.length >= room.sockets.length) return got;
    if (performance.now() > deadline) throw new Error(`decision ${sequence}: ${got.length} of ${room.sockets.length} clients heard it`);
    await new Promise((r) => setImmediate(r));
  }
}

/** Defer, return, call, decide again: one paragraph gives as many decisions as the run needs. */
async function measure(base: string, chair: string, sessionId: string, paragraphId: string, room: Room, decisions: number, first: number) {
  const perClient: number[] = [];
  const lastClient: number[] = [];
  const http: number[] = [];
  for (let i = 0; i < decisions + WARMUP; i++) {
    await api(base, 'POST', `/api/sessions/${sessionId}/queue/${paragraphId}/return`, chair, {}).catch(() => undefined);
    await api(base, 'POST', `/api/sessions/${sessionId}/call`, chair, { paragraphId });
    const t0 = performance.now();
    const decided = await api(base, 'POST', `/api/sessions/${sessionId}/decisions`, chair, { decision: 'deferred' });
    const t1 = performance.now();
    const arrivals = await waitForAll(room, decided.sequence);
    if (decided.sequence !== first + i) throw new Error(`unexpected sequence ${decided.sequence}`);
    if (i < WARMUP) continue;
    http.push(t1 - t0);
    for (const at of arrivals) perClient.push(at - t0);
    lastClient.push(Math.max(...arrivals) - t0);
  }
  return { perClient: summarize(perClient), lastClient: summarize(lastClient), httpResponse: summarize(http) };
}

async function main(): Promise<void> {
  const found = await locateServer();
  if (!found) throw new Error('No PostgreSQL: set DATABASE_URL or TEST_DATABASE_URL, or run one on 127.0.0.1:5432.');
  const name = `omnibus_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(found.adminUrl, name);
  const databaseUrl = withDatabase(found.adminUrl, name);
  const ds = createDataSource(databaseUrl, { poolSize: 1 });
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();
  const server = await startServerProcess(databaseUrl);
  const rooms: Room[] = [];
  try {
    const base = server.url;
    const login = async (username: string) => (await api(base, 'POST', '/api/auth/login', null, { username, password: 'demo' })).token as string;
    const chair = await login('chair');
    const secretariat = await login('secretariat');
    const users = ['observer', 'secretariat', 'vicechair', 'mex', 'us', 'ch', 'bra', 'can', 'arg', 'col', 'per', 'ecu', 'uru', 'par', 'bol', 'ven', 'gua', 'hon'];
    const tokens: string[] = [];
    for (const u of users) tokens.push(await login(u));
    const [{ id: draftId }] = await api(base, 'GET', '/api/drafts', chair);

    // The work plan's steps up to the negotiation, in real time.
    await api(base, 'POST', `/api/drafts/${draftId}/versions`, chair, {});
    await api(base, 'POST', `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'comments', commentDeadline: new Date(Date.now() + 86_400_000).toISOString() });
    await api(base, 'POST', `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'revision' });
    await api(base, 'POST', `/api/drafts/${draftId}/versions`, chair, {});
    await api(base, 'POST', `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'negotiation' });
    const start = new Date(Date.now() + 3_600_000);
    const meeting = await api(base, 'POST', '/api/calendar/meetings', secretariat, {
      title: 'Benchmark meeting',
      kind: 'regular',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    });
    const session = await api(base, 'POST', `/api/drafts/${draftId}/sessions`, chair, { meetingId: meeting.id });
    const paragraphId = session.queue[0].paragraphId as string;

    const big = await connect(base, tokens, draftId, CLIENTS);
    rooms.push(big);
    const crowd = await measure(base, chair, session.id, paragraphId, big, DECISIONS, 1);
    for (const s of big.sockets) s.close();

    const solo = await connect(base, tokens, draftId, 1);
    rooms.push(solo);
    const reference = await measure(base, chair, session.id, paragraphId, solo, DECISIONS, DECISIONS + WARMUP + 1);

    const ratio = (a: Summary, b: Summary) => ({ p50: Math.round((a.p50 / b.p50) * 100) / 100, p99: Math.round((a.p99 / b.p99) * 100) / 100 });
    const result = {
      benchmark: 'decision broadcast: chair records a decision over HTTP → decision.recorded on every /live socket',
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      clients: CLIENTS,
      decisions: DECISIONS,
      warmup: WARMUP,
      unit: 'ms, measured from sending the HTTP request to arrival',
      crowd,
      reference: { clients: 1, ...reference },
      ratio: { perClient: ratio(crowd.perClient, reference.perClient), lastClient: ratio(crowd.lastClient, reference.lastClient) },
    };
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    const line = (label: string, s: Summary) => `  ${label.padEnd(34)} p50 ${String(s.p50).padStart(7)}  p99 ${String(s.p99).padStart(7)}  max ${String(s.max).padStart(7)}  (n=${s.samples})`;
    process.stdout.write(
      [
        `Decision broadcast, ${CLIENTS} clients vs 1, ${DECISIONS} decisions each (ms from HTTP request to arrival):`,
        line(`${CLIENTS} clients, each arrival`, crowd.perClient),
        line(`${CLIENTS} clients, last arrival`, crowd.lastClient),
        line(`${CLIENTS} clients, HTTP response`, crowd.httpResponse),
        line('1 client (reference), arrival', reference.perClient),
        line('1 client, HTTP response', reference.httpResponse),
        `  ratio ${CLIENTS}:1, each arrival p50 ×${result.ratio.perClient.p50}, p99 ×${result.ratio.perClient.p99}; last arrival p50 ×${result.ratio.lastClient.p50}, p99 ×${result.ratio.lastClient.p99}`,
        `  written to ${path.relative(process.cwd(), RESULTS)}`,
        '',
      ].join('\n'),
    );
  } finally {
    for (const room of rooms) for (const s of room.sockets) s.close();
    await server.stop();
    await dropDatabase(found.adminUrl, name);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:decision failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
