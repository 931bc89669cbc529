import { Injectable } from '@nestjs/common';
import type { DraftPhase, DraftView, VersionClassification } from '@omnibus/shared';
import type { InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely } from '../database/kysely';

/** A published version with who published it; typed by the generated schema types. */
const selectVersions = (m: EntityManager) =>
  kysely(m)
    .selectFrom('draft_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.published_by')
    .select(['v.id', 'v.draft_id as draftId', 'v.number', 'v.name', 'v.symbol', 'v.phase', 'v.classification',
      'v.published_at as publishedAt', 'u.username as publishedBy']);

export type VersionRow = InferResult<ReturnType<typeof selectVersions>>[number];

/** Published versions: written once, read forever (a trigger refuses any update or delete). */
@Injectable()
export class VersionsRepository {
  async list(m: EntityManager, draftId: string): Promise<VersionRow[]> {
    return selectVersions(m).where('v.draft_id', '=', draftId).orderBy('v.number').execute();
  }

  async find(m: EntityManager, id: string): Promise<VersionRow | null> {
    return (await selectVersions(m).where('v.id', '=', id).executeTakeFirst()) ?? null;
  }

  async snapshot(m: EntityManager, id: string): Promise<DraftView | null> {
    const row = await kysely(m).selectFrom('draft_version').select('snapshot').where('id', '=', id).executeTakeFirst();
    return row?.snapshot ?? null;
  }

  async taken(m: EntityManager, draftId: string): Promise<{ count: number; names: string[]; symbols: string[] }> {
    const rows = await kysely(m).selectFrom('draft_version').select(['name', 'symbol']).where('draft_id', '=', draftId).execute();
    return { count: rows.length, names: rows.map((r) => r.name), symbols: rows.map((r) => r.symbol) };
  }

  async insert(
    m: EntityManager,
    v: { draftId: string; number: number; name: string; symbol: string; phase: DraftPhase; classification: VersionClassification; snapshot: DraftView; publishedBy: string },
  ): Promise<string> {
    const row = await kysely(m)
      .insertInto('draft_version')
      .values({
        draft_id: v.draftId,
        number: v.number,
        name: v.name,
        symbol: v.symbol,
        phase: v.phase,
        classification: JSON.stringify(v.classification),
        snapshot: JSON.stringify(v.snapshot),
        published_by: v.publishedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}
