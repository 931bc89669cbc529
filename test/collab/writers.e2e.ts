import { randomBytes } from 'node:crypto';
import { CollabService } from '../../server/src/collaboration/collab.service';
import { CollabClient, paragraphText, storedDoc, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Yjs client ids leased to pages (docs/realtime.md, "A draft's writers"): a page that asks writes
 * under an id of its account's that no other page holds, so a draft's ids do not grow with every
 * page load; a page that drops keeps its id and comes back with what it typed; one that comes back
 * after its id went to another page is refused and nothing of it is stored.
 */
jest.setTimeout(90_000);

let t: TestServer;
let draftId: string;
let p9: string;
let p8: string;

const LEASE_MS = 3_000;

beforeAll(async () => {
  // Rooms close soon after the last page leaves, so a test sees the draft opened many times.
  t = await startTestServer({ COLLAB_WRITER_LEASE_MS: String(LEASE_MS), COLLAB_IDLE_CLOSE_MS: '200' });
  const draft = await demoDraft(t, await t.login('chair'));
  draftId = draft.id;
  p9 = paragraph(section(draft, 'entity', 'CICTE'), '9').id;
  p8 = paragraph(section(draft, 'entity', 'CICTE'), '8').id;
  await waitFor(async () => ((await t.server.dataSource.query(`SELECT 1 FROM collab_document WHERE draft_id = $1`, [draftId])) as unknown[]).length > 0, 'the draft\'s live document');
});
afterAll(async () => {
  await t.close();
});

const newKey = () => randomBytes(18).toString('base64url');

/** Opens the draft as a page of `username` that asks for a writer id, and writes under it once granted (as the room's client does). */
async function page(username: string, key = newKey()): Promise<{ c: CollabClient; key: string; id: number }> {
  const c = await CollabClient.connect(t.url, await t.login(username), draftId, { writer: { key } });
  const w = await c.takeWriterId();
  if (!w.ok) throw new Error(`no writer id: ${JSON.stringify(w)}`);
  return { c, key, id: w.clientId };
}

/** A page that typed `online`, lost its connection without closing, and typed `offline` meanwhile. */
async function droppedPage(online: string, offline: string): Promise<{ c: CollabClient; key: string; id: number }> {
  const p = await page('chair');
  p.c.text(p9).insert(0, online);
  await p.c.settled();
  p.c.drop();
  p.c.text(p9).insert(0, offline);
  return p;
}

/** The same page's document connecting again, asking for its own id back; waits for the answer. */
async function comeBack(p: { c: CollabClient; key: string; id: number }): Promise<CollabClient> {
  const back = await CollabClient.connect(t.url, await t.login('chair'), draftId, { writer: { key: p.key, clientId: p.id } }, p.c.doc);
  await back.takeWriterId();
  return back;
}

const leases = async (): Promise<{ client_id: string; user: string; free: boolean }[]> =>
  t.server.dataSource.query(
    `SELECT w.client_id, u.username AS user, w.held_until < now() AS free FROM collab_writer w JOIN app_user u ON u.id = w.user_id WHERE w.draft_id = $1 ORDER BY w.client_id`,
    [draftId],
  );

const freeIds = async (): Promise<number> => (await leases()).filter((l) => l.free).length;

const restText = async (id = p9): Promise<string> => {
  const draft = await t.api('GET', `/api/drafts/${draftId}`, { token: await t.login('chair') });
  for (const s of draft.body.sections) for (const p of s.paragraphs) if (p.id === id) return p.text as string;
  throw new Error(`paragraph ${id} is gone`);
};

describe('writer ids', () => {
  it('lets one person open, type and leave twelve times under one id, every keystroke stored', async () => {
    const before = (await storedDoc(t.server.dataSource, draftId)).store.clients.size;
    const ids = new Set<number>();
    for (let i = 0; i < 12; i += 1) {
      const { c, id } = await page('chair');
      ids.add(id);
      c.text(p9).insert(0, String.fromCharCode(65 + i));
      await c.settled();
      expect(c.sent.every((s) => s.ack?.ok)).toBe(true);
      const free = await freeIds();
      c.close();
      // Given back once its last change is stored, at once: the next page load takes it again.
      await waitFor(async () => (await freeIds()) > free, 'the id to be given back');
    }
    expect(ids.size).toBe(1);
    const stored = await storedDoc(t.server.dataSource, draftId);
    expect(stored.store.clients.size).toBe(before + 1);
    expect(paragraphText(stored, p9).toString()).toMatch(/^LKJIHGFEDCBA/);
    await waitFor(async () => (await restText()).startsWith('LKJIHGFEDCBA'), 'the API to show the twelve keystrokes');
  });

  it('gives two pages of one account two ids, and never hands an account another account\'s', async () => {
    const a = await page('chair');
    const b = await page('chair');
    expect(b.id).not.toBe(a.id);
    const s = await page('secretariat');
    expect([a.id, b.id]).not.toContain(s.id);
    a.c.text(p9).insert(0, 'a');
    b.c.text(p9).insert(0, 'b');
    s.c.text(p9).insert(0, 's');
    await Promise.all([a.c.settled(), b.c.settled(), s.c.settled()]);
    for (const x of [a, b, s]) expect(x.c.sent.every((u) => u.ack?.ok)).toBe(true);
    const owners = new Map((await leases()).map((l) => [Number(l.client_id), l.user]));
    expect(owners.get(a.id)).toBe('chair');
    expect(owners.get(b.id)).toBe('chair');
    expect(owners.get(s.id)).toBe('secretariat');
    // Asking for the chair's id back as if it were one's own: refused, nothing changes.
    const before = await leases();
    const claim = await CollabClient.connect(t.url, await t.login('secretariat'), draftId, { writer: { key: newKey(), clientId: a.id } });
    await claim.takeWriterId();
    expect(claim.writer).toMatchObject({ ok: false, reason: 'writer_lapsed' });
    expect(await leases()).toEqual(before);
    claim.close();
    for (const x of [a, b, s]) x.c.close();
  });

  it('keeps a dropped page\'s id for it: it comes back with what it typed offline', async () => {
    const p = await droppedPage('1', '2');
    // Another page meanwhile: the dropped page's id is not free.
    const other = await page('chair');
    expect(other.id).not.toBe(p.id);
    other.c.close();
    const back = await comeBack(p);
    expect(back.writer).toEqual({ ok: true, clientId: p.id });
    await back.settled();
    expect(back.sent.every((u) => u.ack?.ok)).toBe(true);
    await waitFor(async () => (await restText()).startsWith('21'), 'the offline keystroke in the API');
    back.close();
  });

  it('refuses a page that comes back after its id went to another page, and stores nothing of what it held', async () => {
    const stale = await droppedPage('x', 'OFFLINE ');
    // Away longer than the lease: the id is free for another page of the account.
    await new Promise((r) => setTimeout(r, LEASE_MS + 500));
    await waitFor(async () => (await leases()).some((l) => Number(l.client_id) === stale.id && l.free), 'the lease to lapse');
    let taker = await page('chair');
    // Pages given another id stay open while the loop runs (closed, their id would be free again), and close at the end.
    const passedOver: CollabClient[] = [];
    for (let i = 0; taker.id !== stale.id && i < 10; i += 1) {
      // The account's lowest free id goes first; others may be free too.
      passedOver.push(taker.c);
      taker = await page('chair');
    }
    expect(taker.id).toBe(stale.id);
    taker.c.text(p9).insert(0, 'y');
    await taker.c.settled();
    expect(taker.c.sent.every((u) => u.ack?.ok)).toBe(true);

    const back = await comeBack(stale);
    expect(back.writer).toMatchObject({ ok: false, reason: 'writer_lapsed' });
    await back.settled();
    // Its answer to the server's sync (the offline words, under the id) is refused, not stored.
    const refused = back.sent.filter((u) => u.ack && !u.ack.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.ack).toMatchObject({ ok: false, error: 'conflict', details: { reason: 'writer_lapsed' } });
    const text = await restText();
    expect(text).not.toContain('OFFLINE');
    await waitFor(async () => (await restText()).startsWith('yx'), 'the new holder\'s keystroke in the API');
    const stored = await storedDoc(t.server.dataSource, draftId);
    expect(paragraphText(stored, p9).toString()).toBe(await restText());
    back.close();
    taker.c.close();
    for (const c of passedOver) c.close();
  });

  it('merges API changes under one server id however often the draft is opened and closed', async () => {
    const collab = t.server.app.get(CollabService);
    const chair = await t.login('chair');
    const serverIds = async () => ((await t.server.dataSource.query(`SELECT client_id FROM collab_writer WHERE draft_id = $1 AND user_id IS NULL`, [draftId])) as unknown[]).length;
    await waitFor(() => collab.openRooms === 0, 'the room to close');
    const before = (await storedDoc(t.server.dataSource, draftId)).store.clients.size;
    for (let i = 0; i < 4; i += 1) {
      // A change through the API while the draft is closed (merged when it opens), then one while it is open.
      const closed = await t.api('PATCH', `/api/paragraphs/${p8}`, { token: chair, body: { text: `${await restText(p8)} (closed ${i})` } });
      expect(closed.status).toBe(200);
      const c = await CollabClient.connect(t.url, chair, draftId);
      await waitFor(() => paragraphText(c.doc, p8).toString().endsWith(`(closed ${i})`), 'the change made while closed, in the live text');
      const open = await t.api('PATCH', `/api/paragraphs/${p8}`, { token: chair, body: { text: `${await restText(p8)} (open ${i})` } });
      expect(open.status).toBe(200);
      await waitFor(() => paragraphText(c.doc, p8).toString().endsWith(`(open ${i})`), 'the change made while open, in the live text');
      c.close();
      await waitFor(() => collab.openRooms === 0, 'the room to close');
    }
    expect(await serverIds()).toBe(1);
    // Eight merges in four openings: one id more in the document, not four.
    const stored = await storedDoc(t.server.dataSource, draftId);
    expect(stored.store.clients.size).toBe(before + 1);
    expect(paragraphText(stored, p8).toString()).toMatch(/\(closed 3\) \(open 3\)$/);
  });

  it('gives observers no id (they write nothing)', async () => {
    const c = await CollabClient.connect(t.url, await t.login('observer'), draftId, { writer: { key: newKey() } });
    await new Promise((r) => setTimeout(r, 300));
    expect(c.writer).toBeNull();
    c.close();
  });

  it('refuses a handshake whose writer request is malformed, and changes nothing', async () => {
    const before = await leases();
    await expect(CollabClient.connect(t.url, await t.login('chair'), draftId, { writer: { key: 'short' } })).rejects.toMatchObject({ data: { error: 'validation_failed' } });
    await expect(CollabClient.connect(t.url, await t.login('chair'), draftId, { writer: { key: newKey(), clientId: 0 } })).rejects.toMatchObject({ data: { error: 'validation_failed' } });
    expect(await leases()).toEqual(before);
  });
});
