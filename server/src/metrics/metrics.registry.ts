import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import * as prom from 'prom-client';

/** Upper bounds (ms) of the latency buckets: fine where the real-time path lives, coarse beyond. */
const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 20, 30, 40, 50, 60, 80, 100, 150, 200, 250, 300, 500, 1000, 2500, 5000];

/** A latency histogram the features write (ms). */
export interface Histogram {
  observe(ms: number): void;
}

type Gauge = () => number;

/** `reason="oversized"` → ['reason', 'oversized']; the features name one label per series. */
function parseLabel(label: string): [string, string] {
  const m = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"$/.exec(label);
  if (!m) throw new Error(`a metric label must read name="value", got ${label}`);
  return [m[1] as string, (m[2] as string).replace(/\\(.)/g, '$1')];
}

/**
 * The process's own figures, in the Prometheus text format at /api/metrics, through prom-client:
 * its default process metrics (memory, CPU, handles, GC, event loop), and the counters, latency
 * histograms and gauges the features register by name. A registry of its own per app, so two
 * servers in one process (the tests) never count into each other.
 */
@Injectable()
export class MetricsRegistry implements OnModuleDestroy {
  readonly registry = new prom.Registry();
  private readonly counters = new Map<string, prom.Counter>();
  private readonly histograms = new Map<string, prom.Histogram>();
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    prom.collectDefaultMetrics({ register: this.registry });
    this.loopDelay.enable();
    this.gauge('omnibus_event_loop_delay_p99_ms', 'Event-loop delay, 99th percentile since start, ms.', () => this.loopDelay.percentile(99) / 1e6);
    this.gauge('omnibus_event_loop_delay_max_ms', 'Longest event-loop delay since start, ms.', () => this.loopDelay.max / 1e6);
    this.gauge('omnibus_rss_bytes', 'Resident memory of the process.', () => process.memoryUsage.rss());
  }

  /** Adds `by` to a counter, optionally under one label value (`reason="oversized"`). */
  inc(name: string, help: string, label: string | null = null, by = 1): void {
    const parsed = label === null ? null : parseLabel(label);
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new prom.Counter({ name, help, labelNames: parsed ? [parsed[0]] : [], registers: [this.registry] });
      this.counters.set(name, counter);
    }
    if (parsed) counter.inc({ [parsed[0]]: parsed[1] }, by);
    else counter.inc(by);
  }

  /** A latency histogram (ms); `label` (`stage="store"`) names one series of a histogram with several. */
  histogram(name: string, help: string, label: string | null = null, buckets: readonly number[] = LATENCY_BUCKETS_MS): Histogram {
    const parsed = label === null ? null : parseLabel(label);
    let h = this.histograms.get(name);
    if (!h) {
      h = new prom.Histogram({ name, help, buckets: [...buckets], labelNames: parsed ? [parsed[0]] : [], registers: [this.registry] });
      this.histograms.set(name, h);
    }
    return parsed ? h.labels({ [parsed[0]]: parsed[1] }) : h;
  }

  /** A gauge read when scraped. Registering a name again replaces how it is read. */
  gauge(name: string, help: string, read: Gauge): void {
    this.registry.removeSingleMetric(name);
    new prom.Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  onModuleDestroy(): void {
    this.loopDelay.disable();
    this.registry.clear();
  }
}
