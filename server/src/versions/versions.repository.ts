import { Injectable } from '@nestjs/common';
import type { DraftPhase, DraftView, VersionClassification } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

export interface VersionRow {
  id: string;
  draftId: string;
  number: number;
  name: string;
  symbol: string;
  phase: DraftPhase;
  classification: VersionClassification;
  publishedAt: Date;
  publishedBy: string | null;
}

const COLUMNS = `v.id, v.draft_id AS "draftId", v.number, v.name, v.symbol, v.phase, v.classification,
  v.published_at AS "publishedAt", u.username AS "publishedBy"`;

/** Published versions: written once, read forever (a trigger refuses any update or delete). */
@Injectable()
export class VersionsRepository {
  async list(m: EntityManager, draftId: string): Promise<VersionRow[]> {
    return m.query(`SELECT ${COLUMNS} FROM draft_version v LEFT JOIN app_user u ON u.id = v.published_by WHERE v.draft_id = $1 ORDER BY v.number`, [
      draftId,
    ]);
  }

  async find(m: EntityManager, id: string): Promise<VersionRow | null> {
    const rows: VersionRow[] = await m.query(`SELECT ${COLUMNS} FROM draft_version v LEFT JOIN app_user u ON u.id = v.published_by WHERE v.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async snapshot(m: EntityManager, id: string): Promise<DraftView | null> {
    const rows: { snapshot: DraftView }[] = await m.query(`SELECT snapshot FROM draft_version WHERE id = $1`, [id]);
    return rows[0]?.snapshot ?? null;
  }

  async taken(m: EntityManager, draftId: string): Promise<{ count: number; names: string[]; symbols: string[] }> {
    const rows: { name: string; symbol: string }[] = await m.query(`SELECT name, symbol FROM draft_version WHERE draft_id = $1`, [draftId]);
    return { count: rows.length, names: rows.map((r) => r.name), symbols: rows.map((r) => r.symbol) };
  }

  async insert(
    m: EntityManager,
    v: { draftId: string; number: number; name: string; symbol: string; phase: DraftPhase; classification: VersionClassification; snapshot: DraftView; publishedBy: string },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO draft_version (draft_id, number, name, symbol, phase, classification, snapshot, published_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [v.draftId, v.number, v.name, v.symbol, v.phase, JSON.stringify(v.classification), JSON.stringify(v.snapshot), v.publishedBy],
    );
    return rows[0]!.id;
  }
}
