import { demoDraft, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
afterAll(() => t.close());
beforeAll(async () => {
  t = await startTestServer();
});

const CONCURRENT = 60;

describe('caps under concurrency', () => {
  it(`lets exactly one of ${CONCURRENT} concurrent creates take the last place in a section`, async () => {
    const chair = await t.login('chair');
    const draft = await demoDraft(t, chair);
    const topic = section(draft, 'topic', 'police-cooperation');
    for (const text of ['To encourage police cooperation.', 'To welcome progress with REDPPOL.']) {
      const res = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token: chair, body: { sectionId: topic.id, kind: 'substantive', text } });
      expect(res.status).toBe(201);
    }
    // Delegates of many delegations race for the third and last substantive place.
    const usernames = ['mex', 'us', 'ch', 'can', 'bra', 'arg', 'col', 'per', 'ecu', 'pan'];
    const tokens = await Promise.all(usernames.map((u) => t.login(u)));
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
          token: tokens[i % tokens.length],
          body: { sectionId: topic.id, kind: 'substantive', text: `Racing proposal number ${i}.` },
        }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(CONCURRENT - 1);
    for (const r of refused) {
      expect(r.body).toEqual({
        error: 'cap_exceeded',
        message: expect.stringContaining('3 substantive paragraphs'),
        details: { scope: 'topic_substantive', key: 'police-cooperation', limit: 3, used: 3 },
      });
    }
    const rows: { n: number }[] = await t.server.dataSource.query(
      `SELECT count(*)::int AS n FROM paragraph WHERE section_id = $1 AND status NOT IN ('deleted','withdrawn')`,
      [topic.id],
    );
    expect(rows[0]?.n).toBe(3);
    const after = await demoDraft(t, chair);
    expect(after.caps).toContainEqual({ scope: 'topic_substantive', key: 'police-cooperation', limit: 3, used: 3 });
    // The winner's audit entry names its delegation; the losers left no trace.
    const audit: { n: number }[] = await t.server.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'paragraph.create' AND after->>'sectionId' = $1`,
      [topic.id],
    );
    expect(audit[0]?.n).toBe(3);
  });

  it('races restores and moves against creates without overshooting the preamble cap', async () => {
    const chair = await t.login('chair');
    const draft = await demoDraft(t, chair);
    const pre = section(draft, 'preamble');
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
        token: chair,
        body: { sectionId: pre.id, kind: 'preambular', text: `RECALLING item ${i};` },
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // Free two places, then race two restores against 20 creates for them.
    for (const id of ids.slice(0, 2)) expect((await t.api('POST', `/api/paragraphs/${id}/delete`, { token: chair })).status).toBe(200);
    const mex = await t.login('mex');
    const results = await Promise.all([
      ...ids.slice(0, 2).map((id) => t.api('POST', `/api/paragraphs/${id}/restore`, { token: chair })),
      ...Array.from({ length: 20 }, (_, i) =>
        t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token: mex, body: { sectionId: pre.id, kind: 'preambular', text: `BEARING IN MIND ${i};` } }),
      ),
    ]);
    expect(results.filter((r) => r.status === 200 || r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(20);
    const after = await demoDraft(t, chair);
    expect(after.caps).toContainEqual({ scope: 'preamble', key: 'preamble', limit: 6, used: 6 });
  });
});
