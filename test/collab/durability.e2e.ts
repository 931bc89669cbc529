import { ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { createDataSource } from '../../server/src/database/data-source';
import { Y } from '../../server/src/collaboration/yjs';
import { CollabClient, contentOf, storedDoc, waitFor } from '../support/collab-client';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { createTestDatabase } from '../support/test-database';
import { apiClient } from '../support/test-server';

/**
 * Nothing acknowledged is lost: a server process killed with SIGKILL while delegates type comes
 * back with every update it acknowledged, and its clients resync, offline edits included.
 */
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function startChild(databaseUrl: string, port: number): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', path.join(ROOT, 'test/support/resolve-shared.ts'), path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'server/tsconfig.json'), DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', OMNIBUS_SEED: 'off', OMNIBUS_LOG: 'silent', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function healthy(url: string): Promise<void> {
  await waitFor(async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok === true, 'the server to answer', 120_000);
}

it('keeps every acknowledged update through a SIGKILL, and clients resync with their offline edits', async () => {
  const db = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = startChild(db.url, port);
  const clients: CollabClient[] = [];
  try {
    await healthy(url);
    const t = apiClient(url);
    const tokens: Record<string, string> = {};
    for (const u of ['mex', 'us', 'can', 'ch', 'observer']) tokens[u] = await t.login(u);
    const draft = await demoDraft(t, tokens.observer!);
    const cicte = section(draft, 'entity', 'CICTE');
    const typists = [
      { user: 'mex', code: 'MEX', label: '1' },
      { user: 'us', code: 'US', label: '2' },
      { user: 'can', code: 'CAN', label: '3' },
      { user: 'ch', code: 'CH', label: '6' },
    ];
    for (const ty of typists) clients.push(await CollabClient.connect(url, tokens[ty.user]!, draft.id));
    const targets = typists.map((ty) => paragraph(cicte, ty.label).id);
    clients.forEach((c, i) => c.propose(targets[i]!, 0, `${typists[i]!.code} `, typists[i]!.code));

    // Everyone types; the server dies mid-sentence.
    let typing = true;
    const typed = clients.map(() => 0);
    const loops = clients.map(async (c, i) => {
      while (typing && c.connected) {
        c.text(targets[i]!).insert(typists[i]!.code.length + 1 + typed[i]!, String.fromCharCode(97 + (typed[i]! % 26)));
        typed[i]!++;
        await new Promise((r) => setTimeout(r, 4));
      }
    });
    await waitFor(() => clients.every((c) => c.sent.filter((s) => s.ack?.ok).length >= 40), 'acknowledged typing', 60_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    typing = false;
    await Promise.all(loops);
    await waitFor(() => clients.every((c) => !c.connected), 'the clients to notice');

    const sent = clients.reduce((n, c) => n + c.sent.length, 0);
    const acked = clients.map((c) => c.sent.filter((s) => s.ack?.ok).map((s) => s.update));
    const ackedCount = acked.reduce((n, a) => n + a.length, 0);

    // What PostgreSQL holds, read straight from the tables, before anything else runs.
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    const stored = await storedDoc(ds, draft.id);
    await ds.destroy();
    const storedSv = Y.decodeStateVector(Y.encodeStateVector(stored));
    let found = 0;
    for (const list of acked) {
      for (const u of list) {
        const { to } = Y.parseUpdateMeta(u);
        if ([...to].every(([client, clock]) => (storedSv.get(client) ?? 0) >= clock)) found++;
      }
    }
    // Offline, each client goes on typing before the server is back.
    clients.forEach((c, i) => c.text(targets[i]!).insert(typists[i]!.code.length + 1, 'OFFLINE '));
    console.log(`crash test: ${sent} updates sent, ${ackedCount} acknowledged before SIGKILL, ${found} of them found in PostgreSQL after it`);
    expect(found).toBe(ackedCount);

    child = startChild(db.url, port);
    await healthy(url);
    const resumed: CollabClient[] = [];
    for (const [i, c] of clients.entries()) resumed.push(await CollabClient.connect(url, tokens[typists[i]!.user]!, draft.id, {}, c.doc));
    for (const r of resumed) await r.settled();
    expect(resumed.flatMap((r) => r.sent.map((s) => s.ack?.ok))).not.toContain(false);
    const observer = await CollabClient.connect(url, tokens.observer!, draft.id);
    await waitFor(() => resumed.every((r) => contentOf(r.doc) === contentOf(observer.doc)), 'every client and the server to converge');
    resumed.forEach((r, i) => expect(observer.text(targets[i]!).toString()).toContain(`${typists[i]!.code} OFFLINE `));
    observer.close();
    for (const r of resumed) r.close();
  } finally {
    for (const c of clients) c.disconnect();
    child.kill('SIGKILL');
    await db.drop().catch(() => undefined);
  }
});
