/**
 * `npm run bench:realtime`: our server and y-websocket's reference server, same machine, same
 * scenario, same run. A 130-paragraph draft (~90k characters); editors (35 delegations, 3 each to
 * start) type 5 keys/s in random paragraphs with presence at 10 Hz, from 3 client processes.
 * Steps the editor count until p99 keystroke-to-every-other-editor latency passes 100 ms.
 */
import { ChildProcess, fork, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import WebSocket from 'ws';
import { CollabClient } from '../../test/support/collab-client';
import { createBenchDatabase } from './bench-db';
import { dense, merge, newHistogram, percentile } from './histogram';
import { Y, yWebsocket } from './libs';
import type { SentRecord, WorkerInit } from './worker';

const ROOT = path.resolve(__dirname, '../..');
const STEPS = (process.env.BENCH_STEPS ?? '35,50,70,105,210,350,500').split(',').map(Number);
const STEP_MS = Number(process.env.BENCH_STEP_MS ?? 15_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3_000);
const DRAIN_MS = 2_500;
const WORKERS = 3;
const LIMIT_MS = 100;
const MEMORY_DRAFTS = Number(process.env.BENCH_MEMORY_DRAFTS ?? 20);
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', path.join(ROOT, 'test/support/resolve-shared.ts')];
const tsEnv = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'bench/tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' };

interface ProcStat {
  cpu: number;
  rss: number;
}

function procStat(pid: number): ProcStat {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpu: ticks / 100, rss: (rssPages * 4096) / 1024 / 1024 };
}

async function waitHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** Compiles shared and server into bench/realtime/dist, so our server runs as plain JavaScript like the reference. */
function build(): void {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', path.join(__dirname, 'tsconfig.build.json')], { encoding: 'utf8' });
  // Type errors elsewhere in the tree (work in progress) still emit JavaScript; only a missing entry point stops us.
  if (!fs.existsSync(path.join(__dirname, 'dist/server/src/main.js'))) throw new Error(`building the server failed:\n${r.stdout}${r.stderr}`);
  if (r.status !== 0) process.stdout.write(`  (tsc reported type errors elsewhere in the tree; the server was still emitted)\n`);
}

async function startOurs(databaseUrl: string): Promise<{ proc: ChildProcess; url: string }> {
  const port = 30000 + (process.pid % 20000);
  const proc = fork(path.join(__dirname, 'dist/server/src/main.js'), [], {
    execArgv: ['-r', path.join(__dirname, 'alias-shared.cjs'), ...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : [])],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', OMNIBUS_SEED: 'off', OMNIBUS_LOG: 'silent', REDIS_URL, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(`${url}/api/health`);
  return { proc, url };
}

async function startReference(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = fork(path.join(__dirname, 'reference-server.cjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, PORT: '0' } });
  const port = await new Promise<number>((resolve) => proc.on('message', (m: { type: string; port: number }) => m.type === 'listening' && resolve(m.port)));
  return { proc, url: `ws://127.0.0.1:${port}` };
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Our document's state, read as an observer would, to give the reference the very same document. */
async function fetchState(url: string, token: string, draftId: string): Promise<Uint8Array> {
  const observer = await CollabClient.connect(url, token, draftId);
  const state = Y.encodeStateAsUpdate(observer.doc);
  observer.close();
  return state;
}

async function seedReference(url: string, state: Uint8Array, room: string): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const provider = new yWebsocket.WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  await new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  await sleep(500);
  provider.destroy();
}

/** The cumulative buckets of our server's durability-window histogram (see /api/metrics). */
async function durableBuckets(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^omnibus_collab_durable_ms_bucket\{le="([^"]+)"\} (\d+)$/gm)) out.set(m[1] as string, Number(m[2]));
  return out;
}

/** The bucket bound under which a fraction `p` of the updates stored between two scrapes were committed. */
function bucketPercentile(before: Map<string, number>, after: Map<string, number>, p: number): number | null {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  if (total <= 0) return null;
  for (const [le, n] of after) {
    if ((n - (before.get(le) ?? 0)) / total >= p) return le === '+Inf' ? Infinity : Number(le);
  }
  return null;
}

interface StepResult {
  kind: 'ours' | 'reference';
  editors: number;
  p50: number;
  p95: number;
  p99: number;
  /** Keystroke until the first editor of a client process has it: p50 / p99. */
  firstP50: number;
  firstP99: number;
  /** From there until each other editor of that process has it: p50 / p99. */
  fanOutP50: number;
  fanOutP99: number;
  samples: number;
  missing: number;
  keystrokesPerSec: number;
  framesInPerSec: number;
  cpuPercent: number;
  clientCpuPercent: number;
  rssMb: number;
  persistedPerSec: number | null;
  batchesPerSec: number | null;
  ackP50: number | null;
  ackP99: number | null;
  /** Server side: accepted → committed, as the bucket bound holding p50 / p99 of the updates. */
  durableP50: number | null;
  durableP99: number | null;
  refused: number;
  refusals: Record<string, number>;
}

async function runStep(kind: 'ours' | 'reference', url: string, serverPid: number, draftId: string, editors: number, tokens: Map<string, string>, codes: string[], headSeq: () => Promise<number>): Promise<StepResult> {
  const assignments: WorkerInit['editors'][] = Array.from({ length: WORKERS }, () => []);
  for (let i = 0; i < editors; i++) {
    const username = codes[i % codes.length] as string;
    assignments[i % WORKERS]!.push({ token: tokens.get(username) ?? '', code: username.toUpperCase() });
  }
  const workers = assignments.map((eds) => {
    const prof = process.env.BENCH_WORKER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`] : [];
    const w = fork(path.join(__dirname, 'worker.ts'), [], { execArgv: [...TS_NODE, ...prof], env: tsEnv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    w.send({ type: 'init', init: { kind, url, draftId, editors: eds } satisfies WorkerInit });
    return w;
  });
  const reports: unknown[] = [];
  let ready = 0;
  for (const [i, w] of workers.entries()) {
    w.on('message', (m: { type: string; records?: SentRecord[]; data?: unknown }) => {
      if (m.type === 'ready') ready++;
      else if (m.type === 'sent') workers.forEach((o, j) => j !== i && o.send({ type: 'sent', records: m.records }));
      else if (m.type === 'report') reports.push(m.data);
    });
  }
  const t0 = Date.now();
  while (ready < WORKERS) {
    if (Date.now() - t0 > 180_000) throw new Error(`${kind}: ${editors} editors did not all sync within 3 minutes`);
    await sleep(100);
  }
  const start = now();
  const measureFrom = start + WARMUP_MS;
  const measureTo = measureFrom + STEP_MS;
  for (const w of workers) w.send({ type: 'start', measureFrom, stopAt: measureTo });
  await sleep(WARMUP_MS);
  const s0 = procStat(serverPid);
  const c0 = workers.map((w) => procStat(w.pid!).cpu);
  const seq0 = await headSeq();
  const d0 = kind === 'ours' ? await durableBuckets(url) : new Map<string, number>();
  const w0 = now();
  await sleep(STEP_MS);
  const s1 = procStat(serverPid);
  const c1 = workers.map((w) => procStat(w.pid!).cpu);
  const seq1 = await headSeq();
  const d1 = kind === 'ours' ? await durableBuckets(url) : new Map<string, number>();
  const wall = (now() - w0) / 1000;
  await sleep(DRAIN_MS);
  for (const w of workers) w.send({ type: 'report', measureFrom, measureTo });
  while (reports.length < WORKERS) await sleep(100);
  for (const w of workers) w.send({ type: 'exit' });
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
  const data = reports as {
    latency: [number, number][];
    firstArrival: [number, number][];
    fanOut: [number, number][];
    samples: number;
    missing: number;
    keystrokes: number;
    acks: [number, number][];
    acksOk: number;
    acksRefused: number;
    refusals: Record<string, number>;
    framesIn: number;
  }[];
  const latency = newHistogram();
  const firstArrival = newHistogram();
  const fanOut = newHistogram();
  const acks = newHistogram();
  const refusals: Record<string, number> = {};
  for (const d of data) {
    merge(latency, dense(d.latency));
    merge(firstArrival, dense(d.firstArrival));
    merge(fanOut, dense(d.fanOut));
    merge(acks, dense(d.acks));
    for (const [k, v] of Object.entries(d.refusals)) refusals[k] = (refusals[k] ?? 0) + v;
  }
  const sum = (f: (d: (typeof data)[number]) => number) => data.reduce((n, d) => n + f(d), 0);
  return {
    kind,
    editors,
    p50: percentile(latency, 0.5),
    p95: percentile(latency, 0.95),
    p99: percentile(latency, 0.99),
    firstP50: percentile(firstArrival, 0.5),
    firstP99: percentile(firstArrival, 0.99),
    fanOutP50: percentile(fanOut, 0.5),
    fanOutP99: percentile(fanOut, 0.99),
    samples: sum((d) => d.samples),
    missing: sum((d) => d.missing),
    keystrokesPerSec: sum((d) => d.keystrokes) / (STEP_MS / 1000),
    framesInPerSec: sum((d) => d.framesIn) / (STEP_MS / 1000 + WARMUP_MS / 1000),
    cpuPercent: ((s1.cpu - s0.cpu) / wall) * 100,
    clientCpuPercent: (c1.reduce((a, b) => a + b, 0) - c0.reduce((a, b) => a + b, 0)) / wall * 100,
    rssMb: s1.rss,
    persistedPerSec: kind === 'ours' ? sum((d) => d.acksOk) / (STEP_MS / 1000 + WARMUP_MS / 1000) : null,
    batchesPerSec: kind === 'ours' ? (seq1 - seq0) / wall : null,
    ackP50: kind === 'ours' ? percentile(acks, 0.5) : null,
    ackP99: kind === 'ours' ? percentile(acks, 0.99) : null,
    durableP50: bucketPercentile(d0, d1, 0.5),
    durableP99: bucketPercentile(d0, d1, 0.99),
    refused: sum((d) => d.acksRefused),
    refusals,
  };
}

async function memoryPerDraft(url: string, pid: number, token: string, drafts: string[]): Promise<number> {
  await sleep(1000);
  const before = procStat(pid).rss;
  const observers: CollabClient[] = [];
  for (const draftId of drafts) observers.push(await CollabClient.connect(url, token, draftId));
  await sleep(3000);
  const after = procStat(pid).rss;
  for (const o of observers) o.close();
  return (after - before) / drafts.length;
}

/** The issue's targets, each with the figure that meets or misses it. */
function targets(results: StepResult[], oursPass: number | null, refPass: number | null, memory: number): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const pairs = results
    .filter((r) => r.kind === 'ours')
    .map((o) => ({ o, f: results.find((r) => r.kind === 'reference' && r.editors === o.editors) }))
    .filter((x): x is { o: StepResult; f: StepResult } => x.f !== undefined);
  const worst = pairs.reduce<{ ratio: number; editors: number } | null>((w, { o, f }) => (w === null || o.p99 / f.p99 > w.ratio ? { ratio: o.p99 / f.p99, editors: o.editors } : w), null);
  const ours = oursPass ?? (STEPS.at(-1) as number) * 2;
  const capacity = refPass === null ? null : ours / refPass;
  const windows = results.filter((r) => r.kind === 'ours' && r.durableP99 !== null).map((r) => r.durableP99 as number);
  const windowWorst = windows.length > 0 ? Math.max(...windows) : NaN;
  return [
    'Targets:',
    `- p99 ≤ 0.8 × the reference's at every step both ran: ${worst ? `worst ${fmt(worst.ratio, 2)} at ${worst.editors} editors, ${verdict(worst.ratio <= 0.8)}` : 'no common step'}`,
    `- editors at which p99 passes ${LIMIT_MS} ms ≥ 3 × the reference's: ${capacity === null ? 'the reference never passed it' : `${oursPass ?? `> ${STEPS.at(-1)}`} / ${refPass} = ${fmt(capacity, 1)}×, ${verdict(capacity >= 3)}`}`,
    `- server memory ≤ 2 MB per open draft: ${fmt(memory, 2)} MB, ${verdict(memory <= 2)}`,
    `- durability window ≤ 250 ms (server, p99 at every step): ≤ ${fmt(windowWorst, 0)} ms, ${verdict(windowWorst <= 250)}`,
  ];
}

const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));

async function main(): Promise<void> {
  const started = new Date();
  process.stdout.write('Building shared and server…\n');
  build();
  process.stdout.write(`Preparing a benchmark database (130 paragraphs + ${MEMORY_DRAFTS} copies)…\n`);
  const db = await createBenchDatabase(ADMIN_URL, MEMORY_DRAFTS);
  const ours = await startOurs(db.url);
  const reference = await startReference();
  const results: StepResult[] = [];
  let memory = NaN;
  try {
    const tokens = new Map<string, string>();
    for (const u of [...db.delegates, 'observer']) tokens.set(u, await login(ours.url, u));
    const state = await fetchState(ours.url, tokens.get('observer')!, db.draftId);
    await seedReference(reference.url, state, 'bench');
    const { Client } = await import('pg');
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const headSeq = async () => Number(((await pg.query(`SELECT head_seq FROM collab_document WHERE draft_id = $1`, [db.draftId])).rows[0] as { head_seq: string } | undefined)?.head_seq ?? 0);
    process.stdout.write(`Draft: ${db.characters} characters in 130 paragraphs; ${db.delegates.length} delegations\n`);
    const done = { ours: false, reference: false };
    for (const editors of STEPS) {
      for (const kind of ['ours', 'reference'] as const) {
        if (done[kind] || (process.env.BENCH_ONLY && process.env.BENCH_ONLY !== kind)) continue;
        const server = kind === 'ours' ? ours : reference;
        process.stdout.write(`  ${kind.padEnd(9)} ${String(editors).padStart(3)} editors … `);
        const r = await runStep(kind, server.url, server.proc.pid!, db.draftId, editors, tokens, db.delegates, kind === 'ours' ? headSeq : async () => 0);
        results.push(r);
        process.stdout.write(`p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} p99 ${fmt(r.p99)} ms (first in a process ${fmt(r.firstP50)} / ${fmt(r.firstP99)}, spread in it ${fmt(r.fanOutP50)} / ${fmt(r.fanOutP99)}), server cpu ${fmt(r.cpuPercent, 0)}%, rss ${fmt(r.rssMb, 0)} MB, clients cpu ${fmt(r.clientCpuPercent, 0)}%\n`);
        if (r.p99 > LIMIT_MS) done[kind] = true;
      }
      if (done.ours && done.reference) break;
    }
    memory = await memoryPerDraft(ours.url, ours.proc.pid!, tokens.get('observer')!, db.extraDrafts);
    await pg.end();
  } finally {
    ours.proc.kill('SIGTERM');
    reference.proc.kill('SIGTERM');
    await sleep(1500);
    await db.drop().catch(() => undefined);
  }
  const lines = [
    `# Real-time benchmark (${started.toISOString()})`,
    '',
    `Draft: 130 paragraphs, ${db.characters} characters. Each editor types 5 keys/s inside its delegation's bracket in random paragraphs`,
    `and moves its cursor at 10 Hz; editors run in ${WORKERS} client processes. Step: ${WARMUP_MS / 1000} s warm-up + ${STEP_MS / 1000} s measured.`,
    'Latency: keystroke on one editor until every other editor has applied it. Server CPU/RSS: the server process only (ours also uses PostgreSQL and Redis).',
    '',
    '| editors | ours p50 / p95 / p99 (ms) | reference p50 / p95 / p99 (ms) | p99 ours/ref | keys/s | ours cpu % / rss MB | ref cpu % / rss MB | clients cpu % ours / ref | persisted updates/s (batches/s) | durability window p50 / p99 (ms, server) | ack p50 / p99 (ms, client) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const editors of STEPS) {
    const o = results.find((r) => r.kind === 'ours' && r.editors === editors);
    const f = results.find((r) => r.kind === 'reference' && r.editors === editors);
    if (!o && !f) continue;
    const ratio = o && f ? fmt(o.p99 / f.p99, 2) : '–';
    lines.push(
      `| ${editors} | ${o ? `${fmt(o.p50)} / ${fmt(o.p95)} / ${fmt(o.p99)}` : 'not run'} | ${f ? `${fmt(f.p50)} / ${fmt(f.p95)} / ${fmt(f.p99)}` : 'stopped (passed 100 ms)'} | ${ratio} | ${fmt((o ?? f)!.keystrokesPerSec, 0)} | ${o ? `${fmt(o.cpuPercent, 0)} / ${fmt(o.rssMb, 0)}` : '–'} | ${f ? `${fmt(f.cpuPercent, 0)} / ${fmt(f.rssMb, 0)}` : '–'} | ${o ? fmt(o.clientCpuPercent, 0) : '–'} / ${f ? fmt(f.clientCpuPercent, 0) : '–'} | ${o ? `${fmt(o.persistedPerSec, 0)} (${fmt(o.batchesPerSec, 0)})` : '–'} | ${o ? `≤ ${fmt(o.durableP50, 0)} / ≤ ${fmt(o.durableP99, 0)}` : '–'} | ${o ? `${fmt(o.ackP50)} / ${fmt(o.ackP99)}` : '–'} |`,
    );
  }
  const passAt = (kind: string) => results.find((r) => r.kind === kind && r.p99 > LIMIT_MS)?.editors ?? null;
  lines.push(
    '',
    `p99 passes ${LIMIT_MS} ms at: ours ${passAt('ours') ?? `never (up to ${STEPS.at(-1)})`}, reference ${passAt('reference') ?? `never (up to ${STEPS.at(-1)})`} editors.`,
    `Server memory per open draft (ours, RSS growth over ${MEMORY_DRAFTS} drafts opened): ${fmt(memory, 2)} MB.`,
    `Keystrokes refused by our server during the run: ${results.filter((r) => r.kind === 'ours').reduce((n, r) => n + r.refused, 0)} ${JSON.stringify(Object.assign({}, ...results.map((r) => r.refusals)))}; samples never received: ours ${results.filter((r) => r.kind === 'ours').reduce((n, r) => n + r.missing, 0)}, reference ${results.filter((r) => r.kind === 'reference').reduce((n, r) => n + r.missing, 0)}.`,
    '',
    ...targets(results, passAt('ours'), passAt('reference'), memory),
  );
  const text = lines.join('\n');
  process.stdout.write(`\n${text}\n`);
  const out = path.join(ROOT, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(out, `realtime-${stamp}.md`), `${text}\n`);
  fs.writeFileSync(path.join(out, `realtime-${stamp}.json`), JSON.stringify({ started, steps: STEPS, stepMs: STEP_MS, results, memoryPerDraftMb: memory }, null, 2));
  process.stdout.write(`\nWritten to bench/results/realtime-${stamp}.{md,json}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
