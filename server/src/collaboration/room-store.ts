import { Logger } from '@nestjs/common';
import { COLLAB_DOC, PARAGRAPH_FIELDS, SectionInfo } from '@omnibus/shared';
import { randomInt } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { retryOnConflict, retryTransaction } from '../database/transaction-retry';
import type { BracketClaim } from './collab-documents.repository';
import { sectionInfos } from './doc-builder';
import { ancestorOf, paragraphSources } from './paragraph-source';
import { Projector } from './projector';
import { collabJob, countMergePatchFailures } from './collab-metrics';
import type { Histogram } from '../metrics/metrics.registry';
import { reconcileParagraph, type MergeFailure } from './reconcile';
import { SyncCapture } from './origins';
import type { Room } from './room';
import type { RoomDeps } from './room-deps';
import { Y, type Doc, type YMap } from './yjs';

/** How long before a reconciliation that failed for good (after its retries) is tried again. */
const RECONCILE_AGAIN_MS = 1_000;

/**
 * The room's conversation with PostgreSQL: batches, compaction, catching up on other instances'
 * batches, and the two directions between the document and the paragraph tables (projection out,
 * reconciliation in).
 */
export class RoomStore {
  private readonly logger = new Logger('CollabStore');
  private readonly projector: Projector;
  private rowsSinceCompaction = 0;
  private compaction: Promise<void> | null = null;
  private catchingUp = false;
  private reconcileWanted: Set<string> | 'all' | null = null;
  /**
   * Projection and reconciliation take turns: both write a paragraph's agreement (and the projection
   * its mark on the document row), and a REPEATABLE READ reconciliation that meets a row the other
   * changed since it began is refused by PostgreSQL. Typing goes on meanwhile.
   */
  private turn: Promise<void> = Promise.resolve();
  /**
   * The Yjs client id under which this room writes merged API changes. Never the live document's own
   * id: the merge is made on a copy, and the live document's id may write formatting clean-ups meanwhile.
   * Random until the room is handed one of the server's leased ids (`Room.useWriter`).
   */
  reconcileClientId: number;
  private readonly compactTime: Histogram;

  constructor(
    private readonly room: Room,
    private readonly deps: RoomDeps,
  ) {
    this.projector = new Projector(room, deps, (ids) => this.reconcile(ids));
    this.compactTime = collabJob(deps.metrics, 'compact');
    let id = randomInt(1, 2 ** 31);
    while (id === room.live.clientID) id = randomInt(1, 2 ** 31);
    this.reconcileClientId = id;
  }

  /** One statement, so a refused one stored nothing: a deadlock is retried at once rather than as a failed write. */
  writeBatch(update: Uint8Array, userIds: string[], claims: BracketClaim[], sessionIds: string[]): Promise<number | { ended: string[] }> {
    return retryOnConflict(() => this.deps.docs.appendBatch(this.room.draftId, update, userIds, this.deps.config.instanceId, claims, sessionIds));
  }

  markEdited(paragraphId: string, actor: Actor): void {
    this.projector.mark(paragraphId, actor);
  }

  /** A change another instance made to these paragraphs: projected here too if that instance does not (it may have died). */
  markRemote(paragraphIds: Iterable<string>): void {
    for (const id of paragraphIds) this.projector.markLater(id);
  }

  /** Compares every paragraph with the tables on the next projection round. */
  projectAllSoon(): void {
    this.projector.markAll();
  }

  project(): Promise<void> {
    return this.inTurn(() => this.projector.run());
  }

  private inTurn<T>(job: () => Promise<T>): Promise<T> {
    const run = this.turn.then(job);
    this.turn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * Projects every paragraph of the document and waits until the paragraph and amendment tables hold
   * all of it (API changes the document lacked are reconciled first): what a draft needs after a crash
   * left acknowledged text unprojected.
   */
  async projectEverything(rounds = 5): Promise<boolean> {
    this.projector.markAll();
    for (let i = 0; i < rounds; i++) {
      await this.room.persistence.settled();
      await this.project();
      await this.room.persistence.settled();
      if (!this.projector.pending) {
        // Nothing left: this round records the mark.
        await this.project();
        return true;
      }
    }
    return false;
  }

  /** Counts a stored batch; enough of them and the room folds them into its snapshot. */
  noteRow(): void {
    this.rowsSinceCompaction++;
    if (this.rowsSinceCompaction < this.deps.config.compactAfterRows || this.compaction) return;
    // After this turn: the batch just counted is applied to the live document right after it is announced.
    this.compaction = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compact())
      .finally(() => (this.compaction = null));
  }

  /** Resolves once a compaction under way (if any) has ended. */
  async compacted(): Promise<void> {
    await this.compaction;
  }

  /**
   * Folds the update rows this instance has applied into a snapshot. The snapshot is the live
   * document's state, encoded once: never a Y.mergeUpdates over thousands of rows (yjs#710). It
   * holds every batch up to the room's contiguous sequence number (and perhaps later ones: a batch
   * applied twice changes nothing), so the rows up to that number can go.
   *
   * It runs beside the batches, not between them: the old rows are deleted first (no batch touches
   * them), and the document row, which every batch updates, is locked only by the last statement,
   * just before the commit. A compaction in the batches' queue held every acknowledgement for
   * 15–70 ms about every 40 s in a busy room (docs/realtime.md).
   */
  async compact(): Promise<void> {
    if (this.room.closed) return;
    const started = performance.now();
    try {
      const upTo = this.room.seqs.contiguous;
      const snapshot = Y.encodeStateAsUpdate(this.room.live);
      const removed = await retryTransaction(this.deps.db, (m) => this.deps.docs.replaceSnapshot(m, this.room.draftId, snapshot, upTo));
      this.rowsSinceCompaction = 0;
      this.compactTime.observe(performance.now() - started);
      this.logger.debug(`draft ${this.room.draftId}: folded ${removed} update rows into the snapshot`);
    } catch (err) {
      this.logger.error(`draft ${this.room.draftId}: compaction failed, will retry after more updates: ${String(err)}`);
    }
  }

  /** Applies batches other instances stored that this one has not seen (pub/sub may drop messages). */
  async catchUp(): Promise<void> {
    if (this.catchingUp || this.room.closed) return;
    this.catchingUp = true;
    try {
      const head = await this.deps.docs.headSeq(this.room.draftId);
      if (head <= this.room.seqs.contiguous) return;
      const rows = await this.deps.docs.updatesAfter(this.room.draftId, this.room.seqs.contiguous);
      if (rows === null) {
        const full = await this.deps.docs.load(this.room.draftId);
        if (!full) return;
        if (full.snapshot) this.room.applyRemote(full.snapshot);
        for (const r of full.updates) this.room.applyRemote(r.update);
        this.room.seqs.markThrough(full.headSeq);
        return;
      }
      for (const r of rows) {
        if (this.room.seqs.has(r.seq)) continue;
        this.room.applyRemote(r.update);
        this.room.seqs.mark(r.seq);
      }
    } catch (err) {
      this.logger.warn(`draft ${this.room.draftId}: catching up failed: ${String(err)}`);
    } finally {
      this.catchingUp = false;
    }
  }

  /** Asks for the database's view of these paragraphs (all when null) to be merged into the document. */
  reconcile(paragraphIds: string[] | null): void {
    const first = this.reconcileWanted === null;
    if (paragraphIds === null || this.reconcileWanted === 'all') this.reconcileWanted = 'all';
    else {
      const wanted = this.reconcileWanted ?? new Set<string>();
      for (const id of paragraphIds) wanted.add(id);
      this.reconcileWanted = wanted;
    }
    if (first) void this.room.persistence.enqueue(() => this.reconcileJob());
  }

  private async reconcileJob(): Promise<void> {
    const wanted = this.reconcileWanted;
    this.reconcileWanted = null;
    if (wanted === null || this.room.closed) return;
    const ids = wanted === 'all' ? null : [...wanted];
    try {
      await this.inTurn(() => this.reconcileOnce(ids));
    } catch (err) {
      // Nothing of it reached the live text: ask again a little later.
      this.logger.error(`draft ${this.room.draftId}: bringing API changes into the live text failed, trying again in ${RECONCILE_AGAIN_MS} ms: ${String(err)}`);
      setTimeout(() => {
        if (!this.room.closed) this.reconcile(ids);
      }, RECONCILE_AGAIN_MS).unref();
    }
  }

  /** An API change merged only in part into the live text (committed as merged): logged with its ids and counted. */
  private reportMergeFailures(failures: MergeFailure[]): void {
    for (const f of failures) {
      countMergePatchFailures(this.deps.metrics, f.failedPatches);
      this.logger.warn(
        `draft ${this.room.draftId}, paragraph ${f.paragraphId}${f.amendmentId === null ? '' : `, amendment ${f.amendmentId}`}: ` +
          `${f.failedPatches} of ${f.patches} parts of an API change found no place in the live text and are missing from it`,
      );
    }
  }

  /** A copy of the live document, writing under the room's reconciliation client id. */
  private copyOfLive(): Doc {
    const copy = new Y.Doc({ gc: true });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.room.live));
    // Set after loading: Yjs gives a document a new id when a load brings changes under its own.
    copy.clientID = this.reconcileClientId;
    return copy;
  }

  /**
   * One transaction, retried when PostgreSQL refuses it: lock the store, read the paragraphs and what
   * the document last agreed with, merge what changed through the API into a copy of the live text,
   * store the resulting update and the new agreement. Only once that has committed does the live
   * document take the update and the room's clients see it: stored before shown, as for typing.
   */
  private async reconcileOnce(only: string[] | null): Promise<void> {
    const { draftId } = this.room;
    const result = await retryOnConflict(async () => {
      await this.deps.projection.ensureRows(this.deps.db.manager, draftId);
      return this.deps.db.transaction('REPEATABLE READ', async (m) => {
        await this.deps.docs.lockStore(m, draftId);
        const contents = await this.deps.drafts.contents(draftId, m);
        if (!contents) return null;
        const sources = paragraphSources(contents);
        const ids = only ?? [...sources.keys()];
        const stored = await this.deps.projection.lock(m, ids);
        const fingerprints = await this.deps.projection.fingerprints(m, draftId, ids);
        const amendmentIds = contents.amendments.map((a) => a.id);
        // Decided on the live document itself: a room opening on a draft the API left alone (the
        // usual start of a meeting) copies nothing while everyone opening it waits on this event loop.
        const liveParagraphs = this.room.live.getMap<unknown>(COLLAB_DOC.paragraphs);
        const todo = ids.filter((id) => sources.has(id) && (!liveParagraphs.has(id) || stored.get(id)?.fingerprint !== fingerprints.get(id)));
        const sections = changedSections(this.room.live.getMap<unknown>(COLLAB_DOC.sections), sectionInfos(contents));
        if (todo.length === 0 && sections.length === 0) {
          return { update: null, seq: 0, todo, amendmentIds, mergeFailures: [] };
        }
        const work = this.copyOfLive();
        try {
          const paragraphs = work.getMap<unknown>(COLLAB_DOC.paragraphs);
          const updates: Uint8Array[] = [];
          const mergeFailures: MergeFailure[] = [];
          work.on('update', (u: Uint8Array) => updates.push(u));
          work.transact(() => {
            const workSections = work.getMap<unknown>(COLLAB_DOC.sections);
            for (const [id, info] of sections) workSections.set(id, info);
            for (const id of todo) reconcileParagraph(paragraphs, sources.get(id)!, stored.get(id)?.ancestor ?? null, (f) => mergeFailures.push(f));
          });
          let update: Uint8Array | null = null;
          let seq = 0;
          if (updates.length > 0) {
            update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
            seq = await this.deps.docs.nextSeq(m, draftId);
            await this.deps.docs.append(m, draftId, seq, update, [], this.deps.config.instanceId);
          }
          await this.deps.projection.saveAll(
            m,
            draftId,
            todo.map((id) => {
              const src = sources.get(id)!;
              const rev = ((paragraphs.get(id) as YMap<unknown> | undefined)?.get(PARAGRAPH_FIELDS.rev) as number | undefined) ?? 0;
              return { paragraphId: id, fingerprint: fingerprints.get(id)!, ancestor: ancestorOf(src.text, src.open), rev };
            }),
          );
          return { update, seq, todo, amendmentIds, mergeFailures };
        } finally {
          work.destroy();
        }
      });
    });
    if (!result) return;
    this.reportMergeFailures(result.mergeFailures);
    for (const id of result.amendmentIds) this.room.knownAmendments.add(id);
    if (result.update === null) return;
    // Committed: now the live document takes it (a local transaction, so Yjs keeps the live document's
    // own client id), the shadow mirrors it, and everyone is sent it.
    this.room.live.transact(() => Y.applyUpdate(this.room.live, result.update!), new SyncCapture());
    this.room.announce(result.update, result.seq);
    // The merge may place text and brackets differently from the rows: the projection checks them.
    for (const id of result.todo) this.projector.mark(id, null);
  }
}

/** The sections whose kind, key, title or place the document does not hold as the database does. */
function changedSections(map: YMap<unknown>, sections: Map<string, SectionInfo>): [string, SectionInfo][] {
  return [...sections].filter(([id, info]) => JSON.stringify(map.get(id)) !== JSON.stringify(info));
}
