/** The two servers of the benchmark, started the same way for every run, and what we read off them. */
import { ChildProcess, fork, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../../test/support/child-server';
import { CollabClient } from '../../test/support/collab-client';
import { Y, yWebsocket } from './libs';
import type { JoinKind, JoinResult } from './summary';

export const ROOT = path.resolve(__dirname, '../..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Server {
  proc: ChildProcess;
  url: string;
}

export interface ProcStat {
  /** CPU seconds used so far (user + system). */
  cpu: number;
  rss: number;
}

export function procStat(pid: number): ProcStat {
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
export function build(): void {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', path.join(__dirname, 'tsconfig.build.json')], { encoding: 'utf8' });
  // Type errors elsewhere in the tree (work in progress) still emit JavaScript; only a missing entry point stops us.
  if (!fs.existsSync(path.join(__dirname, 'dist/server/src/main.js'))) throw new Error(`building the server failed:\n${r.stdout}${r.stderr}`);
  if (r.status !== 0) process.stdout.write(`  (tsc reported type errors elsewhere in the tree; the server was still emitted)\n`);
}

export async function startOurs(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const proc = fork(path.join(__dirname, 'dist/server/src/main.js'), [], {
    execArgv: ['-r', path.join(__dirname, 'alias-shared.cjs'), ...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : [])],
    // Rounds run back to back on fresh drafts: a finished round's room closes 2 s after its last editor
    // leaves (30 s in service) and the next round waits for that, instead of paying for it mid-window.
    env: { COLLAB_IDLE_CLOSE_MS: '2000', ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', OMNIBUS_SEED: 'off', OMNIBUS_LOG: 'silent', REDIS_URL, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  // A server that stops before it answers (a port taken, a bad setting) fails the run at once.
  let onExit: (code: number | null) => void = () => undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`our server exited (code ${code}) before answering on ${url}`));
    proc.once('exit', onExit);
  });
  try {
    await Promise.race([waitHttp(`${url}/api/health`), exited]);
  } finally {
    proc.off('exit', onExit);
  }
  return { proc, url };
}

export async function startReference(): Promise<Server> {
  const proc = fork(path.join(__dirname, 'reference-server.cjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, PORT: '0' } });
  const port = await new Promise<number>((resolve) => proc.on('message', (m: { type: string; port: number }) => m.type === 'listening' && resolve(m.port)));
  return { proc, url: `ws://127.0.0.1:${port}` };
}

export async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Our document's state, read as an observer would, to give the reference the very same document. */
export async function fetchState(url: string, token: string, draftId: string): Promise<Uint8Array> {
  const observer = await CollabClient.connect(url, token, draftId);
  const state = Y.encodeStateAsUpdate(observer.doc);
  observer.close();
  return state;
}

export async function seedReference(url: string, state: Uint8Array, room: string): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const provider = new yWebsocket.WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  await new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  await sleep(500);
  provider.destroy();
}

/**
 * Our server's real-time histograms from /api/metrics, by series: the durability window's buckets
 * (`durable le=…`) and each stage's buckets, sum and count (`stage:store le=…`, `stage:store sum`).
 */
export async function serverHistograms(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^omnibus_collab_durable_ms_bucket\{le="([^"]+)"\} (\d+)$/gm)) out.set(`durable le=${m[1]}`, Number(m[2]));
  for (const m of text.matchAll(/^omnibus_collab_stage_ms_bucket\{le="([^"]+)",stage="([^"]+)"\} (\d+)$/gm)) out.set(`stage:${m[2]} le=${m[1]}`, Number(m[3]));
  for (const m of text.matchAll(/^omnibus_collab_stage_ms_(sum|count)\{stage="([^"]+)"\} ([\d.e+-]+)$/gm)) out.set(`stage:${m[2]} ${m[1]}`, Number(m[3]));
  for (const m of text.matchAll(/^omnibus_collab_job_ms_bucket\{le="([^"]+)",job="([^"]+)"\} (\d+)$/gm)) out.set(`job:${m[2]} le=${m[1]}`, Number(m[3]));
  for (const m of text.matchAll(/^omnibus_collab_job_ms_(sum|count)\{job="([^"]+)"\} ([\d.e+-]+)$/gm)) out.set(`job:${m[2]} ${m[1]}`, Number(m[3]));
  return out;
}

/** Waits until our server has no draft open for co-editing (the last round's room has closed). */
export async function roomsClosed(url: string, timeoutMs = 60_000): Promise<boolean> {
  const t0 = Date.now();
  for (;;) {
    const text = await (await fetch(`${url}/api/metrics`)).text();
    if (/^omnibus_collab_rooms 0$/m.test(text)) return true;
    if (Date.now() - t0 > timeoutMs) return false;
    await sleep(250);
  }
}

/**
 * Waits until every process given is idle (under 5% of a core over half a second), at most
 * `timeoutMs`: a server still draining the last round (an overloaded reference works off its backlog
 * for seconds after its clients left) must not take CPU from the next round of the other server.
 */
export async function quiet(pids: number[], timeoutMs = 60_000): Promise<boolean> {
  const t0 = Date.now();
  for (;;) {
    const before = pids.map((p) => procStat(p).cpu);
    await sleep(500);
    const busiest = Math.max(...pids.map((p, i) => (procStat(p).cpu - (before[i] as number)) / 0.5));
    if (busiest < 0.05) return true;
    if (Date.now() - t0 > timeoutMs) return false;
  }
}

/** RSS growth of our server per draft opened by an observer. */
export async function memoryPerDraft(url: string, pid: number, token: string, drafts: string[]): Promise<number> {
  await sleep(1000);
  const before = procStat(pid).rss;
  const observers: CollabClient[] = [];
  for (const draftId of drafts) observers.push(await CollabClient.connect(url, token, draftId));
  await sleep(3000);
  const after = procStat(pid).rss;
  for (const o of observers) o.close();
  return (after - before) / drafts.length;
}

/**
 * `count` editors open one draft at the same instant: the server's own figure for each join (handshake
 * until the whole draft was sent, omnibus_collab_join_ms) and, client side, connect until the draft is held.
 */
/** Opens the draft once (its document is built and stored) and waits until the server has closed the room again. */
export async function openOnce(url: string, token: string, draftId: string): Promise<void> {
  const c = await CollabClient.connect(url, token, draftId);
  c.close();
  if (!(await roomsClosed(url))) throw new Error('the room did not close after its only editor left');
}

export async function measureJoin(kind: JoinKind, url: string, draftId: string, tokens: string[], count: number, opener: string | null = null, serverPid?: number): Promise<JoinResult> {
  // With an opener, the draft is already open on the server (someone is in the room) when the others arrive.
  const first = opener === null ? null : await CollabClient.connect(url, opener, draftId);
  const before = await joinBuckets(url);
  const cpuBefore = serverPid === undefined ? NaN : procStat(serverPid).cpu;
  const times: number[] = [];
  const clients = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t0 = performance.now();
      const c = await CollabClient.connect(url, tokens[i % tokens.length] as string, draftId);
      times.push(performance.now() - t0);
      return c;
    }),
  );
  const cpu = serverPid === undefined ? NaN : procStat(serverPid).cpu - cpuBefore;
  const after = await joinBuckets(url);
  for (const c of clients) c.close();
  first?.close();
  const buckets = new Map([...after].map(([le, n]) => [le, n - (before.get(le) ?? 0)]));
  const total = buckets.get('+Inf') ?? 0;
  const at = (p: number) => {
    for (const [le, n] of buckets) if (total > 0 && n / total >= p) return le === '+Inf' ? Infinity : Number(le);
    return null;
  };
  times.sort((a, b) => a - b);
  const pick = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
  return { editors: count, kind, p50: at(0.5), p99: at(0.99), clientP50: pick(0.5), clientP99: pick(0.99), ...(Number.isNaN(cpu) ? {} : { serverCpuMsPerJoin: (cpu * 1000) / count }) };
}

async function joinBuckets(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^omnibus_collab_join_ms_bucket\{le="([^"]+)"\} (\d+)$/gm)) out.set(m[1] as string, Number(m[2]));
  return out;
}
