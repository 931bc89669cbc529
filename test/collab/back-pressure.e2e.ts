import type * as net from 'node:net';
import { COLLAB_NAMESPACE, type DraftView } from '@omnibus/shared';
import WebSocket from 'ws';
import { syncStep1Frame } from '../../server/src/collaboration/frames';
import { Y } from '../../server/src/collaboration/yjs';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { apiClient } from '../support/test-server';
import { ChildServer, percentile, probeHealth, startChildServer } from './child-server';

/**
 * One client cannot hurt everyone: a socket that never reads what it asks for is dropped once its
 * unread bytes pass the budget, and the server's memory goes back to where it was; /api/health
 * keeps answering meanwhile. Run against a server in its own process, so its memory is its own.
 */
jest.setTimeout(240_000);

/** A socket.io client on /collab that stops reading once connected: the server's answers pile up on its side. */
async function nonReadingSocket(port: number, token: string, draftId: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      if (text.startsWith('0{')) ws.send(`40${COLLAB_NAMESPACE},${JSON.stringify({ token, draftId })}`);
      else if (text.startsWith(`40${COLLAB_NAMESPACE},`)) resolve();
      else if (text.startsWith(`44${COLLAB_NAMESPACE},`)) reject(new Error(`refused: ${text}`));
    });
  });
  (ws as unknown as { _socket: net.Socket })._socket.pause();
  return ws;
}

/** One `yjs` event as socket.io frames it on the wire: a binary event header, then the attachment. */
function sendYjs(ws: WebSocket, frame: Uint8Array): void {
  ws.send(`451-${COLLAB_NAMESPACE},["yjs",{"_placeholder":true,"num":0}]`);
  ws.send(frame);
}

const LONG = 'To urge member states to strengthen cooperation against transnational organized crime, including through the exchange of information, mutual legal assistance and extradition, ';

/** Fills the draft until its co-editing document is about 300 kB, as the committee's full draft is. */
async function bigDraft(t: ReturnType<typeof apiClient>, chair: string): Promise<DraftView> {
  const draft = await demoDraft(t, chair);
  const topics = draft.sections.filter((s) => s.kind === 'topic');
  let chars = 0;
  for (const topic of topics) {
    while (chars < 330_000) {
      const text = LONG.repeat(60).slice(0, 9_500);
      const res = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token: chair, body: { sectionId: topic.id, kind: 'substantive', text } });
      if (res.status === 409) break;
      if (res.status !== 201) throw new Error(`creating a paragraph: ${res.status} ${JSON.stringify(res.body)}`);
      chars += text.length;
    }
  }
  return draft;
}

describe('a socket that never reads', () => {
  let server: ChildServer;
  beforeAll(async () => {
    // The sync-request limit would refuse most of these before they cost anything; lifted here,
    // so what is tested is the budget of unread bytes alone.
    server = await startChildServer({ COLLAB_SYNC_BURST: '100000', COLLAB_SYNCS_PER_SECOND: '1000' });
  });
  afterAll(() => server.stop());

  it('is dropped once its unread bytes pass the budget; memory returns near its start and /api/health stays fast', async () => {
    const { url, port } = server;
    const t = apiClient(url);
    const chair = await t.login('chair');
    const draft = await bigDraft(t, chair);
    const editor = await CollabClient.connect(url, chair, draft.id);
    // The paragraphs were added through the API after the draft's document was made: the room brings them in once open.
    await waitFor(() => Y.encodeStateAsUpdate(editor.doc).length > 290_000, 'the whole draft in the live document');
    const docBytes = Y.encodeStateAsUpdate(editor.doc).length;
    // Settle, then the baseline.
    for (let i = 0; i < 20; i += 1) await t.api('GET', '/api/health');
    await new Promise((r) => setTimeout(r, 1_000));
    const before = server.rssMb();

    const slow = await nonReadingSocket(port, await t.login('mex'), draft.id);
    let peak = before;
    const sampling = setInterval(() => (peak = Math.max(peak, server.rssMb())), 20);
    const probe = probeHealth(url);
    const request = syncStep1Frame(Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 1_000; i += 1) sendYjs(slow, request);

    await waitFor(async () => (await server.metric('omnibus_sockets_dropped_total')) >= 1, 'the slow reader to be dropped', 60_000);
    await waitFor(async () => (await server.metric('omnibus_collab_connections')) === 1, 'only the editor to be left', 30_000);
    // The other editor goes on as before.
    editor.text(paragraph(section(draft, 'entity', 'CICTE'), '1').id).insert(0, 'Still here. ');
    await editor.settled();
    expect(editor.sent.at(-1)?.ack).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 3_000));
    const health = await probe.stop();
    clearInterval(sampling);
    const after = server.rssMb();
    const p50 = percentile(health, 50);
    const p99 = percentile(health, 99);
    process.stderr.write(
      `[back-pressure] document ${docBytes} B; 1,000 sync requests from a non-reading socket: RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak, ${after.toFixed(0)} MB after; /api/health p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${health.length} probes\n`,
    );
    // Without the budget the server held every answer (1,000 × the document) for the reader.
    expect(after - before).toBeLessThan(64);
    expect(peak - before).toBeLessThan(128);
    // Health latency is reported, not asserted: on a shared machine it measures the machine too.
    expect(health.length).toBeGreaterThan(10);
    slow.terminate();
    editor.close();
  });
});

describe('the same socket, with the default limits', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer();
  });
  afterAll(() => server.stop());

  it('answers 5 of its 1,000 sync requests and refuses the rest before they cost anything', async () => {
    const { url, port } = server;
    const t = apiClient(url);
    const chair = await t.login('chair');
    const draft = await bigDraft(t, chair);
    const editor = await CollabClient.connect(url, chair, draft.id);
    for (let i = 0; i < 20; i += 1) await t.api('GET', '/api/health');
    await new Promise((r) => setTimeout(r, 1_000));
    const before = server.rssMb();
    let peak = before;
    const sampling = setInterval(() => (peak = Math.max(peak, server.rssMb())), 20);
    const probe = probeHealth(url);

    const slow = await nonReadingSocket(port, await t.login('mex'), draft.id);
    const request = syncStep1Frame(Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 1_000; i += 1) sendYjs(slow, request);
    await waitFor(async () => (await server.metric('omnibus_collab_refusals_total{reason="sync_rate"}')) === 995, '995 refusals', 60_000);
    editor.text(paragraph(section(draft, 'entity', 'CICTE'), '1').id).insert(0, 'Still here. ');
    await editor.settled();
    expect(editor.sent.at(-1)?.ack).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 2_000));
    const health = await probe.stop();
    clearInterval(sampling);
    const after = server.rssMb();
    process.stderr.write(
      `[back-pressure, default limits] 1,000 sync requests from a non-reading socket: 5 answered, ${await server.metric('omnibus_collab_refusals_total{reason="sync_rate"}')} refused; RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak, ${after.toFixed(0)} MB after; /api/health p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms over ${health.length} probes\n`,
    );
    expect(after - before).toBeLessThan(64);
    expect(health.length).toBeGreaterThan(10);
    slow.terminate();
    editor.close();
  });
});
