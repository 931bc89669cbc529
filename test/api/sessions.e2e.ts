import { SESSION_EVENTS, type DraftView, type SessionEndedEvent } from '@omnibus/shared';
import { RunningServer, startServer } from '../../server/src/bootstrap';
import { COLLAB_CONFIG, type CollabConfig } from '../../server/src/collaboration/collab-config';
import type { AppConfig } from '../../server/src/config/config';
import { APP_CONFIG } from '../../server/src/config/config.module';
import { CollabClient, storedDoc, paragraphText, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { redisForTests } from '../support/redis';
import { apiClient, startTestServer, testConfig, TestServer } from '../support/test-server';
import { connectLive, LiveClient, travelTo } from '../workflow/live-helpers';
import { meetingAt, toNegotiation } from '../workflow/workflow-helpers';

/**
 * A person's access ends when they sign out, their account is disabled or their session lapses —
 * on every open socket too: it is told why (`session_ended`), and closed.
 */
jest.setTimeout(120_000);

interface Watched {
  ended: SessionEndedEvent[];
  closedAt: number | null;
}

function watch(socket: { on(event: string, fn: (...args: any[]) => void): unknown }): Watched {
  const w: Watched = { ended: [], closedAt: null };
  socket.on(SESSION_EVENTS.ended, (e: SessionEndedEvent) => w.ended.push(e));
  socket.on('disconnect', () => (w.closedAt = Date.now()));
  return w;
}

async function userId(t: TestServer, username: string): Promise<string> {
  const rows: { id: string }[] = await t.server.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
  return rows[0]!.id;
}

async function freshToken(t: Pick<TestServer, 'api'>, username: string): Promise<string> {
  const res = await t.api('POST', '/api/auth/login', { body: { username, password: 'demo' } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.body.token as string;
}

describe('on one instance', () => {
  let t: TestServer;
  let draft: DraftView;
  let chair: string;
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    chair = await t.login('chair');
    draft = await demoDraft(t, chair);
  });
  afterAll(async () => {
    for (const c of opened) c.close();
    await t.close();
  });

  it('signs out: that token stops working everywhere and its /collab and /live sockets are told and closed; another tab of the same person stays', async () => {
    const tabA = await freshToken(t, 'mex');
    const tabB = await freshToken(t, 'mex');
    const collabA = await CollabClient.connect(t.url, tabA, draft.id);
    const liveA = await connectLive(t, tabA, draft.id);
    const collabB = await CollabClient.connect(t.url, tabB, draft.id);
    opened.push(collabA, liveA, collabB);
    const wCollab = watch(collabA.socket);
    const wLive = watch(liveA.socket);
    const wOther = watch(collabB.socket);

    const t0 = Date.now();
    const out = await t.api('POST', '/api/auth/logout', { token: tabA });
    expect(out.status).toBe(204);
    await waitFor(() => wCollab.closedAt !== null && wLive.closedAt !== null, 'both sockets of the signed-out token to close', 10_000);
    process.stderr.write(`[sessions] logout → /collab closed in ${wCollab.closedAt! - t0} ms, /live in ${wLive.closedAt! - t0} ms\n`);
    expect(wCollab.ended).toEqual([{ error: 'unauthorized', message: expect.stringContaining('signed out'), details: { reason: 'signed_out' } }]);
    expect(wLive.ended).toEqual([{ error: 'unauthorized', message: expect.stringContaining('signed out'), details: { reason: 'signed_out' } }]);

    const me = await t.api('GET', '/api/auth/me', { token: tabA });
    expect(me.status).toBe(401);
    expect(me.body).toEqual({ error: 'unauthorized', message: 'You signed out of this session. Sign in again.', details: { reason: 'signed_out' } });
    // A new socket with the ended token is refused at the handshake.
    await expect(CollabClient.connect(t.url, tabA, draft.id)).rejects.toMatchObject({ data: { error: 'unauthorized' } });
    // The other tab's session is untouched.
    expect((await t.api('GET', '/api/auth/me', { token: tabB })).status).toBe(200);
    expect(collabB.connected).toBe(true);
    expect(wOther.ended).toEqual([]);
    // Signing out twice is harmless; signing out without a token is a 401.
    expect((await t.api('POST', '/api/auth/logout', { token: tabA })).status).toBe(401);
    expect((await t.api('POST', '/api/auth/logout')).status).toBe(401);
  });

  it('renews a token for the same session while it is in use, keeping the login response as it was', async () => {
    const login = await t.api('POST', '/api/auth/login', { body: { username: 'can', password: 'demo' } });
    expect(Object.keys(login.body).sort()).toEqual(['expiresAt', 'token', 'user']);
    const renewed = await t.api('POST', '/api/auth/refresh', { token: login.body.token });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThanOrEqual(Date.parse(login.body.expiresAt));
    expect((await t.api('GET', '/api/auth/me', { token: renewed.body.token })).body).toMatchObject({ username: 'can' });
    // One session: signing out with the renewed token ends the first token too.
    expect((await t.api('POST', '/api/auth/logout', { token: renewed.body.token })).status).toBe(204);
    expect((await t.api('GET', '/api/auth/me', { token: login.body.token })).status).toBe(401);
    expect((await t.api('POST', '/api/auth/refresh', { token: login.body.token })).status).toBe(401);
  });

  it('disabling an account (secretariat) closes its open sockets at once, refuses its sign-in, and is audited', async () => {
    const us = await freshToken(t, 'us');
    const collab = await CollabClient.connect(t.url, us, draft.id);
    const live = await connectLive(t, us, draft.id);
    opened.push(collab, live);
    const wc = watch(collab.socket);
    const wl = watch(live.socket);
    const id = await userId(t, 'us');

    expect((await t.api('POST', `/api/users/${id}/disable`, { token: await t.login('mex') })).status).toBe(403);
    expect((await t.api('POST', `/api/users/${id}/disable`, { token: chair })).status).toBe(403);
    const secretariat = await t.login('secretariat');
    const t0 = Date.now();
    const res = await t.api('POST', `/api/users/${id}/disable`, { token: secretariat });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, username: 'us', disabled: true, sessionsEnded: 1 });
    await waitFor(() => wc.closedAt !== null && wl.closedAt !== null, 'the disabled account’s sockets to close', 10_000);
    process.stderr.write(`[sessions] disable → /collab closed in ${wc.closedAt! - t0} ms, /live in ${wl.closedAt! - t0} ms\n`);
    expect(wc.ended[0]?.details.reason).toBe('account_disabled');
    expect(wl.ended[0]?.details.reason).toBe('account_disabled');
    expect((await t.api('GET', '/api/auth/me', { token: us })).status).toBe(401);
    expect((await t.api('POST', '/api/auth/login', { body: { username: 'us', password: 'demo' } })).status).toBe(401);
    const audit: { action: string; actor_username: string }[] = await t.server.dataSource.query(
      `SELECT action, actor_username FROM audit_event WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit).toEqual([{ action: 'account.disable', actor_username: 'secretariat' }]);

    expect((await t.api('POST', `/api/users/${id}/enable`, { token: secretariat })).body).toMatchObject({ disabled: false });
    expect((await t.api('POST', '/api/auth/login', { body: { username: 'us', password: 'demo' } })).status).toBe(200);
    expect((await t.api('POST', `/api/users/${await userId(t, 'secretariat')}/disable`, { token: secretariat })).status).toBe(409);
  });

  it('an account disabled in the database directly can no longer write a bracket or join the speakers’ list, even before its sockets are closed', async () => {
    await toNegotiation(t, draft.id, chair);
    travelTo(t, '2022-09-01T14:05:00Z');
    const meeting = await t.api('POST', `/api/drafts/${draft.id}/sessions`, { token: chair, body: { meetingId: await meetingAt(t, chair, '2022-09-01T14:00:00.000Z') } });
    expect(meeting.status).toBe(201);
    const ch = await freshToken(t, 'ch');
    const collab = await CollabClient.connect(t.url, ch, draft.id);
    const live: LiveClient = await connectLive(t, ch, draft.id);
    opened.push(collab, live);
    const wc = watch(collab.socket);
    const wl = watch(live.socket);
    const p = paragraph(section(draft, 'entity', 'CICTE'), '1');

    // Before: both work.
    collab.propose(p.id, 0, 'Chile welcomes ', 'CH');
    await collab.settled();
    expect(collab.sent.at(-1)?.ack).toEqual({ ok: true });

    // No announcement reaches the sockets: only the re-check on write can stop them now.
    await t.server.dataSource.query(`UPDATE app_user SET disabled = true WHERE username = 'ch'`);
    const disabledAt = Date.now();
    const bracket = collab.propose(p.id, 0, 'Chile insists ', 'CH');
    await collab.settled();
    expect(collab.sent.at(-1)?.ack).toMatchObject({ ok: false, error: 'unauthorized', details: { reason: 'closing' } });
    const floor = await live.socket.timeout(5000).emitWithAck('floor.request', { paragraphId: p.id });
    expect(floor).toMatchObject({ ok: false, error: 'unauthorized', details: { reason: 'account_disabled' } });

    const stored = paragraphText(await storedDoc(t.server.dataSource, draft.id), p.id).toString();
    expect(stored).toContain('Chile welcomes ');
    expect(stored).not.toContain('Chile insists ');
    const claims: unknown[] = await t.server.dataSource.query(`SELECT 1 FROM collab_bracket WHERE amendment_id = $1`, [bracket]);
    expect(claims).toHaveLength(0);
    const speakers: unknown[] = await t.server.dataSource.query(
      `SELECT 1 FROM speaker_request sr JOIN app_user u ON u.id = sr.user_id WHERE u.username = 'ch'`,
    );
    expect(speakers).toHaveLength(0);

    await waitFor(() => wc.closedAt !== null && wl.closedAt !== null, 'both sockets to close', 10_000);
    process.stderr.write(`[sessions] disabled in the database: refused at once on write, both sockets closed ${Math.max(wc.closedAt!, wl.closedAt!) - disabledAt} ms later\n`);
    expect(wc.ended[0]?.details.reason).toBe('account_disabled');
    expect(wl.ended[0]?.details.reason).toBe('account_disabled');
    travelTo(t, null);
  });
});

describe('a session that is not renewed', () => {
  let t: TestServer;
  let draft: DraftView;

  beforeAll(async () => {
    t = await startTestServer({ TOKEN_TTL_SECONDS: '4', SESSION_CHECK_MS: '250' });
    draft = await demoDraft(t, await t.login('chair'));
  });
  afterAll(() => t.close());

  it('closes its sockets when the token expires, while a renewed session keeps its socket open', async () => {
    const lapsing = await freshToken(t, 'mex');
    let renewing = await freshToken(t, 'bra');
    const a = await CollabClient.connect(t.url, lapsing, draft.id);
    const b = await CollabClient.connect(t.url, renewing, draft.id);
    const wa = watch(a.socket);
    const wb = watch(b.socket);
    const t0 = Date.now();
    // The tab in use renews well before each expiry, as the client does.
    while (Date.now() - t0 < 8_000) {
      await new Promise((r) => setTimeout(r, 1_000));
      const res = await t.api('POST', '/api/auth/refresh', { token: renewing });
      expect(res.status).toBe(200);
      renewing = res.body.token;
    }
    await waitFor(() => wa.closedAt !== null, 'the lapsed socket to close', 10_000);
    process.stderr.write(`[sessions] token of 4 s not renewed: socket closed ${wa.closedAt! - t0} ms after connecting; the renewed one still open after ${Date.now() - t0} ms\n`);
    expect(wa.ended).toEqual([expect.objectContaining({ details: { reason: 'expired' } })]);
    expect((await t.api('GET', '/api/auth/me', { token: lapsing })).body.error).toBe('token_expired');
    expect(wb.ended).toEqual([]);
    expect(b.connected).toBe(true);
    b.text(paragraph(section(draft, 'entity', 'CICTE'), '1').id).insert(0, 'x');
    // A delegate may not type in base text: what matters is that the write was judged, not refused for the session.
    await b.settled();
    expect(b.sent.at(-1)?.ack).not.toMatchObject({ details: { reason: 'closing' } });
    a.close();
    b.close();
  });
});

const redisUrl = redisForTests();
(redisUrl === null ? describe.skip : describe)('across two instances (Redis)', () => {
  let a: TestServer;
  let b: RunningServer;

  beforeAll(async () => {
    a = await startTestServer({ REDIS_URL: redisUrl as string });
    // B checks PostgreSQL only once a minute: what ends its sockets quickly comes through Redis.
    b = await startServer(testConfig(a.databaseUrl, { REDIS_URL: redisUrl as string, SESSION_CHECK_MS: '60000' }));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('runs each instance on exactly the configuration it was given, real-time settings included', () => {
    const collabA = a.server.app.get<CollabConfig>(COLLAB_CONFIG);
    const collabB = b.app.get<CollabConfig>(COLLAB_CONFIG);
    expect([collabA.redisUrl, collabB.redisUrl]).toEqual([redisUrl, redisUrl]);
    expect(collabB.redisPrefix).toBe(collabA.redisPrefix);
    expect(collabB.instanceId).not.toBe(collabA.instanceId);
    expect(b.app.get<AppConfig>(APP_CONFIG).guard.sessionCheckMs).toBe(60_000);
  });

  it('signing out on one instance closes the session’s socket on the other within moments', async () => {
    const draft = await demoDraft(a, await a.login('chair'));
    const token = await freshToken(a, 'arg');
    const onB = await CollabClient.connect(b.url, token, draft.id);
    const w = watch(onB.socket);
    const t0 = Date.now();
    expect((await a.api('POST', '/api/auth/logout', { token })).status).toBe(204);
    await waitFor(() => w.closedAt !== null, 'the socket on the other instance to close', 10_000);
    process.stderr.write(`[sessions] logout on A → socket on B closed in ${w.closedAt! - t0} ms\n`);
    expect(w.closedAt! - t0).toBeLessThan(30_000);
    expect(w.ended[0]?.details.reason).toBe('signed_out');
    expect((await apiClient(b.url).api('GET', '/api/auth/me', { token })).status).toBe(401);
    onB.close();
  });

  it('counts sign-in failures for an account across instances', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : apiClient(b.url)).api('POST', '/api/auth/login', { body: { username: 'per', password: `wrong-${i}` } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});
