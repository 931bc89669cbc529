import { Injectable } from '@nestjs/common';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Upper bounds (ms) of the latency buckets: fine where the real-time path lives, coarse beyond. */
const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 20, 30, 40, 50, 60, 80, 100, 150, 200, 250, 300, 500, 1000, 2500, 5000] as const;

export class Histogram {
  readonly counts = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  sum = 0;
  count = 0;

  observe(ms: number): void {
    let i = 0;
    while (i < LATENCY_BUCKETS_MS.length && ms > (LATENCY_BUCKETS_MS[i] as number)) i++;
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.sum += ms;
    this.count++;
  }
}

type Gauge = () => number;

/**
 * The process's own figures, in the Prometheus text format at /api/metrics: counters and latency
 * histograms that the features write, gauges read when scraped. No client library: a few maps.
 */
@Injectable()
export class MetricsRegistry {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly histograms = new Map<string, { help: string; h: Histogram }>();
  private readonly gauges = new Map<string, { help: string; read: Gauge }>();
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loopDelay.enable();
    this.gauge('omnibus_event_loop_delay_p99_ms', 'Event-loop delay, 99th percentile since start, ms.', () => this.loopDelay.percentile(99) / 1e6);
    this.gauge('omnibus_event_loop_delay_max_ms', 'Longest event-loop delay since start, ms.', () => this.loopDelay.max / 1e6);
    this.gauge('omnibus_rss_bytes', 'Resident memory of the process.', () => process.memoryUsage.rss());
  }

  /** Adds `by` to a counter, optionally under one label value (`reason="oversized"`). */
  inc(name: string, help: string, label: string | null = null, by = 1): void {
    const c = this.counters.get(name) ?? { help, values: new Map<string, number>() };
    this.counters.set(name, c);
    const key = label ?? '';
    c.values.set(key, (c.values.get(key) ?? 0) + by);
  }

  histogram(name: string, help: string): Histogram {
    const existing = this.histograms.get(name);
    if (existing) return existing.h;
    const h = new Histogram();
    this.histograms.set(name, { help, h });
    return h;
  }

  gauge(name: string, help: string, read: Gauge): void {
    this.gauges.set(name, { help, read });
  }

  render(): string {
    const out: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [label, v] of values) out.push(`${name}${label === '' ? '' : `{${label}}`} ${v}`);
    }
    for (const [name, { help, h }] of this.histograms) {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
      let cumulative = 0;
      LATENCY_BUCKETS_MS.forEach((le, i) => {
        cumulative += h.counts[i] ?? 0;
        out.push(`${name}_bucket{le="${le}"} ${cumulative}`);
      });
      out.push(`${name}_bucket{le="+Inf"} ${h.count}`, `${name}_sum ${round(h.sum)}`, `${name}_count ${h.count}`);
    }
    for (const [name, { help, read }] of this.gauges) out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${round(read())}`);
    return `${out.join('\n')}\n`;
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
