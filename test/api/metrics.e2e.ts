import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/** /api/metrics: what an operator scrapes, and who may read it. */
const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no series ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
};

describe('on this machine, without a token', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts co-editing: the durability window of every stored update, and refusals by reason', async () => {
    const chair = await t.login('chair');
    const draft = await demoDraft(t, chair);
    const p1 = paragraph(section(draft, 'entity', 'CICTE'), '1');
    const before = (await t.api('GET', '/api/metrics')).body as string;
    expect(value(before, 'omnibus_collab_durable_ms_count')).toBe(0);

    const c = await CollabClient.connect(t.url, chair, draft.id);
    for (const word of ['Firmly ', 'and ', 'again ']) {
      c.text(p1.id).insert(0, word);
      await c.settled();
    }
    expect(await c.send('not a frame')).toMatchObject({ ok: false, details: { reason: 'malformed_frame' } });

    const res = await t.api('GET', '/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = res.body as string;
    expect(value(text, 'omnibus_collab_durable_ms_count')).toBeGreaterThanOrEqual(3);
    expect(value(text, 'omnibus_collab_durable_ms_bucket{le="+Inf"}')).toBe(value(text, 'omnibus_collab_durable_ms_count'));
    expect(value(text, 'omnibus_collab_refusals_total{reason="malformed_frame"}')).toBe(1);
    expect(value(text, 'omnibus_collab_connections')).toBe(1);
    expect(value(text, 'omnibus_collab_rooms')).toBe(1);
    // The client's copy is the room's document once settled: the same writers (the draft's builder's and this client's).
    expect(value(text, 'omnibus_collab_doc_writers_max')).toBe(c.doc.store.clients.size);
    expect(c.doc.store.clients.has(c.doc.clientID)).toBe(true);
    expect(value(text, 'omnibus_event_loop_delay_p99_ms')).toBeGreaterThan(0);
    expect(value(text, 'omnibus_event_loop_delay_max_ms')).toBeGreaterThanOrEqual(value(text, 'omnibus_event_loop_delay_p99_ms'));
    expect(value(text, 'omnibus_collab_batches_total')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'omnibus_open_sockets')).toBe(1);
    // The room's background jobs: the projection writes the typed words into the tables within a second or so.
    expect(before).toContain('# TYPE omnibus_collab_job_ms histogram');
    const projectionRounds = async () => Number(/^omnibus_collab_job_ms_count\{job="project"\} (\d+)$/m.exec((await t.api('GET', '/api/metrics')).body as string)?.[1] ?? 0);
    await waitFor(async () => (await projectionRounds()) >= 1, 'a projection round');
    for (const series of ['omnibus_db_transaction_retries_serialization', 'omnibus_db_transaction_retries_deadlock', 'omnibus_db_transaction_retries_exhausted']) {
      expect(value(text, series)).toBeGreaterThanOrEqual(0);
    }
    expect(text).toContain('# TYPE omnibus_collab_refusals_total counter');
    // prom-client's default process metrics, beside ours.
    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(value(text, 'omnibus_rss_bytes')).toBeGreaterThan(10_000_000);
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(value(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // Every series name appears once: no metric registered twice.
    const types = text.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
    c.close();
  });
});

describe('with METRICS_TOKEN', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ METRICS_TOKEN: 'scraper-secret-0123456789' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('wants the token, even from this machine, and says how to send it', async () => {
    const none = await t.api('GET', '/api/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('METRICS_TOKEN') });
    expect((await t.api('GET', '/api/metrics', { token: 'scraper-secret-wrong' })).status).toBe(401);
    // A signed-in user's token is not the metrics token.
    expect((await t.api('GET', '/api/metrics', { token: await t.login('secretariat') })).status).toBe(401);
    const ok = await t.api('GET', '/api/metrics', { token: 'scraper-secret-0123456789' });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('# TYPE omnibus_collab_durable_ms histogram');
    expect(ok.body).toContain('# TYPE process_resident_memory_bytes gauge');
  });
});
