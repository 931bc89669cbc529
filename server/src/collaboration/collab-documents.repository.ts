import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { Pool, type PoolConfig } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { CollabDocument, CollabUpdate } from '../database/db-types';
import { kysely } from '../database/kysely';

export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

export interface StoredDocument {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  headSeq: number;
  /** Every batch up to this one is in the paragraph and amendment tables. */
  projectedSeq: number;
  updates: StoredUpdate[];
}

export interface BracketClaim {
  amendmentId: string;
  draftId: string;
  paragraphId: string;
  userId: string;
  delegationId: string;
}

const toUpdate = (r: { seq: string; update: Buffer }): StoredUpdate => ({ seq: Number(r.seq), update: new Uint8Array(r.update) });

/**
 * Connections of the batches' own (each room has at most one batch in flight; rooms beyond this
 * many take turns). They are apart from the pool every other query uses, so an acknowledgement
 * never queues behind background work: a projection round once set off two queries per paragraph
 * on the shared pool and each batch waited for all of them (store p99 ≤ 100 ms at 105 editors).
 */
const BATCH_CONNECTIONS = 4;

/** All SQL about a draft's real-time document: its snapshot, its update rows and its bracket claims. */
@Injectable()
export class CollabDocumentsRepository implements OnModuleDestroy {
  private readonly logger = new Logger('CollabStore');
  private batchPool: Pool | null = null;

  constructor(private readonly db: DataSource) {}

  async onModuleDestroy(): Promise<void> {
    const pool = this.batchPool;
    this.batchPool = null;
    await pool?.end();
  }

  /** Creates the document row with its first snapshot unless another instance already did; true if this call created it. */
  async create(m: EntityManager, draftId: string, snapshot: Uint8Array): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO collab_document (draft_id, snapshot) VALUES ($1, $2) ON CONFLICT (draft_id) DO NOTHING RETURNING draft_id`,
      [draftId, Buffer.from(snapshot)],
    );
    return rows.length > 0;
  }

  /** Snapshot and every later update, read in one repeatable-read transaction so they fit together. */
  async load(draftId: string): Promise<StoredDocument | null> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const docs: Pick<Selectable<CollabDocument>, 'snapshot' | 'snapshot_seq' | 'head_seq' | 'projected_seq'>[] = await m.query(
        `SELECT snapshot, snapshot_seq, head_seq, projected_seq FROM collab_document WHERE draft_id = $1`,
        [draftId],
      );
      const doc = docs[0];
      if (!doc) return null;
      const rows: Pick<Selectable<CollabUpdate>, 'seq' | 'update'>[] = await m.query(
        `SELECT seq, update FROM collab_update WHERE draft_id = $1 AND seq > $2 ORDER BY seq`,
        [draftId, doc.snapshot_seq],
      );
      return {
        snapshot: doc.snapshot ? new Uint8Array(doc.snapshot) : null,
        snapshotSeq: Number(doc.snapshot_seq),
        headSeq: Number(doc.head_seq),
        projectedSeq: Number(doc.projected_seq),
        updates: rows.map(toUpdate),
      };
    });
  }

  /** Takes the draft's store lock and numbers the next batch; the lock holds until the transaction ends. */
  async nextSeq(m: EntityManager, draftId: string): Promise<number> {
    const rows: [{ head_seq: string }[], number] = await m.query(
      `UPDATE collab_document SET head_seq = head_seq + 1, updated_at = now() WHERE draft_id = $1 RETURNING head_seq`,
      [draftId],
    );
    const row = rows[0][0];
    if (!row) throw new Error(`collab_document for draft ${draftId} is missing`);
    return Number(row.head_seq);
  }

  async append(m: EntityManager, draftId: string, seq: number, update: Uint8Array, userIds: string[], instance: string): Promise<void> {
    await m.query(`INSERT INTO collab_update (draft_id, seq, update, user_ids, instance) VALUES ($1, $2, $3, $4, $5)`, [
      draftId,
      seq,
      Buffer.from(update),
      userIds,
      instance.slice(0, 64),
    ]);
  }

  /**
   * Stores one batch in a single statement (one round trip, one implicit transaction): takes the
   * draft's store lock by bumping its sequence, appends the row, and records who created each new
   * bracket. Durable when it returns. This is the hot path of co-editing: it goes to the pool itself
   * as a named statement, parsed and planned once per connection, without an ORM query runner
   * around it; a commit is then little more than one round trip.
   */
  async appendBatch(draftId: string, update: Uint8Array, userIds: string[], instance: string, claims: BracketClaim[], sessionIds: string[] = []): Promise<number | { ended: string[] }> {
    const result = await this.batches().query<{ seq: string | null; ended: string[] | null }>({
      name: 'collab_append_batch',
      text: APPEND_BATCH,
      values: [
        draftId,
        Buffer.from(update.buffer, update.byteOffset, update.byteLength),
        userIds,
        instance.slice(0, 64),
        claims.map((c) => c.amendmentId),
        claims.map((c) => c.paragraphId),
        claims.map((c) => c.userId),
        claims.map((c) => c.delegationId),
        sessionIds,
      ],
    });
    const row = result.rows[0];
    if (row?.ended) return { ended: row.ended };
    if (!row || row.seq === null) throw new Error(`collab_document for draft ${draftId} is missing`);
    return Number(row.seq);
  }

  /** The batches' connections, opened on first use with the settings of the app's own pool. */
  private batches(): Pool {
    if (this.batchPool) return this.batchPool;
    const shared = (this.db.driver as PostgresDriver).master as Pool & { options: PoolConfig };
    const pool = new Pool({ ...shared.options, max: BATCH_CONNECTIONS, allowExitOnIdle: true });
    // A connection the server ended (a restart, a dropped database) is replaced on the next batch; the
    // batch it failed is retried by the room.
    pool.on('error', (err) => this.logger.warn(`a batch connection was closed: ${err.message}`));
    this.batchPool = pool;
    return pool;
  }

  async headSeq(draftId: string): Promise<number> {
    const rows: Pick<Selectable<CollabDocument>, 'head_seq'>[] = await this.db.query(`SELECT head_seq FROM collab_document WHERE draft_id = $1`, [draftId]);
    return rows[0] ? Number(rows[0].head_seq) : 0;
  }

  /** Updates after `seq`, or null when some of them were already folded into the snapshot. */
  async updatesAfter(draftId: string, seq: number): Promise<StoredUpdate[] | null> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const docs: Pick<Selectable<CollabDocument>, 'snapshot_seq'>[] = await m.query(`SELECT snapshot_seq FROM collab_document WHERE draft_id = $1`, [draftId]);
      if (!docs[0] || Number(docs[0].snapshot_seq) > seq) return null;
      const rows: Pick<Selectable<CollabUpdate>, 'seq' | 'update'>[] = await m.query(
        `SELECT seq, update FROM collab_update WHERE draft_id = $1 AND seq > $2 ORDER BY seq`,
        [draftId, seq],
      );
      return rows.map(toUpdate);
    });
  }

  /** Records that the tables hold every batch up to `seq` (never moving the mark back). */
  async markProjected(draftId: string, seq: number): Promise<void> {
    await this.db.query(`UPDATE collab_document SET projected_seq = $2 WHERE draft_id = $1 AND projected_seq < $2 AND head_seq >= $2`, [draftId, seq]);
  }

  /**
   * Drafts still being negotiated that have no live document yet (made before this server kept one
   * ready, or by the seed), newest first. An adopted draft's document is made if anyone opens it.
   */
  async withoutDocument(): Promise<string[]> {
    const db = kysely(this.db.manager);
    const rows = await db
      .selectFrom('draft as d')
      .leftJoin('draft_workflow as w', 'w.draft_id', 'd.id')
      .select('d.id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('collab_document as c').select('c.draft_id').whereRef('c.draft_id', '=', 'd.id'))))
      .where((eb) => eb.or([eb('w.phase', 'is', null), eb('w.phase', '!=', 'adopted')]))
      .orderBy('d.created_at', 'desc')
      .execute();
    return rows.map((r) => r.id);
  }

  async exists(draftId: string): Promise<boolean> {
    return (await kysely(this.db.manager).selectFrom('collab_document').select('draft_id').where('draft_id', '=', draftId).executeTakeFirst()) !== undefined;
  }

  /** Drafts whose stored document holds batches the tables may lack (a crash came between a commit and its projection). */
  async behindProjection(): Promise<{ draftId: string; committeeId: string }[]> {
    return this.db.query(
      `SELECT c.draft_id AS "draftId", d.committee_id AS "committeeId"
         FROM collab_document c JOIN draft d ON d.id = c.draft_id WHERE c.head_seq > c.projected_seq ORDER BY c.updated_at DESC`,
    );
  }

  /** Takes the draft's store lock: batches wait until the transaction ends. */
  async lockStore(m: EntityManager, draftId: string): Promise<void> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM collab_document WHERE draft_id = $1 FOR UPDATE`, [draftId]);
    if (rows.length === 0) throw new Error(`collab_document for draft ${draftId} is missing`);
  }

  /**
   * Replaces the snapshot with one holding every batch up to `upToSeq` (unless one as far along is
   * there already) and deletes those batches' rows. The rows go first: no batch touches them, while
   * the document row is updated by every batch, so it is locked only from the last statement to the
   * commit. Returns how many rows were deleted.
   */
  async replaceSnapshot(m: EntityManager, draftId: string, snapshot: Uint8Array, upToSeq: number): Promise<number> {
    const deleted: [unknown[], number] = await m.query(`DELETE FROM collab_update WHERE draft_id = $1 AND seq <= $2`, [draftId, upToSeq]);
    await m.query(`UPDATE collab_document SET snapshot = $2, snapshot_seq = $3, compacted_at = now() WHERE draft_id = $1 AND snapshot_seq < $3`, [
      draftId,
      Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength),
      upToSeq,
    ]);
    return deleted[1];
  }
}

const APPEND_BATCH = `WITH ended AS (
    SELECT x AS id FROM unnest($9::uuid[]) AS x
     WHERE NOT EXISTS (SELECT 1 FROM auth_session a JOIN app_user u ON u.id = a.user_id
                        WHERE a.id = x AND a.ended_at IS NULL AND a.expires_at > now() AND NOT u.disabled)
  ), s AS (
    UPDATE collab_document SET head_seq = head_seq + 1, updated_at = now()
     WHERE draft_id = $1 AND NOT EXISTS (SELECT 1 FROM ended) RETURNING head_seq
  ), c AS (
    INSERT INTO collab_bracket (amendment_id, draft_id, paragraph_id, created_by, delegation_id)
    SELECT a, $1, p, u, d FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[]) AS x(a, p, u, d)
     WHERE NOT EXISTS (SELECT 1 FROM ended)
    ON CONFLICT (amendment_id) DO NOTHING
  ), i AS (
    INSERT INTO collab_update (draft_id, seq, update, user_ids, instance)
    SELECT $1, head_seq, $2, $3, $4 FROM s RETURNING seq
  )
  SELECT (SELECT seq FROM i) AS seq, (SELECT array_agg(id::text) FROM ended) AS ended`;
