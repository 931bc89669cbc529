/** A step's rounds pooled into one set of figures, the results table, and the issue's targets. */
import { dense, merge, newHistogram, percentile } from './histogram';
import { STEP_MS, WARMUP_MS, WORKERS, type Kind, type RoundData } from './round';

export const LIMIT_MS = 100;

export interface StepResult {
  kind: Kind;
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
  const durable = new Map<string, number>();
  for (const r of rounds) for (const [le, n] of r.durable) durable.set(le, (durable.get(le) ?? 0) + n);
  const wall = rounds.reduce((n, r) => n + r.wall, 0);
  const ours = first.kind === 'ours';
  const measured = (rounds.length * STEP_MS) / 1000;
  return {
    kind: first.kind,
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
    cpuPercent: (rounds.reduce((n, r) => n + r.serverCpuSeconds, 0) / wall) * 100,
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
  };
}

export const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function stepLine(r: StepResult): string {
  return `p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} p99 ${fmt(r.p99)} ms (rounds' p99 ${r.roundsP99.map((x) => fmt(x)).join(', ')}; first in a process ${fmt(r.firstP50)} / ${fmt(r.firstP99)}, spread in it ${fmt(r.fanOutP50)} / ${fmt(r.fanOutP99)}), server cpu ${fmt(r.cpuPercent, 0)}%, rss ${fmt(r.rssMb, 0)} MB, clients cpu ${fmt(r.clientCpuPercent, 0)}%`;
}

/** The issue's targets, each with the figure that meets or misses it. */
function targets(results: StepResult[], steps: number[], memory: number): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const passAt = (kind: Kind) => results.find((r) => r.kind === kind && r.p99 > LIMIT_MS)?.editors ?? null;
  const oursPass = passAt('ours');
  const refPass = passAt('reference');
  const pairs = results
    .filter((r) => r.kind === 'ours')
    .map((o) => ({ o, f: results.find((r) => r.kind === 'reference' && r.editors === o.editors) }))
    .filter((x): x is { o: StepResult; f: StepResult } => x.f !== undefined);
  const worst = pairs.reduce<{ ratio: number; editors: number } | null>((w, { o, f }) => (w === null || o.p99 / f.p99 > w.ratio ? { ratio: o.p99 / f.p99, editors: o.editors } : w), null);
  const capacity = refPass === null ? null : (oursPass ?? (steps.at(-1) as number) * 2) / refPass;
  const windows = results.filter((r) => r.kind === 'ours' && r.durableP99 !== null).map((r) => r.durableP99 as number);
  const windowWorst = windows.length > 0 ? Math.max(...windows) : NaN;
  return [
    `p99 passes ${LIMIT_MS} ms at: ours ${oursPass ?? `never (up to ${steps.at(-1)})`}, reference ${refPass ?? `never (up to ${steps.at(-1)})`} editors.`,
    '',
    'Targets:',
    `- p99 ≤ 0.8 × the reference's at every step both ran: ${worst ? `worst ${fmt(worst.ratio, 2)} at ${worst.editors} editors, ${verdict(worst.ratio <= 0.8)}` : 'no common step'}`,
    `- editors at which p99 passes ${LIMIT_MS} ms ≥ 3 × the reference's: ${capacity === null ? 'the reference never passed it' : `${oursPass ?? `> ${steps.at(-1)}`} / ${refPass} = ${fmt(capacity, 1)}×, ${verdict(capacity >= 3)}`}`,
    `- server memory ≤ 2 MB per open draft: ${fmt(memory, 2)} MB, ${verdict(memory <= 2)}`,
    `- durability window ≤ 250 ms (server, p99 at every step): ≤ ${fmt(windowWorst, 0)} ms, ${verdict(windowWorst <= 250)}`,
  ];
}

export interface ReportInput {
  started: Date;
  characters: number;
  steps: number[];
  rounds: number;
  results: StepResult[];
  memory: number;
  memoryDrafts: number;
}

export function reportLines(x: ReportInput): string[] {
  const { results, steps } = x;
  const lines = [
    `# Real-time benchmark (${x.started.toISOString()})`,
    '',
    `Draft: 130 paragraphs, ${x.characters} characters. Each editor types 5 keys/s inside its delegation's bracket in random paragraphs`,
    `and moves its cursor at 10 Hz; editors run in ${WORKERS} client processes. Each step runs ${x.rounds} round(s) per server, alternating`,
    `which server goes first (ours, reference, reference, ours …); a round is ${WARMUP_MS / 1000} s of warm-up and ${STEP_MS / 1000} s measured. Percentiles pool every`,
    `round of the step; "rounds' p99" shows each round alone. Latency: keystroke on one editor until every other editor has applied it.`,
    'Server CPU/RSS: the server process only (ours also uses PostgreSQL and Redis).',
    '',
    "| editors | ours p50 / p95 / p99 (ms) | reference p50 / p95 / p99 (ms) | p99 ours/ref | rounds' p99 ours; ref | keys/s | ours cpu % / rss MB | ref cpu % / rss MB | clients cpu % ours / ref | persisted updates/s (batches/s) | durability window p50 / p99 (ms, server) | ack p50 / p99 (ms, client) |",
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const editors of steps) {
    const o = results.find((r) => r.kind === 'ours' && r.editors === editors);
    const f = results.find((r) => r.kind === 'reference' && r.editors === editors);
    if (!o && !f) continue;
    const ratio = o && f ? fmt(o.p99 / f.p99, 2) : '–';
    const spread = `${o ? o.roundsP99.map((v) => fmt(v)).join(', ') : '–'}; ${f ? f.roundsP99.map((v) => fmt(v)).join(', ') : '–'}`;
    lines.push(
      `| ${editors} | ${o ? `${fmt(o.p50)} / ${fmt(o.p95)} / ${fmt(o.p99)}` : 'not run'} | ${f ? `${fmt(f.p50)} / ${fmt(f.p95)} / ${fmt(f.p99)}` : 'stopped (passed 100 ms)'} | ${ratio} | ${spread} | ${fmt((o ?? f)!.keystrokesPerSec, 0)} | ${o ? `${fmt(o.cpuPercent, 0)} / ${fmt(o.rssMb, 0)}` : '–'} | ${f ? `${fmt(f.cpuPercent, 0)} / ${fmt(f.rssMb, 0)}` : '–'} | ${o ? fmt(o.clientCpuPercent, 0) : '–'} / ${f ? fmt(f.clientCpuPercent, 0) : '–'} | ${o ? `${fmt(o.persistedPerSec, 0)} (${fmt(o.batchesPerSec, 0)})` : '–'} | ${o ? `≤ ${fmt(o.durableP50, 0)} / ≤ ${fmt(o.durableP99, 0)}` : '–'} | ${o ? `${fmt(o.ackP50)} / ${fmt(o.ackP99)}` : '–'} |`,
    );
  }
  const ours = results.filter((r) => r.kind === 'ours');
  lines.push(
    '',
    `Server memory per open draft (ours, RSS growth over ${x.memoryDrafts} drafts opened): ${fmt(x.memory, 2)} MB.`,
    `Keystrokes refused by our server during the run: ${ours.reduce((n, r) => n + r.refused, 0)} ${JSON.stringify(Object.assign({}, ...ours.map((r) => r.refusals)))}; samples never received: ours ${ours.reduce((n, r) => n + r.missing, 0)}, reference ${results.filter((r) => r.kind === 'reference').reduce((n, r) => n + r.missing, 0)}.`,
    ...targets(results, steps, x.memory),
  );
  return lines;
}
