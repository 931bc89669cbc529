import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * What a page asked for and was given: the id it writes under, or none because another page of the
 * account holds it now. `after`: the id wrote before; the draft's batches up to this one hold all of it.
 */
export type WriterLease = { clientId: number; after?: number } | { lapsed: number };

export interface HeldWriter {
  draftId: string;
  clientId: number;
  key: string;
}

/** New ids are drawn until one is free; the table holds far fewer than 2^32, so a second draw is already rare. */
const DRAWS = 8;

/**
 * Yjs client ids leased to pages (`collab_writer`). Yjs keeps every id that ever wrote a document
 * and every transaction walks them all (twice), so a draft that gained one per page load grew slower
 * with every visit (`npm run bench:apply`: 0.02 ms a keystroke new, 0.45 at 2,000 ids, 5 at 5,000).
 * A page that asks is given an id of its own account's that no other page holds; only when there is
 * none is a new one drawn.
 *
 * An id is safe to hand to another page only once every change written under it is in the document
 * that page is synced from. So an id is held by one page (a key drawn per Y.Doc) at a time: while it
 * is connected (renewed), and after it left without closing for `leaseMs` (it may come back with what
 * it typed offline); a page that closes cleanly gives its id back once its last change is stored.
 * The new holder sets the id after applying the server's document, so its first change continues the
 * old holder's clock. A page that comes back with changes under an id given away since is refused
 * (`writer_lapsed`) and starts again from the server's document.
 */
@Injectable()
export class CollabWritersRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * `wanted`: the id the page's document already wrote under (it reconnects): kept if this page holds
   * it or held it last, or if nobody ever leased it (a page from before leases, or one whose lease was
   * not answered in time); `lapsed` when another page holds it. Without `wanted`: an id of the
   * account's that no page holds, else a new one for which `taken` is false (ids already in the
   * document: the server's, the builder's, pages' from before leases). `userId` null: the server's own
   * ids, which its rooms merge API changes under.
   */
  async lease(draftId: string, userId: string | null, key: string, wanted: number | undefined, leaseMs: number, taken: (id: number) => boolean): Promise<WriterLease> {
    if (wanted !== undefined) {
      const rows: { client_id: string }[] = await this.db.query(
        `INSERT INTO collab_writer (draft_id, client_id, user_id, page_key, held_until) VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')
         ON CONFLICT (draft_id, client_id) DO UPDATE SET held_until = EXCLUDED.held_until
          WHERE collab_writer.page_key = EXCLUDED.page_key AND collab_writer.user_id IS NOT DISTINCT FROM EXCLUDED.user_id
         RETURNING client_id`,
        [draftId, wanted, userId, key, leaseMs],
      );
      return rows.length > 0 ? { clientId: wanted } : { lapsed: wanted };
    }
    // TypeORM answers an UPDATE with its rows and their count.
    const [reused]: [{ client_id: string; head_seq: string | null }[], number] = await this.db.query(
      `WITH free AS (
         SELECT client_id FROM collab_writer WHERE draft_id = $1 AND user_id IS NOT DISTINCT FROM $2::uuid AND held_until < now()
          ORDER BY client_id LIMIT 1 FOR UPDATE SKIP LOCKED
       )
       UPDATE collab_writer w SET page_key = $3, held_until = now() + $4 * interval '1 millisecond'
         FROM free WHERE w.draft_id = $1 AND w.client_id = free.client_id
       RETURNING w.client_id, (SELECT head_seq FROM collab_document WHERE draft_id = $1) AS head_seq`,
      [draftId, userId, key, leaseMs],
    );
    if (reused[0]) return { clientId: Number(reused[0].client_id), after: Number(reused[0].head_seq ?? 0) };
    for (let i = 0; i < DRAWS; i += 1) {
      const id = randomInt(1, 2 ** 32 - 1);
      if (taken(id)) continue;
      const rows: unknown[] = await this.db.query(
        `INSERT INTO collab_writer (draft_id, client_id, user_id, page_key, held_until) VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')
         ON CONFLICT (draft_id, client_id) DO NOTHING RETURNING client_id`,
        [draftId, id, userId, key, leaseMs],
      );
      if (rows.length > 0) return { clientId: id };
    }
    throw new Error(`no free Yjs client id found for draft ${draftId} in ${DRAWS} draws`);
  }

  /** The page left: its id is free after `afterMs` (0 once it closed cleanly and its last change is stored). Nothing if another page holds it now. */
  async release(w: HeldWriter, afterMs: number): Promise<void> {
    await this.db.query(
      `UPDATE collab_writer SET held_until = now() + $4 * interval '1 millisecond' WHERE draft_id = $1 AND client_id = $2 AND page_key = $3`,
      [w.draftId, w.clientId, w.key, afterMs],
    );
  }

  /** Connected pages keep their ids: each held for `leaseMs` more. */
  async renew(held: HeldWriter[], leaseMs: number): Promise<void> {
    if (held.length === 0) return;
    await this.db.query(
      `UPDATE collab_writer w SET held_until = now() + $4 * interval '1 millisecond'
         FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS h(draft_id, client_id, page_key)
        WHERE w.draft_id = h.draft_id AND w.client_id = h.client_id AND w.page_key = h.page_key`,
      [held.map((h) => h.draftId), held.map((h) => h.clientId), held.map((h) => h.key), leaseMs],
    );
  }
}
