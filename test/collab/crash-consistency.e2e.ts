import type { DraftView } from '@omnibus/shared';
import { MUTABLE_STATUSES } from '../../server/src/access/access.policy';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../server/src/database/data-source';
import { Y, type Doc } from '../../server/src/collaboration/yjs';
import { ChildServer, freePort } from '../support/child-server';
import { CollabClient, SentUpdate, storedDoc, waitFor } from '../support/collab-client';
import { demoDraft, section } from '../support/draft-helpers';
import { differences, indexOfBase, projectDocument, wordStart } from '../support/projection-check';
import { createTestDatabase } from '../support/test-database';
import { apiClient } from '../support/test-server';

/**
 * After the server is killed with SIGKILL at any instant, the paragraph tables catch up with the
 * stored co-editing document on their own: REST, the draft view and the compilation export show
 * every acknowledged keystroke, though nobody types again or even opens the draft. Several cycles
 * of typing, kill and restart, each compared in full, with compactions running beside the batches.
 */
const CYCLES = Number(process.env.CRASH_CYCLES ?? 3);
jest.setTimeout(120_000 + CYCLES * 90_000);

interface Typist {
  user: string;
  code: string | null;
  paragraphId: string;
  client: CollabClient;
  /** The text typed this cycle (after `prefix`). */
  typed: string;
  prefix: string;
  /** Where in the paragraph's Y.Text the typing starts. */
  at: number;
  bracketId: string | null;
  keystrokes: SentUpdate[];
}

/** Whether the stored document holds everything `update` wrote. */
function covers(sv: Map<number, number>, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update);
  return [...to].every(([client, clock]) => (sv.get(client) ?? 0) >= clock);
}

/** How many characters of `typed` (after `prefix`) a text holds: the longest prefix present. */
function charsIn(haystack: string, prefix: string, typed: string, after = ''): number {
  if (haystack.includes(prefix + typed + after)) return typed.length;
  let lo = 0;
  let hi = typed.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (haystack.includes(prefix + typed.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface Setup {
  server: ChildServer;
  /** The database the server writes, for reading what it stored. */
  databaseUrl: string;
  drop(): Promise<void>;
}

/** Compactions every 25 batches: a kill often lands while one runs beside the batches. */
const COMPACT = { COLLAB_COMPACT_AFTER_ROWS: '25' };

/** A PostgreSQL server of the tests' own, as CI and deployments with DATABASE_URL run it. */
async function onTestDatabase(): Promise<Setup> {
  const db = await createTestDatabase();
  return { server: new ChildServer(db.url, await freePort(), COMPACT), databaseUrl: db.url, drop: () => db.drop() };
}

/**
 * \`npm start\` as on a fresh machine: no DATABASE_URL, so the server runs its embedded PostgreSQL
 * (which outlives a SIGKILL of the server and is shut down and started again by the next start) and
 * seeds the demo committee.
 */
async function onEmbeddedPostgres(): Promise<Setup> {
  // Open to the PostgreSQL user when the tests run as root.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnibus-crash-consistency-'));
  fs.chmodSync(dataDir, 0o755);
  const pgPort = await freePort();
  const server = new ChildServer('', await freePort(), { ...COMPACT, OMNIBUS_SEED: 'on', OMNIBUS_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), NODE_ENV: '' });
  return {
    server,
    databaseUrl: `postgres://postgres:omnibus-local@127.0.0.1:${pgPort}/omnibus`,
    drop: async () => {
      // The server is gone; a fast shutdown of the PostgreSQL it left running, then its folder.
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          // already gone
        }
        await waitFor(() => !fs.existsSync(pidFile), 'the embedded PostgreSQL to stop', 30_000).catch(() => undefined);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs \`fn\` on a connection of its own: the embedded PostgreSQL is restarted with the server, so no connection outlives a cycle. */
async function withDatabase<T>(url: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = createDataSource(url, { poolSize: 1, quiet: true });
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

it(`shows every acknowledged edit in REST and the exports after ${CYCLES} SIGKILLs of the server, with no one typing again`, async () => {
  await crashCycles(await onTestDatabase(), 'test database');
});

it(`does the same in the default setup (npm start, embedded PostgreSQL) after ${CYCLES} SIGKILLs`, async () => {
  await crashCycles(await onEmbeddedPostgres(), 'embedded PostgreSQL');
});

async function crashCycles(setup: Setup, name: string): Promise<void> {
  const { server } = setup;
  const report: string[] = [];
  const totals = { sent: 0, acked: 0, stored: 0, rest: 0, exported: 0 };
  try {
    await server.start(180_000);
    const t = apiClient(server.url);
    const users = ['chair', 'mex', 'us', 'can', 'ch', 'bra'];
    const tokens: Record<string, string> = {};
    for (const u of users) tokens[u] = await t.login(u);
    const first = await demoDraft(t, tokens.chair!);
    const cicte = section(first, 'entity', 'CICTE');
    const pool = cicte.paragraphs.filter((p) => p.origin !== 'delegation' && MUTABLE_STATUSES.includes(p.status)).slice(0, users.length);
    if (pool.length < users.length) throw new Error(`CICTE has ${pool.length} paragraphs, the test needs ${users.length}`);

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const typists: Typist[] = [];
      for (const [i, user] of users.entries()) {
        // Half of them ask for a leased writer id, as the room's page does; the others write under their own, as third-party clients do.
        const leased = i % 2 === 0;
        const client = await CollabClient.connect(server.url, tokens[user]!, first.id, leased ? { writer: { key: `crash-${cycle}-${user}-page-key` } } : {});
        if (leased) await client.takeWriterId();
        const code = client.session?.user.delegation ?? null;
        typists.push({ user, code, paragraphId: pool[i]!.id, client, typed: '', prefix: '', at: 0, bracketId: null, keystrokes: [] });
      }
      for (const ty of typists) {
        if (ty.code) {
          // A delegation types inside a bracket of its own, proposed at the start of its paragraph.
          // Each cycle's bracket at a word of its own: insertions at one point have no order the rows could keep.
          ty.prefix = `${ty.code} cycle ${cycle}: `;
          const text = ty.client.text(ty.paragraphId);
          ty.at = indexOfBase(text, wordStart(projectDocument(ty.client.doc).get(ty.paragraphId)!.base, cycle - 1));
          ty.bracketId = ty.client.propose(ty.paragraphId, ty.at, ty.prefix, ty.code);
        } else {
          // The chair types base text.
          ty.prefix = `Chair cycle ${cycle}: `;
          ty.client.text(ty.paragraphId).insert(0, ty.prefix);
        }
      }
      // Everyone types; the server dies at a moment nobody chose, mid-sentence.
      let typing = true;
      const loops = typists.map(async (ty, i) => {
        let n = 0;
        while (typing && ty.client.connected) {
          const ch = String.fromCharCode(97 + ((n * 7 + i) % 26));
          ty.client.text(ty.paragraphId).insert(ty.at + ty.prefix.length + ty.typed.length, ch);
          ty.typed += ch;
          ty.keystrokes.push(ty.client.sent[ty.client.sent.length - 1]!);
          n++;
          await new Promise((r) => setTimeout(r, 5 + (n % 3)));
        }
      });
      await waitFor(() => typists.every((ty) => ty.keystrokes.filter((s) => s.ack?.ok).length >= 30), 'acknowledged typing', 60_000);
      await new Promise((r) => setTimeout(r, 200 + Math.floor(Math.random() * 1_300)));
      await server.kill();
      typing = false;
      await Promise.all(loops);
      await waitFor(() => typists.every((ty) => !ty.client.connected), 'the clients to notice');

      const sent = typists.reduce((n, ty) => n + ty.keystrokes.length, 0);
      const acked = typists.reduce((n, ty) => n + ty.keystrokes.filter((s) => s.ack?.ok).length, 0);
      // What PostgreSQL holds, read straight from the tables before the server is back.
      const stored = await withDatabase(setup.databaseUrl, (ds) => storedDoc(ds, first.id));
      const sv = Y.decodeStateVector(Y.encodeStateVector(stored));
      const ackedStored = typists.reduce((n, ty) => n + ty.keystrokes.filter((s) => s.ack?.ok && covers(sv, s.update)).length, 0);
      const projected = projectDocument(stored);
      const storedChars = (ty: Typist, d: Doc = stored) => {
        const p = ty.bracketId ? projectDocument(d).get(ty.paragraphId)!.brackets.find((b) => b.id === ty.bracketId)?.text ?? '' : projectDocument(d).get(ty.paragraphId)!.base;
        return charsIn(p, ty.prefix, ty.typed);
      };
      const inStore = typists.reduce((n, ty) => n + storedChars(ty), 0);

      const t0 = Date.now();
      await server.start();
      const restartMs = Date.now() - t0;
      // Nobody opens the draft: the REST API must already be right.
      const draft = (await t.api<DraftView>('GET', `/api/drafts/${first.id}`, { token: tokens.chair })).body;
      const diffs = differences(stored, draft);
      const restParagraphs = new Map(draft.sections.flatMap((s) => s.paragraphs).map((p) => [p.id, p]));
      const inRest = typists.reduce((n, ty) => {
        const p = restParagraphs.get(ty.paragraphId)!;
        const text = ty.bracketId ? (p.amendments.find((a) => a.id === ty.bracketId)?.text ?? '') : p.text;
        return n + charsIn(text, ty.prefix, ty.typed);
      }, 0);
      // One paragraph through its own endpoint as well.
      const single = await t.api('GET', `/api/paragraphs/${typists[1]!.paragraphId}`, { token: tokens.chair });
      const exported = await t.api('GET', `/api/drafts/${first.id}/export/compilation?format=txt`, { token: tokens.chair });
      expect(exported.status).toBe(200);
      const exportText = String(exported.body);
      // The compilation prints every paragraph's negotiation text as the document compiles it.
      const missingFromExport = [...projected.values()].filter((p) => restParagraphs.get(p.id)?.status !== 'deleted' && !exportText.includes(p.compiled)).map((p) => p.id);
      const inExport = typists.reduce((n, ty) => {
        const pos = exportText.indexOf(ty.prefix);
        return n + (pos < 0 ? 0 : charsIn(exportText.slice(pos), ty.prefix, ty.typed));
      }, 0);
      const marks: { head: string; projected: string; snapshot: string }[] = await withDatabase(setup.databaseUrl, (ds) =>
        ds.query(`SELECT head_seq AS head, projected_seq AS projected, snapshot_seq AS snapshot FROM collab_document WHERE draft_id = $1`, [first.id]),
      );

      report.push(`cycle ${cycle}: ${sent} keystrokes sent, ${acked} acknowledged, ${ackedStored} of them in the store (${inStore} characters stored), ${inRest} in REST, ${inExport} in the export; ${diffs.length} paragraphs differ; restart ${restartMs} ms; batches ${marks[0]?.head}, folded into the snapshot ${marks[0]?.snapshot}`);
      Object.assign(totals, { sent: totals.sent + sent, acked: totals.acked + acked, stored: totals.stored + inStore, rest: totals.rest + inRest, exported: totals.exported + inExport });
      expect(ackedStored).toBe(acked);
      expect(single.body.compiled).toBe(projected.get(typists[1]!.paragraphId)!.compiled);
      expect(inStore).toBeGreaterThanOrEqual(acked);
      expect(diffs).toEqual([]);
      expect(missingFromExport).toEqual([]);
      expect(inRest).toBe(inStore);
      expect(inExport).toBe(inStore);
      expect(marks[0]?.projected).toBe(marks[0]?.head);
      expect(Number(marks[0]?.snapshot)).toBeGreaterThan(0);
      for (const ty of typists) ty.client.close();
    }
    report.push(`total: ${totals.sent} sent, ${totals.acked} acknowledged, ${totals.stored} stored, ${totals.rest} in REST, ${totals.exported} in the export`);
  } finally {
    process.stdout.write(`crash consistency (${name}):\n  ${report.join('\n  ')}\n`);
    await server.kill();
    await setup.drop().catch(() => undefined);
  }
}
