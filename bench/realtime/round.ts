/** One round of one step: N editors in three client processes against one server, warm-up, then a measured window. */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { procStat, ROOT, serverHistograms, sleep } from './servers';
import type { ClientModel, Mode, SentRecord, WorkerInit, WorkerReport } from './worker';

export type Kind = 'ours' | 'reference';

export const WORKERS = 3;
export const STEP_MS = Number(process.env.BENCH_STEP_MS ?? 15_000);
export const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3_000);
/** The editors' client model (worker.ts): one copy per client process (`shared`, the default) or a full copy each (`copies`, as browsers). */
export const CLIENTS: ClientModel = clientModel(process.env.BENCH_CLIENTS);

function clientModel(value: string | undefined): ClientModel {
  if (value === undefined || value === '' || value === 'shared') return 'shared';
  if (value === 'copies') return 'copies';
  throw new Error(`BENCH_CLIENTS is "shared" (the default) or "copies", not "${value}"`);
}
const DRAIN_MS = 2_500;

const now = () => performance.timeOrigin + performance.now();
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', path.join(ROOT, 'test/support/resolve-shared.ts')];
const tsEnv = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'bench/tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' };

/** What one round measured, kept raw (histograms, counters) so rounds of a step can be pooled. */
export interface RoundData {
  kind: Kind;
  mode: Mode;
  editors: number;
  reports: WorkerReport[];
  /** Wall-clock seconds of the measured window. */
  wall: number;
  serverCpuSeconds: number;
  clientCpuSeconds: number;
  rssMb: number;
  /** Batches our server committed in the window (its head sequence number moved by this much). */
  batches: number;
  /** Our server's histograms over the window (durability window, stages; see serverHistograms). */
  histograms: Map<string, number>;
  /** CPU seconds PostgreSQL's processes serving our server used in the window. */
  databaseCpuSeconds: number;
}

export interface RoundTarget {
  kind: Kind;
  mode: Mode;
  url: string;
  serverPid: number;
  draftId: string;
  tokens: Map<string, string>;
  codes: string[];
  headSeq: () => Promise<number>;
  /** PostgreSQL processes working for this server (none for the reference). */
  databasePids: () => Promise<number[]>;
}

function delta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([le, n]) => [le, n - (before.get(le) ?? 0)]));
}

/** Editors typing in one draft from their client processes (worker.ts), synced and waiting for `start`. */
export interface EditorFleet {
  workers: ChildProcess[];
  /** Every editor types from now until `stopAt`; keystrokes sent from `measureFrom` on are the measured ones. */
  start(measureFrom: number, stopAt: number): void;
  /** Each process's figures for keystrokes sent in [measureFrom, measureTo). */
  report(measureFrom: number, measureTo: number): Promise<WorkerReport[]>;
  /** Closes every editor's connection and waits for the processes to end. */
  exit(): Promise<void>;
}

/**
 * Starts `editors` editors (the delegations of `t.codes` in turn) in WORKERS client processes and
 * waits until every one holds the draft. Editors never type in the paragraphs of `avoid`.
 */
export async function startEditors(t: Pick<RoundTarget, 'kind' | 'url' | 'draftId' | 'tokens' | 'codes'> & { mode?: Mode }, editors: number, avoid: string[] = []): Promise<EditorFleet> {
  const assignments: WorkerInit['editors'][] = Array.from({ length: WORKERS }, () => []);
  for (let i = 0; i < editors; i++) {
    const username = t.codes[i % t.codes.length] as string;
    assignments[i % WORKERS]!.push({ token: t.tokens.get(username) ?? '', code: username.toUpperCase() });
  }
  const workers = assignments.map((eds) => {
    const prof = process.env.BENCH_WORKER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`] : [];
    const w = fork(path.join(__dirname, 'worker.ts'), [], { execArgv: [...TS_NODE, ...prof], env: tsEnv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    w.send({ type: 'init', init: { kind: t.kind, mode: t.mode ?? 'brackets', url: t.url, draftId: t.draftId, editors: eds, avoid, clients: CLIENTS } satisfies WorkerInit });
    return w;
  });
  const reports: WorkerReport[] = [];
  let ready = 0;
  for (const [i, w] of workers.entries()) {
    w.on('message', (m: { type: string; records?: SentRecord[]; data?: WorkerReport }) => {
      if (m.type === 'ready') ready++;
      else if (m.type === 'sent') workers.forEach((o, j) => j !== i && o.send({ type: 'sent', records: m.records }));
      else if (m.type === 'report' && m.data) reports.push(m.data);
    });
  }
  const exit = async () => {
    for (const w of workers) if (w.connected) w.send({ type: 'exit' });
    await Promise.all(workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? null : new Promise((r) => w.once('exit', r)))));
  };
  const t0 = Date.now();
  while (ready < WORKERS) {
    if (Date.now() - t0 > 180_000) {
      for (const w of workers) w.kill();
      throw new Error(`${t.kind}: ${editors} editors did not all sync within 3 minutes`);
    }
    await sleep(100);
  }
  return {
    workers,
    start: (measureFrom, stopAt) => workers.forEach((w) => w.send({ type: 'start', measureFrom, stopAt })),
    report: async (measureFrom, measureTo) => {
      reports.length = 0;
      for (const w of workers) w.send({ type: 'report', measureFrom, measureTo });
      while (reports.length < WORKERS) await sleep(100);
      return [...reports];
    },
    exit,
  };
}

export async function runRound(t: RoundTarget, editors: number): Promise<RoundData> {
  const fleet = await startEditors(t, editors);
  const { workers } = fleet;
  const measureFrom = now() + WARMUP_MS;
  const measureTo = measureFrom + STEP_MS;
  fleet.start(measureFrom, measureTo);
  await sleep(WARMUP_MS);
  const ours = t.kind === 'ours';
  const s0 = procStat(t.serverPid);
  const c0 = workers.map((w) => procStat(w.pid!).cpu);
  const seq0 = await t.headSeq();
  const d0 = ours ? await serverHistograms(t.url) : new Map<string, number>();
  const pgPids = await t.databasePids();
  const cpuOf = (pids: number[]) => pids.reduce((n, p) => n + (fs.existsSync(`/proc/${p}`) ? procStat(p).cpu : 0), 0);
  const pg0 = cpuOf(pgPids);
  const w0 = now();
  await sleep(STEP_MS);
  const s1 = procStat(t.serverPid);
  const c1 = workers.map((w) => procStat(w.pid!).cpu);
  const seq1 = await t.headSeq();
  const d1 = ours ? await serverHistograms(t.url) : new Map<string, number>();
  const pg1 = cpuOf(pgPids);
  const wall = (now() - w0) / 1000;
  await sleep(DRAIN_MS);
  const reports = await fleet.report(measureFrom, measureTo);
  await fleet.exit();
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    kind: t.kind,
    mode: t.mode,
    editors,
    reports,
    wall,
    serverCpuSeconds: s1.cpu - s0.cpu,
    clientCpuSeconds: sum(c1) - sum(c0),
    rssMb: s1.rss,
    batches: seq1 - seq0,
    histograms: delta(d0, d1),
    databaseCpuSeconds: pg1 - pg0,
  };
}
