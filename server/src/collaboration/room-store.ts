import { Logger } from '@nestjs/common';
import { COLLAB_DOC, PARAGRAPH_FIELDS, SectionInfo } from '@omnibus/shared';
import type { Actor } from '../auth/actor';
import type { BracketClaim } from './collab-documents.repository';
import { sectionInfos } from './doc-builder';
import { ancestorOf, paragraphSources } from './paragraph-source';
import { Projector } from './projector';
import { reconcileParagraph } from './reconcile';
import { SyncCapture } from './origins';
import type { Room } from './room';
import type { RoomDeps } from './room-deps';
import { Y, type YMap } from './yjs';

const SERIALIZATION_FAILURE = '40001';
const isRetryable = (err: unknown) => (err as { code?: string } | null)?.code === SERIALIZATION_FAILURE || (err as { code?: string } | null)?.code === '40P01';

/**
 * The room's conversation with PostgreSQL: batches, compaction, catching up on other instances'
 * batches, and the two directions between the document and the paragraph tables (projection out,
 * reconciliation in).
 */
export class RoomStore {
  private readonly logger = new Logger('CollabStore');
  private readonly projector: Projector;
  private rowsSinceCompaction = 0;
  private compactionQueued = false;
  private catchingUp = false;
  private reconcileWanted: Set<string> | 'all' | null = null;

  constructor(
    private readonly room: Room,
    private readonly deps: RoomDeps,
  ) {
    this.projector = new Projector(room, deps, (ids) => this.reconcile(ids));
  }

  writeBatch(update: Uint8Array, userIds: string[], claims: BracketClaim[]): Promise<number> {
    return this.deps.docs.appendBatch(this.room.draftId, update, userIds, this.deps.config.instanceId, claims);
  }

  markEdited(paragraphId: string, actor: Actor): void {
    this.projector.mark(paragraphId, actor);
  }

  project(): Promise<void> {
    return this.projector.run();
  }

  /** Counts a stored batch; enough of them and the room folds them into its snapshot. */
  noteRow(): void {
    this.rowsSinceCompaction++;
    if (this.rowsSinceCompaction < this.deps.config.compactAfterRows || this.compactionQueued) return;
    this.compactionQueued = true;
    void this.room.persistence.enqueue(() => this.compact());
  }

  /**
   * Folds the update rows this instance has applied into a snapshot, in one transaction under the
   * draft's store lock. The snapshot is the live document's state, encoded once: never a
   * Y.mergeUpdates over thousands of rows (yjs#710).
   */
  async compact(): Promise<void> {
    this.compactionQueued = false;
    try {
      const removed = await this.deps.db.transaction(async (m) => {
        const { headSeq, snapshotSeq } = await this.deps.docs.lockForCompaction(m, this.room.draftId);
        const upTo = Math.min(headSeq, this.room.seqs.contiguous);
        if (upTo <= snapshotSeq) return 0;
        return this.deps.docs.replaceSnapshot(m, this.room.draftId, Y.encodeStateAsUpdate(this.room.live), upTo);
      });
      this.rowsSinceCompaction = 0;
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
    for (let attempt = 1; ; attempt++) {
      try {
        await this.reconcileOnce(wanted === 'all' ? null : [...wanted]);
        return;
      } catch (err) {
        if (attempt < 5 && isRetryable(err)) continue;
        this.logger.error(`draft ${this.room.draftId}: bringing API changes into the live text failed: ${String(err)}`);
        return;
      }
    }
  }

  /**
   * One transaction: lock the store, read the paragraphs and what the document last agreed with, merge
   * what changed through the API into the live text, store the resulting update and the new agreement.
   */
  private async reconcileOnce(only: string[] | null): Promise<void> {
    const { draftId, live } = this.room;
    const capture = new SyncCapture();
    let seq = 0;
    let update: Uint8Array | null = null;
    try {
      await this.deps.db.transaction('REPEATABLE READ', async (m) => {
        await this.deps.docs.lockForCompaction(m, draftId);
        const contents = await this.deps.drafts.contents(draftId, m);
        if (!contents) return;
        const sources = paragraphSources(contents);
        const ids = only ?? [...sources.keys()];
        const stored = await this.deps.projection.lock(m, ids);
        const fingerprints = await this.deps.projection.fingerprints(m, draftId, ids);
        const paragraphs = live.getMap<unknown>(COLLAB_DOC.paragraphs);
        const todo = ids.filter((id) => sources.has(id) && (!paragraphs.has(id) || stored.get(id)?.fingerprint !== fingerprints.get(id)));
        live.transact(() => {
          syncSections(live.getMap<unknown>(COLLAB_DOC.sections), sectionInfos(contents));
          for (const id of todo) reconcileParagraph(paragraphs, sources.get(id)!, stored.get(id)?.ancestor ?? null);
        }, capture);
        if (capture.updates.length > 0) {
          update = capture.updates.length === 1 ? capture.updates[0]! : Y.mergeUpdates(capture.updates);
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
        for (const a of contents.amendments) this.room.knownAmendments.add(a.id);
      });
    } catch (err) {
      if (capture.updates.length > 0) {
        // The live document already holds the change: keep it durable through the ordinary path.
        for (const u of capture.updates) this.room.persistence.add(u, null);
        this.logger.error(`draft ${draftId}: an API change reached the live text but its agreement could not be stored: ${String(err)}`);
        return;
      }
      throw err;
    }
    if (update !== null) this.room.announce(update, seq);
  }
}

function syncSections(map: YMap<unknown>, sections: Map<string, SectionInfo>): void {
  for (const [id, info] of sections) {
    if (JSON.stringify(map.get(id)) !== JSON.stringify(info)) map.set(id, info);
  }
}
