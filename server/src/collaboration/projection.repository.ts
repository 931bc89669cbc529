import { Injectable } from '@nestjs/common';
import type { ParagraphStatus } from '@omnibus/shared';
import { EntityManager } from 'typeorm';
import type { AmendmentRecord } from '../amendments/amendments.repository';
import type { AmendmentRow } from '../drafts/drafts.repository';
import type { Ancestor } from './paragraph-source';

export interface ProjectionRow {
  paragraphId: string;
  fingerprint: string;
  /** Null only in a row written before the paragraph's first reconciliation. */
  ancestor: Ancestor | null;
  rev: number;
}

/**
 * What identifies a paragraph's state in the database: its version, each amendment's version and
 * status, each sponsorship's status. Any change made through the API changes it.
 */
const FINGERPRINT = `md5(p.version::text || '|' ||
  coalesce((SELECT string_agg(a.id::text || ':' || a.version || ':' || a.status, ',' ORDER BY a.id) FROM amendment a WHERE a.paragraph_id = p.id), '') || '|' ||
  coalesce((SELECT string_agg(s.id::text || ':' || s.status, ',' ORDER BY s.id) FROM sponsorship s
             WHERE s.paragraph_id = p.id OR s.amendment_id IN (SELECT a2.id FROM amendment a2 WHERE a2.paragraph_id = p.id)), ''))`;

/** SQL of the projection between the live document and the paragraph and amendment tables. */
@Injectable()
export class ProjectionRepository {
  async fingerprints(m: EntityManager, draftId: string, paragraphIds: string[] | null): Promise<Map<string, string>> {
    const rows: { id: string; fp: string }[] = await m.query(
      `SELECT p.id, ${FINGERPRINT} AS fp FROM paragraph p WHERE p.draft_id = $1 AND ($2::uuid[] IS NULL OR p.id = ANY($2))`,
      [draftId, paragraphIds],
    );
    return new Map(rows.map((r) => [r.id, r.fp]));
  }

  /** Serialises everything that writes a paragraph's projection, across instances. */
  async lock(m: EntityManager, paragraphIds: string[]): Promise<Map<string, ProjectionRow>> {
    const rows: ProjectionRow[] = await m.query(
      `SELECT paragraph_id AS "paragraphId", fingerprint, ancestor, rev FROM collab_projection
        WHERE paragraph_id = ANY($1) ORDER BY paragraph_id FOR UPDATE`,
      [paragraphIds],
    );
    return new Map(rows.map((r) => [r.paragraphId, r]));
  }

  /**
   * An agreement row for each paragraph of the draft that has none yet (a paragraph the API just
   * added), agreeing with nothing (empty fingerprint, no ancestor). Written before a REPEATABLE READ
   * reconciliation, so that one only updates rows it locked: inserting one would check the keys of
   * the paragraph and draft rows, which every API change updates, and be refused.
   */
  async ensureRows(m: EntityManager, draftId: string): Promise<void> {
    await m.query(
      `INSERT INTO collab_projection (paragraph_id, draft_id, fingerprint, ancestor, rev)
       SELECT p.id, p.draft_id, '', 'null'::jsonb, 0 FROM paragraph p
        WHERE p.draft_id = $1 AND NOT EXISTS (SELECT 1 FROM collab_projection c WHERE c.paragraph_id = p.id)
       ON CONFLICT (paragraph_id) DO NOTHING`,
      [draftId],
    );
  }

  async saveAll(m: EntityManager, draftId: string, rows: ProjectionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO collab_projection (paragraph_id, draft_id, fingerprint, ancestor, rev)
       SELECT p, $1, f, a, r FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::int[]) AS x(p, f, a, r)
       ON CONFLICT (paragraph_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, ancestor = EXCLUDED.ancestor, rev = EXCLUDED.rev, updated_at = now()`,
      [draftId, rows.map((r) => r.paragraphId), rows.map((r) => r.fingerprint), rows.map((r) => JSON.stringify(r.ancestor)), rows.map((r) => r.rev)],
    );
  }

  /**
   * Holds off every other writer of these paragraphs until the projection commits. NO KEY UPDATE, not
   * UPDATE: rows that only point at a paragraph (a batch's bracket claims, comments) are still
   * inserted meanwhile, as their foreign-key check takes a KEY SHARE lock, which UPDATE would block:
   * a batch proposing a new bracket once waited for a whole projection round (p99 ≤ 250 ms at 50 editors).
   */
  async lockParagraphs(m: EntityManager, ids: string[]): Promise<{ id: string; status: ParagraphStatus; text: string; label: string }[]> {
    return m.query(`SELECT id, status, text, label FROM paragraph WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, [ids]);
  }

  /** Holds off API changes to these paragraphs' amendments and sponsors while the projection compares and writes. */
  async lockAmendmentsAndSponsors(m: EntityManager, paragraphIds: string[]): Promise<void> {
    await m.query(`SELECT id FROM amendment WHERE paragraph_id = ANY($1) ORDER BY id FOR UPDATE`, [paragraphIds]);
    await m.query(
      `SELECT id FROM sponsorship WHERE paragraph_id = ANY($1) OR amendment_id IN (SELECT id FROM amendment WHERE paragraph_id = ANY($1)) ORDER BY id FOR SHARE`,
      [paragraphIds],
    );
  }

  async amendments(m: EntityManager, paragraphIds: string[]): Promise<Pick<AmendmentRow, 'id' | 'paragraphId' | 'kind' | 'start' | 'end' | 'text' | 'status'>[]> {
    return m.query(
      `SELECT id, paragraph_id AS "paragraphId", kind, start_offset AS "start", end_offset AS "end", text, status
         FROM amendment WHERE paragraph_id = ANY($1)`,
      [paragraphIds],
    );
  }

  async claims(m: EntityManager, ids: string[]): Promise<Map<string, { userId: string; delegationId: string }>> {
    const rows: { id: string; userId: string; delegationId: string }[] = await m.query(
      `SELECT amendment_id AS id, created_by AS "userId", delegation_id AS "delegationId" FROM collab_bracket WHERE amendment_id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { userId: r.userId, delegationId: r.delegationId }]));
  }

  async allAmendmentIds(m: EntityManager, draftId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM amendment WHERE draft_id = $1 UNION SELECT amendment_id FROM collab_bracket WHERE draft_id = $1`,
      [draftId],
    );
    return rows.map((r) => r.id);
  }

  async setParagraphTexts(m: EntityManager, changes: { id: string; text: string }[]): Promise<void> {
    if (changes.length === 0) return;
    await m.query(
      `UPDATE paragraph p SET text = x.t, version = p.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS x(id, t) WHERE p.id = x.id`,
      [changes.map((c) => c.id), changes.map((c) => c.text)],
    );
  }

  async insertAmendments(
    m: EntityManager,
    draftId: string,
    rows: (Omit<AmendmentRecord, 'draftId' | 'status' | 'version'> & { createdBy: string })[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    await m.query(
      `INSERT INTO amendment (id, draft_id, paragraph_id, kind, start_offset, end_offset, text, alternative_group, alternative_number,
                              proposer_delegation_id, created_by)
       SELECT id, $1, p, k, s, e, t, g, n, d, u
         FROM unnest($2::uuid[], $3::uuid[], $4::varchar[], $5::int[], $6::int[], $7::text[], $8::uuid[], $9::int[], $10::uuid[], $11::uuid[])
           AS x(id, p, k, s, e, t, g, n, d, u)`,
      [draftId, col('id'), col('paragraphId'), col('kind'), col('start'), col('end'), col('text'), col('alternativeGroup'), col('alternativeNumber'), col('proposerDelegationId'), col('createdBy')],
    );
    await m.query(
      `INSERT INTO sponsorship (draft_id, amendment_id, delegation_id, status, position, invited_by, responded_by, responded_at)
       SELECT $1, a, d, 'accepted', 0, u, u, now() FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS x(a, d, u)`,
      [draftId, col('id'), col('proposerDelegationId'), col('createdBy')],
    );
  }

  async updateAmendments(m: EntityManager, rows: { id: string; start: number; end: number; text: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `UPDATE amendment a SET start_offset = x.s, end_offset = x.e, text = x.t, version = a.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[]) AS x(id, s, e, t) WHERE a.id = x.id`,
      [rows.map((r) => r.id), rows.map((r) => r.start), rows.map((r) => r.end), rows.map((r) => r.text)],
    );
  }
}
