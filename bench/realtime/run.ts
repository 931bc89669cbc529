/**
 * `npm run bench:realtime`: our server and y-websocket's reference server, same machine, same
 * scenario, same run. A 130-paragraph draft (~90k characters); editors (35 delegations, 3 each to
 * start) type 5 keys/s in random paragraphs with presence at 10 Hz, from 3 client processes.
 * Steps the editor count until p99 keystroke-to-every-other-editor latency passes 100 ms. Each step
 * runs both servers in alternating rounds, so a slow minute of the machine does not fall on one side.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createBenchDatabase, type BenchDatabase } from './bench-db';
import { CLIENTS, runRound, type Kind, type RoundData, type RoundTarget } from './round';
import { build, fetchState, login, measureJoin, memoryPerDraft, openOnce, quiet, roomsClosed, ROOT, seedReference, sleep, startOurs, startReference } from './servers';
import { JOIN_KINDS, LIMIT_MS, reportLines, stepLine, summarize, type JoinKind, type JoinResult, type StepResult } from './summary';
import type { Mode } from './worker';

const STEPS = (process.env.BENCH_STEPS ?? '35,50,70,105,210,350,500').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MEMORY_DRAFTS = Number(process.env.BENCH_MEMORY_DRAFTS ?? 20);
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY = process.env.BENCH_ONLY as Kind | undefined;
const MODES = (process.env.BENCH_MODES ?? 'base,brackets').split(',').filter(Boolean) as Mode[];
const JOINERS = Number(process.env.BENCH_JOINERS ?? 100);
/** Editors typing while every core is also kept busy by other programs, for the durability window under saturation (0: skip). */
const SATURATED_EDITORS = Number(process.env.BENCH_SATURATED_EDITORS ?? 35);
/**
 * `BENCH_JOIN_ONLY=1`: only the join measurement (our server alone, no typing steps, no saturated
 * round, no memory figure), repeated `BENCH_JOIN_REPEAT` times (default 3) with each figure's median,
 * for working on the join without the half hour the whole benchmark takes. Nothing is written to bench/results.
 */
const JOIN_ONLY = process.env.BENCH_JOIN_ONLY === '1';
const JOIN_REPEAT = Number(process.env.BENCH_JOIN_REPEAT ?? 3);
/** The Chair's offices: who types the Chair's text in "base" mode. */
const OFFICES = ['chair', 'vicechair', 'secretariat'];

/** Round r of a step: even rounds start with ours, odd ones with the reference (ABBA …). */
const orderOf = (round: number): Kind[] => (round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']);

/**
 * JOINERS editors joining a fresh copy of the draft, left as `kind` says (see JoinKind): `opener`
 * opens it first (and stays, for 'open'); for 'made', the secretariat changes it through the API
 * (its caps, unchanged) and the server is given the moment it takes to make the document.
 */
async function joinOf(kind: JoinKind, url: string, db: BenchDatabase, joiners: string[], tokens: { opener: string; secretariat: string }, serverPid: number | undefined): Promise<JoinResult> {
  await roomsClosed(url);
  const draftId = await db.newDraft();
  if (kind === 'stored') await openOnce(url, tokens.opener, draftId);
  if (kind === 'made') {
    const res = await fetch(`${url}/api/drafts/${draftId}/caps`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.secretariat}` }, body: '{}' });
    if (!res.ok) throw new Error(`changing the draft's caps: ${res.status}`);
    const t0 = Date.now();
    while (!(await db.hasDocument(draftId))) {
      if (Date.now() - t0 > 10_000) throw new Error('the server did not make the document of a draft changed through the API');
      await sleep(50);
    }
  }
  if (serverPid !== undefined) await quiet([serverPid]);
  return measureJoin(kind, url, draftId, joiners, JOINERS, kind === 'open' ? tokens.opener : null, serverPid);
}

/** The join measurement alone: JOINERS editors joining a draft never opened, one opened before and closed, and one open, JOIN_REPEAT times each, on our server. */
async function joinOnly(): Promise<void> {
  const started = new Date();
  process.stdout.write('Building shared and server…\n');
  build();
  const db = await createBenchDatabase(ADMIN_URL, 0);
  const ours = await startOurs(db.url);
  const runs: JoinResult[] = [];
  try {
    const tokens = new Map<string, string>();
    for (const u of [...db.delegates, 'observer', 'secretariat']) tokens.set(u, await login(ours.url, u));
    const joiners = db.delegates.map((d) => tokens.get(d)!);
    for (let i = 0; i < JOIN_REPEAT; i++) {
      for (const kind of JOIN_KINDS) {
        const j = await joinOf(kind, ours.url, db, joiners, { opener: tokens.get('observer')!, secretariat: tokens.get('secretariat')! }, ours.proc.pid);
        runs.push(j);
        process.stdout.write(`  ${reportLines({ started, characters: db.characters, steps: [], rounds: 0, modes: [], memory: NaN, memoryDrafts: 0, join: [j], saturated: null }).at(-1)}\n`);
      }
    }
  } finally {
    ours.proc.kill('SIGTERM');
    await sleep(1500);
    await db.drop().catch(() => undefined);
  }
  const median = (xs: (number | null)[]) => {
    const v = xs.map((x) => x ?? Infinity).sort((a, b) => a - b);
    return v[Math.floor((v.length - 1) / 2)] as number;
  };
  process.stdout.write(`\nMedians of ${JOIN_REPEAT} run(s) (load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}):\n`);
  for (const kind of JOIN_KINDS) {
    const rs = runs.filter((r) => r.kind === kind);
    const m: JoinResult = { editors: JOINERS, kind, p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), clientP50: median(rs.map((r) => r.clientP50)), clientP99: median(rs.map((r) => r.clientP99)), serverCpuMsPerJoin: median(rs.map((r) => r.serverCpuMsPerJoin ?? null)) };
    process.stdout.write(`${reportLines({ started, characters: db.characters, steps: [], rounds: 0, modes: [], memory: NaN, memoryDrafts: 0, join: [m], saturated: null }).at(-1)}\n`);
  }
}

async function main(): Promise<void> {
  if (JOIN_ONLY) return joinOnly();
  const started = new Date();
  process.stdout.write('Building shared and server…\n');
  build();
  process.stdout.write(`Preparing a benchmark database (130 paragraphs + ${MEMORY_DRAFTS} copies)…\n`);
  const db = await createBenchDatabase(ADMIN_URL, MEMORY_DRAFTS);
  const ours = await startOurs(db.url);
  const reference = await startReference();
  const modes: { mode: Mode; results: StepResult[] }[] = [];
  let memory = NaN;
  const join: JoinResult[] = [];
  let saturated: StepResult | null = null;
  try {
    const tokens = new Map<string, string>();
    for (const u of [...db.delegates, ...OFFICES, 'observer']) tokens.set(u, await login(ours.url, u));
    // Every round starts from a fresh copy of the draft on both servers: a Y.Doc keeps every editor
    // that ever wrote in it, and each transaction costs its clients time per editor it has seen, so
    // rounds sharing one document would grow slower with every round before them.
    const state = await fetchState(ours.url, tokens.get('observer')!, db.draftId);
    const { Client } = await import('pg');
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    let referenceRooms = 0;
    // The database processes working for our server: its connections' backends and the WAL writer.
    const databasePids = async () =>
      ((await pg.query(`SELECT pid FROM pg_stat_activity WHERE (datname = current_database() AND pid <> pg_backend_pid()) OR backend_type = 'walwriter'`)).rows as { pid: number }[]).map((r) => r.pid);
    const prepare = async (kind: Kind, mode: Mode): Promise<RoundTarget> => {
      const codes = mode === 'base' ? OFFICES : db.delegates;
      if (kind === 'reference') {
        const room = `bench-${++referenceRooms}`;
        await seedReference(reference.url, state, room);
        return { kind, mode, url: reference.url, serverPid: reference.proc.pid!, draftId: room, tokens, codes, headSeq: async () => 0, databasePids: async () => [] };
      }
      const draftId = await db.newDraft();
      const headSeq = async () => Number(((await pg.query(`SELECT head_seq FROM collab_document WHERE draft_id = $1`, [draftId])).rows[0] as { head_seq: string } | undefined)?.head_seq ?? 0);
      return { kind, mode, url: ours.url, serverPid: ours.proc.pid!, draftId, tokens, codes, headSeq, databasePids };
    };
    process.stdout.write(`Draft: ${db.characters} characters in 130 paragraphs; ${db.delegates.length} delegations; ${ROUNDS} round(s) per server and step; clients: ${CLIENTS}\n`);
    for (const mode of MODES) {
      const results: StepResult[] = [];
      modes.push({ mode, results });
      process.stdout.write(`Mode "${mode}"\n`);
      const done: Record<Kind, boolean> = { ours: ONLY === 'reference', reference: ONLY === 'ours' };
      for (const editors of STEPS) {
        const rounds: Record<Kind, RoundData[]> = { ours: [], reference: [] };
        for (let r = 0; r < ROUNDS; r++) {
          for (const kind of orderOf(r)) {
            if (done[kind]) continue;
            process.stdout.write(`  ${kind.padEnd(9)} ${String(editors).padStart(3)} editors, round ${r + 1} … `);
            if (!(await roomsClosed(ours.url))) process.stdout.write('(a room of ours was still open after 60 s) ');
            if (!(await quiet([ours.proc.pid!, reference.proc.pid!]))) process.stdout.write('(a server was still busy after 60 s) ');
            const data = await runRound(await prepare(kind, mode), editors);
            rounds[kind].push(data);
            const one = summarize([data]);
            process.stdout.write(`p50 ${one.p50.toFixed(1)} p99 ${one.p99.toFixed(1)} ms, ${one.keystrokesPerSec.toFixed(0)} keys/s, server cpu ${one.cpuPercent.toFixed(0)}%, clients cpu ${one.clientCpuPercent.toFixed(0)}%\n`);
          }
        }
        for (const kind of ['ours', 'reference'] as const) {
          if (rounds[kind].length === 0) continue;
          const s = summarize(rounds[kind]);
          results.push(s);
          process.stdout.write(`  ${kind.padEnd(9)} ${String(editors).padStart(3)} editors: ${stepLine(s)}\n`);
          if (s.p99 > LIMIT_MS) done[kind] = true;
        }
        if (done.ours && done.reference) break;
      }
    }
    if (JOINERS > 0 && ONLY !== 'reference') {
      process.stdout.write(`Join: ${JOINERS} editors opening a fresh copy of the draft at once…\n`);
      const joiners = db.delegates.map((d) => tokens.get(d)!);
      for (const kind of JOIN_KINDS) join.push(await joinOf(kind, ours.url, db, joiners, { opener: tokens.get('observer')!, secretariat: tokens.get('secretariat')! }, ours.proc.pid));
    }
    if (SATURATED_EDITORS > 0 && ONLY !== 'reference') {
      process.stdout.write(`Saturated: ${SATURATED_EDITORS} editors (brackets) while ${os.cpus().length} busy loops hold every core…\n`);
      const hogs = Array.from({ length: os.cpus().length }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
      try {
        await roomsClosed(ours.url);
        saturated = summarize([await runRound(await prepare('ours', 'brackets'), SATURATED_EDITORS)]);
      } finally {
        for (const h of hogs) h.kill('SIGKILL');
      }
      process.stdout.write(`  ${stepLine(saturated)}\n`);
    }
    memory = await memoryPerDraft(ours.url, ours.proc.pid!, tokens.get('observer')!, db.extraDrafts);
    await pg.end();
  } finally {
    ours.proc.kill('SIGTERM');
    reference.proc.kill('SIGTERM');
    await sleep(1500);
    await db.drop().catch(() => undefined);
  }
  const text = reportLines({ started, characters: db.characters, steps: STEPS, rounds: ROUNDS, modes, memory, memoryDrafts: MEMORY_DRAFTS, join, saturated }).join('\n');
  process.stdout.write(`\n${text}\n`);
  if (process.env.BENCH_NO_WRITE) return;
  const out = path.join(ROOT, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(out, `realtime-${stamp}.md`), `${text}\n`);
  fs.writeFileSync(path.join(out, `realtime-${stamp}.json`), JSON.stringify({ started, steps: STEPS, rounds: ROUNDS, modes, join, saturated, memoryPerDraftMb: memory }, null, 2));
  process.stdout.write(`\nWritten to bench/results/realtime-${stamp}.{md,json}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
