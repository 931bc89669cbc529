import type { Histogram, MetricsRegistry } from '../metrics/metrics.registry';

/** The real-time path's figures, by one name each, so /api/metrics lists them before the first room opens. */
export function durableWindow(metrics: MetricsRegistry): Histogram {
  return metrics.histogram('omnibus_collab_durable_ms', 'From accepting a client update to its commit in PostgreSQL (the durability window), ms.');
}

export function countRefusal(metrics: MetricsRegistry, reason: string): void {
  metrics.inc('omnibus_collab_refusals_total', 'Frames refused, by reason.', `reason="${reason}"`);
}

export function countBatch(metrics: MetricsRegistry): void {
  metrics.inc('omnibus_collab_batches_total', 'Batches of updates committed and broadcast.');
}

/** Patches of an API change that the three-way merge could not place in the live text. */
export function countMergePatchFailures(metrics: MetricsRegistry, failed: number): void {
  metrics.inc('omnibus_collab_merge_patch_failures_total', 'Patches of an API change that found no place in the live text when merged into it (that part of the change is missing there).', null, failed);
}
