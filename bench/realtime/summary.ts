/** A step's rounds pooled into one set of figures, the results table, and the issue's targets. */
import * as fs from 'node:fs';
import { dense, merge, newHistogram, percentile } from './histogram';
import { CLIENTS, STEP_MS, WARMUP_MS, WORKERS, type Kind, type RoundData } from './round';
import type { Mode } from './worker';

export const LIMIT_MS = 100;

export const STAGES = ['judge', 'gather', 'store', 'fanout'] as const;
/** The room's background jobs (omnibus_collab_job_ms): folding rows into the snapshot, and projection rounds. */
export const JOBS = ['compact', 'project'] as const;

export interface StageFigures {
  /** Mean, and the bucket bounds holding p50, p99 and all of them, ms. */
  mean: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
  count: number;
}

export interface StepResult {
  kind: Kind;
  mode: Mode;
  editors: number;
  /** Percentiles over every sample of every round of the step. */
  p50: number;
  p95: number;
  p99: number;
  /** The p99 of each round alone, in the order they ran: how much one window can swing. */
  roundsP99: number[];
  /** Keystroke until the first editor of a client process has it: p50 / p99. */
  firstP50: number;
  firstP99: number;
  /** From there until each other editor of that process has it: p50 / p99. */
  fanOutP50: number;
  fanOutP99: number;
  samples: number;
  missing: number;
  keystrokesPerSec: number;
  cpuPercent: number;
  /** PostgreSQL's processes serving our server (null for the reference). */
  databaseCpuPercent: number | null;
  /** Server CPU per keystroke delivered to one other editor, µs (ours: the server process alone, and with PostgreSQL). */
  cpuPerDeliveryUs: number;
  cpuPerDeliveryWithDatabaseUs: number | null;
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
  /** Where an update's time went inside our server (see omnibus_collab_stage_ms). */
  stages: Partial<Record<(typeof STAGES)[number], StageFigures>>;
  /** The room's background jobs in the window, same figures (count: how many ran). */
  jobs: Partial<Record<(typeof JOBS)[number], StageFigures>>;
}

/** The bucket bound under which a fraction `p` of the updates of a histogram were committed. */
function bucketPercentile(buckets: Map<string, number>, p: number): number | null {
  const total = buckets.get('+Inf') ?? 0;
  if (total <= 0) return null;
  for (const [le, n] of buckets) {
    if (n / total >= p) return le === '+Inf' ? Infinity : Number(le);
  }
  return null;
}

function pooled(rounds: RoundData[], pick: (r: RoundData['reports'][number]) => [number, number][]): number[] {
  const h = newHistogram();
  for (const r of rounds) for (const rep of r.reports) merge(h, dense(pick(rep)));
  return h;
}

export function summarize(rounds: RoundData[]): StepResult {
  const first = rounds[0];
  if (!first) throw new Error('a step needs at least one round');
  const reports = rounds.flatMap((r) => r.reports);
  const sum = (f: (x: RoundData['reports'][number]) => number) => reports.reduce((n, x) => n + f(x), 0);
  const latency = pooled(rounds, (x) => x.latency);
  const firstArrival = pooled(rounds, (x) => x.firstArrival);
  const fanOut = pooled(rounds, (x) => x.fanOut);
  const acks = pooled(rounds, (x) => x.acks);
  const refusals: Record<string, number> = {};
  for (const x of reports) for (const [k, v] of Object.entries(x.refusals)) refusals[k] = (refusals[k] ?? 0) + v;
  const histograms = new Map<string, number>();
  for (const r of rounds) for (const [k, n] of r.histograms) histograms.set(k, (histograms.get(k) ?? 0) + n);
  const bucketsOf = (prefix: string) => new Map([...histograms].filter(([k]) => k.startsWith(`${prefix} le=`)).map(([k, n]) => [k.slice(prefix.length + 4), n]));
  const durable = bucketsOf('durable');
  const figuresOf = (key: string): StageFigures | null => {
    const count = histograms.get(`${key} count`) ?? 0;
    if (count <= 0) return null;
    const buckets = bucketsOf(key);
    return { mean: (histograms.get(`${key} sum`) ?? 0) / count, p50: bucketPercentile(buckets, 0.5), p99: bucketPercentile(buckets, 0.99), max: bucketPercentile(buckets, 1), count };
  };
  const stages: StepResult['stages'] = {};
  for (const stage of STAGES) {
    const f = figuresOf(`stage:${stage}`);
    if (f) stages[stage] = f;
  }
  const jobs: StepResult['jobs'] = {};
  for (const job of JOBS) {
    const f = figuresOf(`job:${job}`);
    if (f) jobs[job] = f;
  }
  const serverCpu = rounds.reduce((n, r) => n + r.serverCpuSeconds, 0);
  const databaseCpu = rounds.reduce((n, r) => n + r.databaseCpuSeconds, 0);
  const deliveries = Math.max(1, sum((x) => x.samples));
  const wall = rounds.reduce((n, r) => n + r.wall, 0);
  const ours = first.kind === 'ours';
  const measured = (rounds.length * STEP_MS) / 1000;
  return {
    kind: first.kind,
    mode: first.mode,
    editors: first.editors,
    p50: percentile(latency, 0.5),
    p95: percentile(latency, 0.95),
    p99: percentile(latency, 0.99),
    roundsP99: rounds.map((r) => percentile(pooled([r], (x) => x.latency), 0.99)),
    firstP50: percentile(firstArrival, 0.5),
    firstP99: percentile(firstArrival, 0.99),
    fanOutP50: percentile(fanOut, 0.5),
    fanOutP99: percentile(fanOut, 0.99),
    samples: sum((x) => x.samples),
    missing: sum((x) => x.missing),
    keystrokesPerSec: sum((x) => x.keystrokes) / measured,
    cpuPercent: (serverCpu / wall) * 100,
    databaseCpuPercent: ours ? (databaseCpu / wall) * 100 : null,
    cpuPerDeliveryUs: (serverCpu / deliveries) * 1e6,
    cpuPerDeliveryWithDatabaseUs: ours ? ((serverCpu + databaseCpu) / deliveries) * 1e6 : null,
    clientCpuPercent: (rounds.reduce((n, r) => n + r.clientCpuSeconds, 0) / wall) * 100,
    rssMb: Math.max(...rounds.map((r) => r.rssMb)),
    // Acknowledged updates are counted from the start of typing (warm-up included).
    persistedPerSec: ours ? sum((x) => x.acksOk) / (rounds.length * (STEP_MS + WARMUP_MS) / 1000) : null,
    batchesPerSec: ours ? rounds.reduce((n, r) => n + r.batches, 0) / wall : null,
    ackP50: ours ? percentile(acks, 0.5) : null,
    ackP99: ours ? percentile(acks, 0.99) : null,
    durableP50: bucketPercentile(durable, 0.5),
    durableP99: bucketPercentile(durable, 0.99),
    refused: sum((x) => x.acksRefused),
    refusals,
    stages,
    jobs,
  };
}

export const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function stepLine(r: StepResult): string {
  return `p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} p99 ${fmt(r.p99)} ms (rounds' p99 ${r.roundsP99.map((x) => fmt(x)).join(', ')}; first in a process ${fmt(r.firstP50)} / ${fmt(r.firstP99)}, spread in it ${fmt(r.fanOutP50)} / ${fmt(r.fanOutP99)}), server cpu ${fmt(r.cpuPercent, 0)}%, rss ${fmt(r.rssMb, 0)} MB, clients cpu ${fmt(r.clientCpuPercent, 0)}%`;
}

/**
 * Where a server's p99 crosses the limit: between the last step under it and the first over it
 * (`under` is null when even the first step was over, `over` null when no step was), and the
 * crossing estimated by linear interpolation of the p99 between the two.
 */
export interface Crossing {
  under: StepResult | null;
  over: StepResult | null;
  estimate: number | null;
}

export function crossing(results: StepResult[], kind: Kind): Crossing {
  const steps = results.filter((r) => r.kind === kind).sort((a, b) => a.editors - b.editors);
  const i = steps.findIndex((r) => r.p99 > LIMIT_MS);
  if (i === -1) return { under: steps.at(-1) ?? null, over: null, estimate: null };
  const over = steps[i] as StepResult;
  const under = i > 0 ? (steps[i - 1] as StepResult) : null;
  const estimate = under === null ? null : under.editors + ((over.editors - under.editors) * (LIMIT_MS - under.p99)) / (over.p99 - under.p99);
  return { under, over, estimate };
}

/**
 * The capacity target, settled only by what the steps show: met when even ours' last step under the
 * limit is 3 × the reference's first step over it, missed when ours' first step over it is under
 * 3 × the reference's last step under it; in between, the interpolated crossings are the figure and
 * finer steps around both crossings would settle it. A server that never passed gives a bound, never
 * an assumed size.
 */
export function capacityLine(ours: Crossing, ref: Crossing, steps: number[]): string {
  const last = steps.at(-1);
  if (ref.over === null) return `the reference never passed it (up to ${last})`;
  const oursText = ours.over === null ? `ours never passed it (up to ${last})` : `ours passed it between ${ours.under?.editors ?? 0} and ${ours.over.editors}`;
  const refText = `the reference between ${ref.under?.editors ?? 0} and ${ref.over.editors}`;
  const low = (ours.under?.editors ?? 0) / ref.over.editors;
  const high = ours.over === null ? Infinity : ref.under === null ? Infinity : ours.over.editors / ref.under.editors;
  const estimated = ours.estimate !== null && ref.estimate !== null ? `, interpolated ${fmt(ours.estimate, 0)} / ${fmt(ref.estimate, 0)} = ${fmt(ours.estimate / ref.estimate, 2)}×` : '';
  const bounds = `${fmt(low, 2)}–${Number.isFinite(high) ? `${fmt(high, 2)}×` : 'unbounded'}`;
  const verdict = low >= 3 ? 'met' : high < 3 ? 'NOT met' : 'not settled by these steps (add steps around both crossings)';
  const firstOver = ours.over === null ? '' : `, first steps over it ${ours.over.editors} / ${ref.over.editors} = ${fmt(ours.over.editors / ref.over.editors, 2)}×`;
  return `${oursText}, ${refText}: ratio ${bounds}${estimated}${firstOver}, ${verdict}`;
}

/** The issue's targets, each with the figure that meets or misses it. */
function targets(results: StepResult[], steps: number[]): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const pairs = results
    .filter((r) => r.kind === 'ours')
    .map((o) => ({ o, f: results.find((r) => r.kind === 'reference' && r.editors === o.editors) }))
    .filter((x): x is { o: StepResult; f: StepResult } => x.f !== undefined);
  // Where the reference has collapsed (p99 over a second), a ratio to it says nothing.
  const comparable = pairs.filter(({ f }) => f.p99 < 1000);
  const worst = comparable.reduce<{ ratio: number; editors: number } | null>((w, { o, f }) => (w === null || o.p99 / f.p99 > w.ratio ? { ratio: o.p99 / f.p99, editors: o.editors } : w), null);
  const ours = crossing(results, 'ours');
  const ref = crossing(results, 'reference');
  const small = pairs.filter(({ o }) => o.editors === 35 || o.editors === 50);
  const windows = results.filter((r) => r.kind === 'ours' && r.durableP99 !== null).map((r) => r.durableP99 as number);
  const windowWorst = windows.length > 0 ? Math.max(...windows) : NaN;
  return [
    `p99 passes ${LIMIT_MS} ms at: ours ${ours.over?.editors ?? `never (up to ${steps.at(-1)})`}, reference ${ref.over?.editors ?? `never (up to ${steps.at(-1)})`} editors.`,
    '',
    'Targets:',
    `- p99 ≤ 0.8 × the reference's at every step where the reference stays under 1 s: ${worst ? `worst ${fmt(worst.ratio, 2)} at ${worst.editors} editors, ${verdict(worst.ratio <= 0.8)}` : 'no common step'}`,
    ...small.map(({ o, f }) => `- p50 at ${o.editors} editors ≤ 1.5 × the reference's: ${fmt(o.p50)} / ${fmt(f.p50)} = ${fmt(o.p50 / f.p50, 2)}, ${verdict(o.p50 <= 1.5 * f.p50)}`),
    ...small.map(
      ({ o, f }) =>
        `- server CPU per delivered keystroke at ${o.editors} editors ≤ the reference's: ${fmt(o.cpuPerDeliveryUs, 0)} µs (with PostgreSQL ${fmt(o.cpuPerDeliveryWithDatabaseUs, 0)}) / ${fmt(f.cpuPerDeliveryUs, 0)} µs, ${verdict(o.cpuPerDeliveryUs <= f.cpuPerDeliveryUs)}`,
    ),
    `- editors at which p99 passes ${LIMIT_MS} ms ≥ 3 × the reference's: ${capacityLine(ours, ref, steps)}`,
    `- durability window ≤ 250 ms (server, p99 at every step): ≤ ${fmt(windowWorst, 0)} ms, ${verdict(windowWorst <= 250)}`,
  ];
}

export interface ReportInput {
  started: Date;
  characters: number;
  steps: number[];
  rounds: number;
  /** Each mode's steps, in the order they ran. */
  modes: { mode: Mode; results: StepResult[] }[];
  memory: number;
  memoryDrafts: number;
  join: JoinResult[];
  /** A brackets round of our server while busy loops held every core. */
  saturated: StepResult | null;
}

/**
 * The draft 100 editors join at once:
 * - `unknown`: never opened, and made behind the server's back (straight into the database), so no one
 *   made its document ahead: the first of them builds it from the paragraphs while the others wait;
 * - `made`: made or changed through the API a moment before (as an import or the secretariat's
 *   setting up does), never opened: the server made its document ahead of them;
 * - `stored`: closed, opened before (its document stored): the everyday start of a meeting;
 * - `open`: someone is already in the room.
 */
export const JOIN_KINDS = ['unknown', 'made', 'stored', 'open'] as const;
export type JoinKind = (typeof JOIN_KINDS)[number];

const JOIN_LABELS: Record<JoinKind, string> = {
  unknown: 'a draft never opened and made behind the server\'s back: the first of them builds its document from the paragraphs',
  made: 'a draft never opened, made through the API a moment before: its document was made ahead',
  stored: 'the draft closed, opened before: the first of them loads its stored document',
  open: 'the draft already open',
};

export interface JoinResult {
  editors: number;
  kind: JoinKind;
  /** Server time from handshake to the whole draft sent, per join: p50 / p99 / max, ms. */
  p50: number | null;
  p99: number | null;
  /** Client side: from connecting until the draft is held, ms. */
  clientP50: number;
  clientP99: number;
  /** The server process's CPU time (user + system) while they joined, per joiner, ms (10 ms clock ticks over all of them). */
  serverCpuMsPerJoin?: number;
}

const MODE_TEXT: Record<Mode, string> = {
  brackets: "each editor (35 delegations, several editors each beyond 35) types inside its delegation's own bracket",
  base: "each editor (signed in as the chair, a vice-chair or the secretariat) types in the Chair's text itself",
};

function modeLines(mode: Mode, results: StepResult[], steps: number[]): string[] {
  const lines = [
    `## Mode "${mode}": ${MODE_TEXT[mode]}`,
    '',
    "| editors | ours p50 / p95 / p99 (ms) | reference p50 / p95 / p99 (ms) | p50 ours/ref | p99 ours/ref | rounds' p99 ours; ref | keys/s | cpu % ours (+PostgreSQL) / ref | cpu µs per delivered keystroke ours (+PostgreSQL) / ref | rss MB ours / ref | clients cpu % ours / ref | persisted updates/s (batches/s) | durability window p50 / p99 (ms, server) | ack p50 / p99 (ms, client) |",
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const editors of steps) {
    const o = results.find((r) => r.kind === 'ours' && r.editors === editors);
    const f = results.find((r) => r.kind === 'reference' && r.editors === editors);
    if (!o && !f) continue;
    const ratio = (a: number, b: number) => (o && f ? fmt(a / b, 2) : '–');
    const spread = `${o ? o.roundsP99.map((v) => fmt(v)).join(', ') : '–'}; ${f ? f.roundsP99.map((v) => fmt(v)).join(', ') : '–'}`;
    lines.push(
      `| ${editors} | ${o ? `${fmt(o.p50)} / ${fmt(o.p95)} / ${fmt(o.p99)}` : 'not run'} | ${f ? `${fmt(f.p50)} / ${fmt(f.p95)} / ${fmt(f.p99)}` : 'stopped (passed 100 ms)'} | ${o && f ? ratio(o.p50, f.p50) : '–'} | ${o && f ? ratio(o.p99, f.p99) : '–'} | ${spread} | ${fmt((o ?? f)!.keystrokesPerSec, 0)} | ${o ? `${fmt(o.cpuPercent, 0)} (+${fmt(o.databaseCpuPercent, 0)})` : '–'} / ${f ? fmt(f.cpuPercent, 0) : '–'} | ${o ? `${fmt(o.cpuPerDeliveryUs, 0)} (${fmt(o.cpuPerDeliveryWithDatabaseUs, 0)})` : '–'} / ${f ? fmt(f.cpuPerDeliveryUs, 0) : '–'} | ${o ? fmt(o.rssMb, 0) : '–'} / ${f ? fmt(f.rssMb, 0) : '–'} | ${o ? fmt(o.clientCpuPercent, 0) : '–'} / ${f ? fmt(f.clientCpuPercent, 0) : '–'} | ${o ? `${fmt(o.persistedPerSec, 0)} (${fmt(o.batchesPerSec, 0)})` : '–'} | ${o ? `≤ ${fmt(o.durableP50, 0)} / ≤ ${fmt(o.durableP99, 0)}` : '–'} | ${o ? `${fmt(o.ackP50)} / ${fmt(o.ackP99)}` : '–'} |`,
    );
  }
  const ours = results.filter((r) => r.kind === 'ours');
  lines.push(
    '',
    'Where an update\'s time goes inside our server (mean; p50 ≤ / p99 ≤ bucket bounds; ms): shadow validation, gathering into a batch, the batch\'s statement until commit, handing the batch to every socket; "first arrival" is the client side, keystroke until the first other editor of a process has it. The room\'s background jobs in the measured windows: how many ran, mean and the largest bucket bound (ms); a compaction runs beside the batches and locks the document row only for its last statement.',
    '',
    `| editors | ${STAGES.join(' | ')} | first arrival p50 / p99 | ${JOBS.map((j) => `${j}: n, mean / ≤ max`).join(' | ')} |`,
    `| --- | ${STAGES.map(() => '---').join(' | ')} | --- | ${JOBS.map(() => '---').join(' | ')} |`,
  );
  for (const o of ours) {
    const cells = STAGES.map((st) => {
      const f = o.stages[st];
      return f ? `${fmt(f.mean, 2)} (≤ ${fmt(f.p50, 2)} / ≤ ${fmt(f.p99, 1)})` : '–';
    });
    const jobs = JOBS.map((j) => {
      const f = o.jobs[j];
      return f ? `${f.count}, ${fmt(f.mean, 1)} / ≤ ${fmt(f.max, 0)}` : '0';
    });
    lines.push(`| ${o.editors} | ${cells.join(' | ')} | ${fmt(o.firstP50)} / ${fmt(o.firstP99)} | ${jobs.join(' | ')} |`);
  }
  lines.push(
    '',
    `Keystrokes refused by our server: ${ours.reduce((n, r) => n + r.refused, 0)} ${JSON.stringify(Object.assign({}, ...ours.map((r) => r.refusals)))}; samples never received: ours ${ours.reduce((n, r) => n + r.missing, 0)}, reference ${results.filter((r) => r.kind === 'reference').reduce((n, r) => n + r.missing, 0)}.`,
    ...targets(results, steps),
    '',
  );
  return lines;
}

export function reportLines(x: ReportInput): string[] {
  const lines = [
    `# Real-time benchmark (${x.started.toISOString()})`,
    '',
    `Draft: 130 paragraphs, ${x.characters} characters. Each editor types 5 keys/s in random paragraphs and moves its cursor at 10 Hz;`,
    `editors run in ${WORKERS} client processes, ${CLIENTS === 'copies' ? 'each editor with its own copy of the draft (BENCH_CLIENTS=copies)' : 'the editors of a process typing into one shared copy, each frame applied once per process (BENCH_CLIENTS=shared)'}. Each step runs ${x.rounds} round(s) per server, alternating`,
    `which server goes first (ours, reference, reference, ours …); a round is ${WARMUP_MS / 1000} s of warm-up and ${STEP_MS / 1000} s measured. Percentiles pool every`,
    `round of the step; "rounds' p99" shows each round alone. Latency: keystroke on one editor until every other editor has applied it.`,
    'Server CPU/RSS: the server process; "+PostgreSQL": the database processes serving ours. Machine load when it ended: ' + loadAverage() + '.',
    '',
  ];
  for (const { mode, results } of x.modes) lines.push(...modeLines(mode, results, x.steps));
  lines.push(`Server memory per open draft (ours, RSS growth over ${x.memoryDrafts} drafts opened): ${fmt(x.memory, 2)} MB (target ≤ 2 MB: ${x.memory <= 2 ? 'met' : 'NOT met'}).`);
  if (x.saturated) {
    const z = x.saturated;
    lines.push(
      `Saturated machine (${z.editors} editors in brackets while a busy loop held each core): latency p50 ${fmt(z.p50)} / p99 ${fmt(z.p99)} ms; durability window p50 ≤ ${fmt(z.durableP50, 0)} / p99 ≤ ${fmt(z.durableP99, 0)} ms (target p99 ≤ 250 ms: ${z.durableP99 !== null && z.durableP99 <= 250 ? 'met' : 'NOT met'}); store p99 ≤ ${fmt(z.stages.store?.p99 ?? null)} ms, gather p99 ≤ ${fmt(z.stages.gather?.p99 ?? null)} ms.`,
    );
  }
  for (const j of x.join) {
    lines.push(
      `Join (${JOIN_LABELS[j.kind]}): ${j.editors} editors at once: server time (handshake, welcome, whole draft sent) p50 ≤ ${fmt(j.p50)} / p99 ≤ ${fmt(j.p99)} ms (target p99 ≤ 50 ms: ${j.p99 !== null && j.p99 <= 50 ? 'met' : 'NOT met'}); client side, connect to draft held, p50 ${fmt(j.clientP50)} / p99 ${fmt(j.clientP99)} ms${j.serverCpuMsPerJoin === undefined ? '' : `; server CPU ${fmt(j.serverCpuMsPerJoin, 2)} ms per joiner`}.`,
    );
  }
  return lines;
}

function loadAverage(): string {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
