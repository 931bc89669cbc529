import { Injectable } from '@nestjs/common';
import type { LanguageCode, Literal, TranslationUnitKind } from '@omnibus/shared';
import { sql, type InferResult, type Selection } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { DB } from '../database/db-types';
import { kysely, now } from '../database/kysely';

// Each selection below is of the generated schema types; the row types are what they yield.
const selectLanguages = (m: EntityManager) =>
  kysely(m)
    .selectFrom('draft as d')
    .innerJoin('committee as c', 'c.id', 'd.committee_id')
    .select(['d.id as draftId', 'd.committee_id as committeeId', 'd.original_language as original', 'c.official_languages as official']);
const SOURCE_COLUMNS = ['unit_id as unitId', 'revision', 'text', 'literals'] as const;
const selectTranslations = (m: EntityManager) =>
  kysely(m)
    .selectFrom('translation as t')
    .leftJoin('app_user as u', 'u.id', 't.updated_by')
    .select(['t.unit_id as unitId', 't.unit_kind as unitKind', 't.lang', 't.text', 't.literals', 't.based_on as basedOn',
      'u.username as updatedBy', 't.updated_at as updatedAt']);

export type DraftLanguageRow = InferResult<ReturnType<typeof selectLanguages>>[number];
export type SourceRow = Selection<DB, 'translation_source', (typeof SOURCE_COLUMNS)[number]>;
export type TranslationRow = InferResult<ReturnType<typeof selectTranslations>>[number];

const literalsParam = (literals: Literal[] | null): string | null => (literals === null ? null : JSON.stringify(literals));

/** All SQL about languages, the originals' revisions and the translations. */
@Injectable()
export class TranslationsRepository {
  constructor(private readonly db: DataSource) {}

  async draftLanguages(draftId: string, m: EntityManager = this.db.manager): Promise<DraftLanguageRow | null> {
    return (await selectLanguages(m).where('d.id', '=', draftId).executeTakeFirst()) ?? null;
  }

  async lockDraftLanguages(m: EntityManager, draftId: string): Promise<DraftLanguageRow | null> {
    return (await selectLanguages(m).where('d.id', '=', draftId).forUpdate('d').executeTakeFirst()) ?? null;
  }

  async setDraftOriginal(m: EntityManager, draftId: string, original: LanguageCode): Promise<void> {
    await kysely(m).updateTable('draft').set({ original_language: original }).where('id', '=', draftId).execute();
  }

  async committeeLanguages(committeeId: string, m: EntityManager = this.db.manager): Promise<LanguageCode[] | null> {
    const row = await kysely(m).selectFrom('committee').select('official_languages as official').where('id', '=', committeeId).forUpdate().executeTakeFirst();
    return row?.official ?? null;
  }

  async setCommitteeLanguages(m: EntityManager, committeeId: string, official: readonly LanguageCode[]): Promise<void> {
    await kysely(m).updateTable('committee').set({ official_languages: [...official] }).where('id', '=', committeeId).execute();
  }

  /** Original languages of the committee's drafts that the new list would leave out. */
  async originalsOutside(m: EntityManager, committeeId: string, official: readonly LanguageCode[]): Promise<{ symbol: string; original: string }[]> {
    return kysely(m)
      .selectFrom('draft')
      .select(['symbol', 'original_language as original'])
      .where('committee_id', '=', committeeId)
      .where(sql<boolean>`NOT (original_language = ANY (${[...official]}::text[]))`)
      .execute();
  }

  /** The newest recorded text of each unit of a draft. */
  async latestSources(draftId: string, m: EntityManager = this.db.manager): Promise<Map<string, SourceRow>> {
    const rows = await kysely(m)
      .selectFrom('translation_source')
      .distinctOn('unit_id')
      .select(SOURCE_COLUMNS)
      .where('draft_id', '=', draftId)
      .orderBy('unit_id')
      .orderBy('revision', 'desc')
      .execute();
    return new Map(rows.map((r) => [r.unitId, r]));
  }

  async source(unitId: string, revision: number, m: EntityManager = this.db.manager): Promise<SourceRow | null> {
    const row = await kysely(m).selectFrom('translation_source').select(SOURCE_COLUMNS).where('unit_id', '=', unitId).where('revision', '=', revision).executeTakeFirst();
    return row ?? null;
  }

  /** The texts of the given revisions (unit id → revision → row), for the redlines of outdated translations. */
  async sources(pairs: readonly { unitId: string; revision: number }[], m: EntityManager = this.db.manager): Promise<Map<string, SourceRow>> {
    if (pairs.length === 0) return new Map();
    // A join on unnest() of the pairs: one statement however many are asked.
    const { rows } = await sql<SourceRow>`SELECT s.unit_id AS "unitId", s.revision, s.text, s.literals
         FROM translation_source s JOIN unnest(${pairs.map((p) => p.unitId)}::uuid[], ${pairs.map((p) => p.revision)}::int[]) AS p(unit_id, revision) USING (unit_id, revision)`.execute(kysely(m));
    return new Map(rows.map((r) => [`${r.unitId}:${r.revision}`, r]));
  }

  async insertSources(
    m: EntityManager,
    draftId: string,
    rows: readonly { unitId: string; unitKind: TranslationUnitKind; revision: number; text: string; literals: Literal[] | null }[],
  ): Promise<void> {
    for (const r of rows) {
      await kysely(m)
        .insertInto('translation_source')
        .values({ unit_id: r.unitId, revision: r.revision, draft_id: draftId, unit_kind: r.unitKind, text: r.text, literals: literalsParam(r.literals) })
        .execute();
    }
  }

  /** Serialises the recording of new revisions of one draft's originals. */
  async lockSources(m: EntityManager, draftId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext('translation_source'), hashtext(${draftId}))`.execute(kysely(m));
  }

  async translations(draftId: string, lang: LanguageCode | null, m: EntityManager = this.db.manager): Promise<TranslationRow[]> {
    let query = selectTranslations(m).where('t.draft_id', '=', draftId);
    if (lang !== null) query = query.where('t.lang', '=', lang);
    return query.execute();
  }

  async translationsOfUnits(unitIds: readonly string[], m: EntityManager = this.db.manager): Promise<TranslationRow[]> {
    if (unitIds.length === 0) return [];
    return selectTranslations(m).where('t.unit_id', '=', sql<string>`ANY (${[...unitIds]}::uuid[])`).execute();
  }

  async translation(m: EntityManager, unitId: string, lang: LanguageCode): Promise<TranslationRow | null> {
    return (await selectTranslations(m).where('t.unit_id', '=', unitId).where('t.lang', '=', lang).executeTakeFirst()) ?? null;
  }

  async upsert(
    m: EntityManager,
    t: { unitId: string; unitKind: TranslationUnitKind; draftId: string; lang: LanguageCode; text: string; literals: Literal[] | null; basedOn: number; userId: string },
  ): Promise<void> {
    await kysely(m)
      .insertInto('translation')
      .values({
        unit_id: t.unitId,
        lang: t.lang,
        draft_id: t.draftId,
        unit_kind: t.unitKind,
        text: t.text,
        literals: literalsParam(t.literals),
        based_on: t.basedOn,
        updated_by: t.userId,
        updated_at: now(),
      })
      .onConflict((oc) =>
        oc.columns(['unit_id', 'lang']).doUpdateSet((eb) => ({
          text: eb.ref('excluded.text'),
          literals: eb.ref('excluded.literals'),
          based_on: eb.ref('excluded.based_on'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /** Locks the unit's row (paragraph or amendment) and tells which draft and paragraph it belongs to. */
  async lockUnit(m: EntityManager, kind: TranslationUnitKind, unitId: string): Promise<{ draftId: string; paragraphId: string } | null> {
    const row =
      kind === 'paragraph'
        ? await kysely(m).selectFrom('paragraph').select(['draft_id as draftId', 'id as paragraphId']).where('id', '=', unitId).forUpdate().executeTakeFirst()
        : await kysely(m).selectFrom('amendment').select(['draft_id as draftId', 'paragraph_id as paragraphId']).where('id', '=', unitId).forUpdate().executeTakeFirst();
    return row ?? null;
  }

  async hasTranslations(unitIds: readonly string[], m: EntityManager = this.db.manager): Promise<boolean> {
    const row = await kysely(m).selectFrom('translation').select((eb) => eb.lit(1).as('one')).where('unit_id', '=', sql<string>`ANY (${[...unitIds]}::uuid[])`).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async draftHasTranslations(draftId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const row = await kysely(m).selectFrom('translation').select((eb) => eb.lit(1).as('one')).where('draft_id', '=', draftId).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async amendmentIdsOf(paragraphIds: readonly string[]): Promise<string[]> {
    if (paragraphIds.length === 0) return [];
    const rows = await kysely(this.db.manager).selectFrom('amendment').select('id').where('paragraph_id', '=', sql<string>`ANY (${[...paragraphIds]}::uuid[])`).execute();
    return rows.map((r) => r.id);
  }
}
