import type { Histogram, MetricsRegistry } from '../metrics/metrics.registry';

/** The real-time path's figures, by one name each, so /api/metrics lists them before the first room opens. */
export function durableWindow(metrics: MetricsRegistry): Histogram {
  return metrics.histogram('omnibus_collab_durable_ms', 'From accepting a client update to its commit in PostgreSQL (the durability window), ms.');
}

/** Bounds (ms) fine enough to see where a keystroke's milliseconds go on the way through the server. */
const STAGE_BUCKETS_MS = [0.05, 0.1, 0.2, 0.5, 1, 2, 3, 5, 8, 12, 20, 35, 60, 100, 250, 500, 1000];

/**
 * Where an update's time goes inside the server, one series per stage (docs/realtime.md, "Where the
 * milliseconds go"): `judge` the shadow validation, `gather` from acceptance until its batch starts being written,
 * `store` the batch's statement until commit, `fanout` handing the committed batch to every socket.
 */
export type CollabStage = 'judge' | 'gather' | 'store' | 'fanout';

export function collabStage(metrics: MetricsRegistry, stage: CollabStage): Histogram {
  return metrics.histogram('omnibus_collab_stage_ms', 'Time an update spends in each stage of the real-time path, ms.', `stage="${stage}"`, STAGE_BUCKETS_MS);
}

/**
 * The room's background jobs: `compact` folds the update rows into the snapshot (the room's batches
 * wait while it runs), `project` writes a round of co-edited paragraphs into the tables.
 */
export type CollabJob = 'compact' | 'project';

export function collabJob(metrics: MetricsRegistry, job: CollabJob): Histogram {
  return metrics.histogram('omnibus_collab_job_ms', "Time of a room's background jobs (compact: batches wait meanwhile; project), ms.", `job="${job}"`, STAGE_BUCKETS_MS);
}

/** Bounds (ms) of a join: fine around the 50 ms target at p99, so the figure says more than "between 35 and 60". */
const JOIN_BUCKETS_MS = [1, 2, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 100, 150, 200, 250, 300, 350, 400, 450, 500, 750, 1000];

/** The server's own time on a join: the handshake (session, draft, room), the welcome, and answering the first sync with the whole draft. */
export function joinTime(metrics: MetricsRegistry): Histogram {
  return metrics.histogram('omnibus_collab_join_ms', 'Server time of a join: handshake, welcome and the whole draft sent (not the wait for the client\'s sync request), ms.', null, JOIN_BUCKETS_MS);
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
