import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DraftView } from '@omnibus/shared';
import { waitFor } from '../support/collab-client';
import { apiClient } from '../support/test-server';

/**
 * The default setup (`npm start`'s entry, no DATABASE_URL: the embedded PostgreSQL) survives
 * SIGKILL of the Node server and, separately, of the embedded postmaster, while a chair keeps
 * editing over REST: after each kill it comes back by itself, signs people in, and every
 * paragraph and edit it acknowledged is in the draft and in the compilation export.
 *
 * OMNIBUS_CRASH_KILLS sets the number of kills (alternating server and PostgreSQL); 4 by default.
 */
const KILLS = Math.max(2, Number(process.env.OMNIBUS_CRASH_KILLS ?? 4));
jest.setTimeout(120_000 + KILLS * 60_000);

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

interface Setup {
  dataDir: string;
  port: number;
  pgPort: number;
}

/** The server as `npm start` runs it (main.ts through ts-node rather than its build), with its own data folder and ports. */
function startServer(s: Setup, output: string[]): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'REDIS_URL', 'OMNIBUS_SEED', 'OMNIBUS_LOG', 'NODE_ENV', 'HOST']) delete env[k];
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', path.join(ROOT, 'test/support/resolve-shared.ts'), path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { ...env, TS_NODE_PROJECT: path.join(ROOT, 'server/tsconfig.json'), OMNIBUS_DATA_DIR: s.dataDir, PORT: String(s.port), EMBEDDED_PG_PORT: String(s.pgPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it(`comes back by itself after ${KILLS} SIGKILLs of the server or its embedded PostgreSQL, with every acknowledged write`, async () => {
  // Open to the PostgreSQL user when the tests run as root.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnibus-crash-'));
  fs.chmodSync(dataDir, 0o755);
  const setup: Setup = { dataDir, port: await freePort(), pgPort: await freePort() };
  const url = `http://127.0.0.1:${setup.port}`;
  const output: string[] = [];
  let child = startServer(setup, output);
  const healthy = () =>
    waitFor(async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok === true, `the server to answer: ${output.join('').slice(-2000)}`, 150_000);
  const created: { id: string; text: string }[] = [];
  const figures = { serverKills: 0, postgresKills: 0, acknowledgedCreates: 0, acknowledgedEdits: 0, refusedDuringOutage: 0, refusalStatuses: {} as Record<number, number> };
  try {
    await healthy();
    let t = apiClient(url);
    let chair = await t.login('chair');
    const drafts = await t.api('GET', '/api/drafts', { token: chair });
    const draftId: string = drafts.body[0].id;
    const first = await t.api<DraftView>('GET', `/api/drafts/${draftId}`, { token: chair });
    const topics = first.body.sections.filter((s) => s.kind === 'topic' && s.paragraphs.length === 0);
    expect(topics.length).toBeGreaterThan(KILLS + 1);
    const loadParagraph = await t.api('POST', `/api/drafts/${draftId}/paragraphs`, {
      token: chair,
      body: { sectionId: topics[0]!.id, kind: 'substantive', text: 'Load edit 0.' },
    });
    expect(loadParagraph.status).toBe(201);
    const loadId: string = loadParagraph.body.id;
    let lastEdit = 0;

    for (let round = 1; round <= KILLS; round += 1) {
      const killServer = round % 2 === 1;
      const text = `Crash round ${round}: the paragraph acknowledged before the ${killServer ? 'server' : 'database'} was killed.`;
      const res = await t.api('POST', `/api/drafts/${draftId}/paragraphs`, { token: chair, body: { sectionId: topics[round]!.id, kind: 'substantive', text } });
      expect(res.status).toBe(201);
      created.push({ id: res.body.id, text });
      figures.acknowledgedCreates += 1;

      // One chair keeps editing (one request at a time) while the kill lands.
      let editing = true;
      let inFlight = 0;
      const editor = (async () => {
        let n = lastEdit;
        while (editing) {
          n += 1;
          inFlight = n;
          const r = await t.api('PATCH', `/api/paragraphs/${loadId}`, { token: chair, body: { text: `Load edit ${n}.` } }).catch(() => null);
          if (r?.status === 200) {
            lastEdit = n;
            figures.acknowledgedEdits += 1;
          } else {
            if (r !== null) {
              figures.refusedDuringOutage += 1;
              figures.refusalStatuses[r.status] = (figures.refusalStatuses[r.status] ?? 0) + 1;
              if (r.status === 503) expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
            }
            await new Promise((r2) => setTimeout(r2, 50));
          }
        }
      })();
      await waitFor(() => lastEdit >= inFlight - 1 && figures.acknowledgedEdits >= round * 5, 'edits before the kill', 30_000);

      if (killServer) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
        figures.serverKills += 1;
        editing = false;
        await editor;
        child = startServer(setup, output);
      } else {
        const pid = postmasterPid(dataDir);
        process.kill(pid, 'SIGKILL');
        await waitFor(() => !alive(pid), 'the postmaster to die');
        figures.postgresKills += 1;
        // Edits go on through the outage; the server starts its PostgreSQL again by itself.
        await waitFor(() => postmasterPid(dataDir) !== pid, 'a new postmaster', 60_000).catch(() => undefined);
        await healthy();
        await waitFor(() => figures.acknowledgedEdits >= round * 5 + 3, 'edits after the database came back', 30_000);
        editing = false;
        await editor;
      }
      await healthy();
      t = apiClient(url);
      chair = await t.login('chair');
      const draft = await t.api<DraftView>('GET', `/api/drafts/${draftId}`, { token: chair });
      expect(draft.status).toBe(200);
      const paragraphs = new Map(draft.body.sections.flatMap((s) => s.paragraphs).map((p) => [p.id, p]));
      for (const c of created) expect(paragraphs.get(c.id)?.text).toBe(c.text);
      // The request in flight at the kill may or may not have committed; nothing acknowledged is lost.
      const stored = Number(/Load edit (\d+)\./.exec(paragraphs.get(loadId)?.text ?? '')?.[1]);
      expect(stored).toBeGreaterThanOrEqual(lastEdit);
      expect(stored).toBeLessThanOrEqual(lastEdit + 1);
      lastEdit = stored;
      const exported = await t.api('GET', `/api/drafts/${draftId}/export/compilation?format=txt`, { token: chair });
      expect(exported.status).toBe(200);
      for (const c of created) expect(String(exported.body)).toContain(c.text);
      expect(String(exported.body)).toContain(`Load edit ${stored}.`);
    }
    expect(figures.serverKills + figures.postgresKills).toBe(KILLS);
    // While the database is away, REST says so (503 + Retry-After), never a 500.
    const unexpected = Object.keys(figures.refusalStatuses).filter((s) => s !== '503');
    if (unexpected.length > 0) process.stderr.write(`[crash-restart] server output:\n${output.join('')}\n`);
    expect(unexpected).toEqual([]);
    process.stderr.write(`[crash-restart] ${JSON.stringify(figures)}\n`);
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
