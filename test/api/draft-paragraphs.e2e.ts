import { randomUUID } from 'node:crypto';
import type { AmendmentView, DraftView, ParagraphView, SponsorshipView } from '@omnibus/shared';
import { hashPassword } from '../../server/src/auth/password';
import { demoDraft, fingerprint, paragraphView, section } from '../support/draft-helpers';
import { startTestServer, type ApiResponse, type TestServer } from '../support/test-server';

/**
 * GET /api/drafts/:id/paragraphs?ids=…: several paragraphs of a draft in one request, each exactly
 * as GET /api/paragraphs/:id shows it to the same person, in a number of SQL statements that does
 * not depend on how many are asked for.
 */
let t: TestServer;
let draft: DraftView;
let chair: string;
let mex: string;
let can: string;
let observer: string;
/** The demo draft's paragraphs, the ones made below with amendments and sponsors included. */
let ids: string[];
/** Another draft of the same committee, and a paragraph of it. */
let otherDraftId: string;
let elsewhere: ParagraphView;

const many = (token: string, draftId: string, query: string): Promise<ApiResponse<ParagraphView[]>> =>
  t.api<ParagraphView[]>('GET', `/api/drafts/${draftId}/paragraphs${query}`, { token });

async function ok<T>(res: Promise<ApiResponse<T>>): Promise<T> {
  const r = await res;
  if (r.status !== 200 && r.status !== 201) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  mex = await t.login('mex');
  can = await t.login('can');
  observer = await t.login('observer');
  draft = await demoDraft(t, chair);
  const topic = section(draft, 'topic', 'climate-change');
  const add = (token: string, text: string) => ok<ParagraphView>(t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token, body: { sectionId: topic.id, kind: 'substantive', text } }));

  // The Chair's paragraph with MEX's amendment, co-sponsored by CAN; MEX's new paragraph with CAN invited and the US asking to join.
  const amended = await add(chair, 'To encourage member states to share information.');
  const amendment = await ok<AmendmentView>(t.api('POST', `/api/paragraphs/${amended.id}/amendments`, { token: mex, body: { kind: 'insert', start: 3, end: 3, text: 'further ' } }));
  await ok(t.api('POST', `/api/amendments/${amendment.id}/cosponsors`, { token: mex, body: { cosponsors: ['CAN'] } }));
  const [invitation] = await ok<SponsorshipView[]>(t.api('GET', '/api/sponsorships/invitations', { token: can }));
  await ok(t.api('POST', `/api/sponsorships/${invitation!.id}/accept`, { token: can }));
  const own = await add(mex, 'To request a report on the security implications of drought.');
  await ok(t.api('POST', `/api/paragraphs/${own.id}/cosponsors`, { token: mex, body: { cosponsors: ['CAN'] } }));
  await ok(t.api('POST', `/api/paragraphs/${own.id}/join-requests`, { token: await t.login('us') }));
  const gone = await add(chair, 'To take note of the report.');
  await ok(t.api('POST', `/api/paragraphs/${gone.id}/delete`, { token: chair }));

  draft = await demoDraft(t, chair);
  ids = draft.sections.flatMap((s) => s.paragraphs.map((p) => p.id));
  expect(ids).toEqual(expect.arrayContaining([amended.id, own.id, gone.id]));

  const secretariat = await t.login('secretariat');
  const other = await ok<DraftView>(t.api('POST', '/api/drafts', { token: secretariat, body: { title: 'Draft resolution on another matter', symbol: 'CP/CSH/OTHER/26' } }));
  otherDraftId = other.id;
  elsewhere = await ok<ParagraphView>(
    t.api('POST', `/api/drafts/${other.id}/paragraphs`, { token: chair, body: { sectionId: section(other, 'preamble').id, kind: 'preambular', text: 'RECALLING its earlier work;' } }),
  );
});
afterAll(() => t.close());

describe('several paragraphs in one request', () => {
  it('answers each paragraph exactly as GET /api/paragraphs/:id does, for the chair, a delegate, a co-sponsor and an observer', async () => {
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.length).toBeLessThanOrEqual(200);
    for (const token of [chair, mex, can, observer]) {
      const res = await many(token, draft.id, `?ids=${ids.join(',')}`);
      expect(res.status).toBe(200);
      const oneByOne: ParagraphView[] = [];
      for (const id of ids) oneByOne.push(await paragraphView(t, token, id));
      expect(res.body).toEqual(oneByOne);
    }
    // The comparison meets amendments, sponsors, invitations, requests and actions that differ by person.
    const all = (await many(mex, draft.id, `?ids=${ids.join(',')}`)).body;
    expect(all.some((p) => p.amendments.length > 0 && p.amendments.some((a) => a.sponsors.length > 1))).toBe(true);
    expect(all.some((p) => p.invited.length > 0 && (p.requested ?? []).length > 0)).toBe(true);
    const chairs = (await many(chair, draft.id, `?ids=${ids.join(',')}`)).body;
    expect(chairs.map((p) => p.actions)).not.toEqual(all.map((p) => p.actions));
  });

  it('follows the order of the ids, answers a repeated id once, and leaves out ids that are not paragraphs of this draft', async () => {
    const [a, b, c] = [ids[5]!, ids[0]!, ids[ids.length - 1]!];
    const unknown = randomUUID();
    const res = await many(chair, draft.id, `?ids=${[a, unknown, b, a, elsewhere.id, c, b.toUpperCase(), draft.id].join(',')}`);
    expect(res.status).toBe(200);
    expect(res.body.map((p) => p.id)).toEqual([a, b, c]);

    // Asked with only ids that are not its paragraphs, the draft answers an empty list.
    const none = await many(chair, draft.id, `?ids=${unknown},${elsewhere.id}`);
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);
    // The other draft's paragraph is there, read through its own draft.
    const there = await many(chair, otherDraftId, `?ids=${elsewhere.id},${a}`);
    expect(there.body.map((p) => p.id)).toEqual([elsewhere.id]);
  });

  it('refuses a missing, empty, malformed or too long list of ids with a sentence saying what to send, and changes nothing', async () => {
    const before = await fingerprint(t, draft.id);
    const tooMany = Array.from({ length: 201 }, () => randomUUID());
    const cases: [string, RegExp][] = [
      ['', /ids: give the paragraph ids, separated by commas/],
      ['?ids=', /ids: give at least one paragraph id/],
      ['?ids=%20', /ids: give at least one paragraph id/],
      [`?ids=${ids[0]},not-an-id`, /ids\.1: is not a paragraph id \(a UUID\)/],
      [`?ids=${ids[0]},`, /ids\.1: is not a paragraph id \(a UUID\)/],
      [`?ids=${tooMany.join(',')}`, /ids: give at most 200 paragraph ids in one call/],
      [`?ids=${ids[0]}&ids=${ids[1]}`, /ids: give the paragraph ids, separated by commas/],
      [`?ids=${ids[0]}&page=2`, /Unrecognized key/],
    ];
    for (const [query, message] of cases) {
      const res = await t.api('GET', `/api/drafts/${draft.id}/paragraphs${query}`, { token: chair });
      const where = query.slice(0, 80);
      expect({ where, status: res.status, error: res.body.error }).toEqual({ where, status: 400, error: 'validation_failed' });
      expect(res.body.message).toMatch(/^The query string is not valid \(.*\)\.$/);
      expect({ where, message: res.body.message }).toEqual({ where, message: expect.stringMatching(message) });
    }
    // 200 ids, the most one call takes, are answered (here the draft's own among unknown ones).
    const fill = Array.from({ length: 200 - ids.length }, () => randomUUID());
    const full = await many(chair, draft.id, `?ids=${[...fill, ...ids].join(',')}`);
    expect(full.status).toBe(200);
    expect(full.body.map((p) => p.id)).toEqual(ids);
    expect(await fingerprint(t, draft.id)).toBe(before);
  });

  it("answers another committee's draft exactly as an unknown draft, naming neither its paragraphs nor the draft", async () => {
    const ds = t.server.dataSource;
    const [committee] = await ds.query(`INSERT INTO committee (name, acronym, period, time_zone) VALUES ('Committee on Juridical and Political Affairs', 'CAJP', '2022', 'America/New_York') RETURNING id`);
    await ds.query(`INSERT INTO app_user (committee_id, username, display_name, password_hash, role) VALUES ($1, 'cajpchair', 'CAJP Chair', $2, 'chair')`, [committee.id, await hashPassword('demo')]);
    const outsider = await t.login('cajpchair');
    const unknown = randomUUID();
    const foreign = await many(outsider, draft.id, `?ids=${ids.slice(0, 3).join(',')}`);
    const none = await many(outsider, unknown, `?ids=${ids.slice(0, 3).join(',')}`);
    expect(foreign.status).toBe(404);
    expect(none.status).toBe(404);
    expect(JSON.stringify(foreign.body).replaceAll(draft.id, '<id>')).toBe(JSON.stringify(none.body).replaceAll(unknown, '<id>'));
    // The same words as GET /api/drafts/:id.
    const whole = await t.api('GET', `/api/drafts/${draft.id}`, { token: outsider });
    expect(foreign.body).toEqual(whole.body);
    expect(JSON.stringify(foreign.body)).not.toContain(ids[0]);
    // An unknown draft for a member of the committee, and a draft id that is not one.
    expect((await many(chair, unknown, `?ids=${ids[0]}`)).status).toBe(404);
    expect((await many(chair, 'not-a-draft', `?ids=${ids[0]}`)).status).toBe(404);
  });

  it('reads with the same number of SQL statements for 1, 10 and every paragraph asked', async () => {
    // The spy sees every statement of the server, the background's too (a draft's document made
    // ahead, a writer lease renewed): the fewest of three tries is the request's own count.
    const statements = async (query: string): Promise<number> => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const spy = jest.spyOn(t.server.dataSource.logger, 'logQuery');
        try {
          const res = await many(mex, draft.id, query);
          expect(res.status).toBe(200);
          counts.push(spy.mock.calls.length);
        } finally {
          spy.mockRestore();
        }
      }
      return Math.min(...counts);
    };
    const one = await statements(`?ids=${ids[0]}`);
    const ten = await statements(`?ids=${ids.slice(0, 10).join(',')}`);
    const every = await statements(`?ids=${ids.join(',')}`);
    expect(ten).toBe(one);
    expect(every).toBe(one);

    // The check can fail: one by one, the same paragraphs cost statements per paragraph.
    const spy = jest.spyOn(t.server.dataSource.logger, 'logQuery');
    try {
      for (const id of ids.slice(0, 10)) await paragraphView(t, mex, id);
      expect(spy.mock.calls.length).toBeGreaterThan(5 * one);
      console.log(`SQL statements: ${one} for 1 id, ${ten} for 10, ${every} for ${ids.length} in one request; ${spy.mock.calls.length} for 10 requests one by one`);
    } finally {
      spy.mockRestore();
    }
  });
});

