import type { DraftView } from '@omnibus/shared';
import { syncStep1Frame } from '../../server/src/collaboration/frames';
import { Y } from '../../server/src/collaboration/yjs';
import { CollabClient, paragraphText, storedDoc, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { createDataSource } from '../../server/src/database/data-source';
import { apiClient } from '../support/test-server';
import { ChildServer, percentile, probeHealth, startChildServer } from './child-server';

/**
 * One connection cannot flood a room: past its rate its updates are refused with a reason (and
 * not stored), every update it had accepted is acknowledged — also when the server then closes the
 * connection — and the others' typing goes on. The server runs in its own process, so the
 * flooding client's own work does not stand in the way of what is measured.
 */
jest.setTimeout(180_000);

let server: ChildServer;
let draft: DraftView;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startChildServer();
  api = apiClient(server.url);
  draft = await demoDraft(api, await api.login('chair'));
});
afterAll(() => server.stop());

/** The token (`u<i>x `) an update inserts. */
function tokenOf(update: Uint8Array): number {
  const text = Y.decodeUpdate(update)
    .structs.map((st) => (st as { content?: { str?: string } }).content?.str ?? '')
    .join('');
  return Number(/u(\d+)x /.exec(text)?.[1] ?? NaN);
}

it('refuses updates past the rate with a clear reason, and acknowledges every update it stored, even when it closes the connection', async () => {
  const target = paragraph(section(draft, 'entity', 'CICTE'), '1').id;
  const other = paragraph(section(draft, 'entity', 'CICTE'), '2').id;
  const flooder = await CollabClient.connect(server.url, await api.login('chair'), draft.id);
  const typist = await CollabClient.connect(server.url, await api.login('secretariat'), draft.id);
  const health = probeHealth(server.url);

  // The typist types a key every 20 ms throughout; each key's time to its acknowledgement is recorded.
  const latencies: number[] = [];
  let typing = true;
  const typed = (async () => {
    let i = 0;
    while (typing && typist.connected) {
      const t0 = performance.now();
      typist.text(other).insert(0, String.fromCharCode(97 + (i++ % 26)));
      const entry = typist.sent.at(-1)!;
      await waitFor(() => entry.ack !== null, 'the typist’s acknowledgement', 20_000);
      expect(entry.ack).toEqual({ ok: true });
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  // 10,000 valid one-word updates within about two seconds.
  const N = 10_000;
  for (let i = 0; i < N; i += 1) {
    flooder.text(target).insert(0, `u${i}x `);
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 15));
  }
  await waitFor(() => !flooder.connected || flooder.sent.every((s) => s.ack !== null), 'the flood to be answered', 60_000);
  // Whatever the server still owed this connection arrives before it closes.
  await new Promise((r) => setTimeout(r, 1_000));
  typing = false;
  await typed;
  const healthTimes = await health.stop();

  const updates = flooder.sent.filter((s) => !Number.isNaN(tokenOf(s.update)));
  const ok = updates.filter((s) => s.ack?.ok === true);
  const refused = updates.filter((s) => s.ack !== null && s.ack.ok === false);
  const unanswered = updates.filter((s) => s.ack === null);
  const reasons = new Map<string, number>();
  for (const s of refused) {
    const r = (s.ack as { details?: { reason?: string } }).details?.reason ?? '?';
    reasons.set(r, (reasons.get(r) ?? 0) + 1);
  }
  const ds = createDataSource(server.databaseUrl, { poolSize: 1 });
  await ds.initialize();
  const stored = paragraphText(await storedDoc(ds, draft.id), target).toString();
  await ds.destroy();
  const storedTokens = [...new Set([...stored.matchAll(/u(\d+)x /g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const okTokens = ok.map((s) => tokenOf(s.update)).sort((a, b) => a - b);
  process.stderr.write(
    `[flood] ${N} updates typed, ${updates.length} sent before the server closed the connection: ${ok.length} stored and acknowledged, ${refused.length} refused (${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')}), ${unanswered.length} unanswered; ` +
      `connection ${flooder.connected ? 'still open' : 'closed by the server'}, ${flooder.errors.length} error events; ` +
      `the other editor's keys: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (${latencies.length} keys); ` +
      `/api/health p50 ${percentile(healthTimes, 50).toFixed(1)} ms, p99 ${percentile(healthTimes, 99).toFixed(1)} ms (${healthTimes.length} probes)\n`,
  );

  // The burst (200) and the sustained rate (50 a second) pass; the rest is refused for its pace.
  expect(ok.length).toBeGreaterThanOrEqual(200);
  expect(ok.length).toBeLessThan(N / 10);
  expect(reasons.get('update_rate')).toBeGreaterThan(0);
  // Every update the server stored was acknowledged before it closed the connection: those it
  // never answered (sent as it was closing) were not stored either (checked below).
  expect(ok.length + refused.length + unanswered.length).toBe(updates.length);
  expect(flooder.errors.some((e) => e.error === 'rate_limited' && e.details?.reason === 'update_rate' && typeof e.details.retryAfterMs === 'number')).toBe(true);
  // Stored exactly what was acknowledged: nothing acknowledged is missing, nothing refused slipped in.
  expect(storedTokens).toEqual(okTokens);
  expect(typist.connected).toBe(true);
  flooder.close();
  typist.close();
});

it('answers a few sync requests at once and refuses the rest with a reason', async () => {
  const c = await CollabClient.connect(server.url, await api.login('mex'), draft.id);
  const request = syncStep1Frame(Y.encodeStateVector(new Y.Doc()));
  const acks = await Promise.all(Array.from({ length: 20 }, () => c.send(request)));
  // The connection's first sync (at connect) used one of the five.
  expect(acks.filter((a) => a.ok)).toHaveLength(4);
  const refused = acks.filter((a) => !a.ok);
  expect(refused).toHaveLength(16);
  for (const a of refused) expect(a).toMatchObject({ ok: false, error: 'rate_limited', details: { reason: 'sync_rate', retryAfterMs: expect.any(Number) } });
  expect(c.connected).toBe(true);
  c.close();
});
