/** Latencies in 0.1 ms buckets up to 10 s: mergeable across processes, exact enough for p99. */
export const BUCKET_MS = 0.1;
export const BUCKETS = 100_000;

export function newHistogram(): number[] {
  return new Array<number>(BUCKETS + 1).fill(0);
}

export function record(h: number[], ms: number): void {
  const i = Math.min(BUCKETS, Math.max(0, Math.floor(ms / BUCKET_MS)));
  h[i] = (h[i] ?? 0) + 1;
}

export function merge(into: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
}

export function count(h: readonly number[]): number {
  return h.reduce((a, b) => a + b, 0);
}

export function percentile(h: readonly number[], p: number): number {
  const total = count(h);
  if (total === 0) return NaN;
  const rank = Math.ceil(total * p);
  let seen = 0;
  for (let i = 0; i < h.length; i++) {
    seen += h[i] ?? 0;
    if (seen >= rank) return (i + 1) * BUCKET_MS;
  }
  return BUCKETS * BUCKET_MS;
}

/** Sparse form for IPC: [index, count] pairs. */
export function sparse(h: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  h.forEach((n, i) => n > 0 && out.push([i, n]));
  return out;
}

export function dense(pairs: readonly [number, number][]): number[] {
  const h = newHistogram();
  for (const [i, n] of pairs) h[i] = (h[i] ?? 0) + n;
  return h;
}
