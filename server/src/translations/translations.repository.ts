import { Injectable } from '@nestjs/common';
import type { LanguageCode, Literal, TranslationUnitKind } from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';

export interface SourceRow {
  unitId: string;
  revision: number;
  text: string;
  literals: Literal[] | null;
}

export interface TranslationRow {
  unitId: string;
  unitKind: TranslationUnitKind;
  lang: LanguageCode;
  text: string;
  literals: Literal[] | null;
  basedOn: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface DraftLanguageRow {
  draftId: string;
  committeeId: string;
  original: LanguageCode;
  official: LanguageCode[];
}

const TRANSLATION_COLUMNS = `t.unit_id AS "unitId", t.unit_kind AS "unitKind", t.lang, t.text, t.literals, t.based_on AS "basedOn",
  u.username AS "updatedBy", t.updated_at AS "updatedAt"`;

/** All SQL about languages, the originals' revisions and the translations. */
@Injectable()
export class TranslationsRepository {
  constructor(private readonly db: DataSource) {}

  async draftLanguages(draftId: string, m: EntityManager = this.db.manager): Promise<DraftLanguageRow | null> {
    const rows: DraftLanguageRow[] = await m.query(
      `SELECT d.id AS "draftId", d.committee_id AS "committeeId", d.original_language AS original, c.official_languages AS official
         FROM draft d JOIN committee c ON c.id = d.committee_id WHERE d.id = $1`,
      [draftId],
    );
    return rows[0] ?? null;
  }

  async lockDraftLanguages(m: EntityManager, draftId: string): Promise<DraftLanguageRow | null> {
    const rows: DraftLanguageRow[] = await m.query(
      `SELECT d.id AS "draftId", d.committee_id AS "committeeId", d.original_language AS original, c.official_languages AS official
         FROM draft d JOIN committee c ON c.id = d.committee_id WHERE d.id = $1 FOR UPDATE OF d`,
      [draftId],
    );
    return rows[0] ?? null;
  }

  async setDraftOriginal(m: EntityManager, draftId: string, original: LanguageCode): Promise<void> {
    await m.query(`UPDATE draft SET original_language = $2 WHERE id = $1`, [draftId, original]);
  }

  async committeeLanguages(committeeId: string, m: EntityManager = this.db.manager): Promise<LanguageCode[] | null> {
    const rows: { official: LanguageCode[] }[] = await m.query(`SELECT official_languages AS official FROM committee WHERE id = $1 FOR UPDATE`, [committeeId]);
    return rows[0]?.official ?? null;
  }

  async setCommitteeLanguages(m: EntityManager, committeeId: string, official: readonly LanguageCode[]): Promise<void> {
    await m.query(`UPDATE committee SET official_languages = $2 WHERE id = $1`, [committeeId, official]);
  }

  /** Original languages of the committee's drafts that the new list would leave out. */
  async originalsOutside(m: EntityManager, committeeId: string, official: readonly LanguageCode[]): Promise<{ symbol: string; original: string }[]> {
    return m.query(`SELECT symbol, original_language AS original FROM draft WHERE committee_id = $1 AND NOT (original_language = ANY ($2::text[]))`, [
      committeeId,
      official,
    ]);
  }

  /** The newest recorded text of each unit of a draft. */
  async latestSources(draftId: string, m: EntityManager = this.db.manager): Promise<Map<string, SourceRow>> {
    const rows: SourceRow[] = await m.query(
      `SELECT DISTINCT ON (unit_id) unit_id AS "unitId", revision, text, literals
         FROM translation_source WHERE draft_id = $1 ORDER BY unit_id, revision DESC`,
      [draftId],
    );
    return new Map(rows.map((r) => [r.unitId, r]));
  }

  async source(unitId: string, revision: number, m: EntityManager = this.db.manager): Promise<SourceRow | null> {
    const rows: SourceRow[] = await m.query(
      `SELECT unit_id AS "unitId", revision, text, literals FROM translation_source WHERE unit_id = $1 AND revision = $2`,
      [unitId, revision],
    );
    return rows[0] ?? null;
  }

  /** The texts of the given revisions (unit id → revision → row), for the redlines of outdated translations. */
  async sources(pairs: readonly { unitId: string; revision: number }[], m: EntityManager = this.db.manager): Promise<Map<string, SourceRow>> {
    if (pairs.length === 0) return new Map();
    const rows: SourceRow[] = await m.query(
      `SELECT s.unit_id AS "unitId", s.revision, s.text, s.literals
         FROM translation_source s JOIN unnest($1::uuid[], $2::int[]) AS p(unit_id, revision) USING (unit_id, revision)`,
      [pairs.map((p) => p.unitId), pairs.map((p) => p.revision)],
    );
    return new Map(rows.map((r) => [`${r.unitId}:${r.revision}`, r]));
  }

  async insertSources(
    m: EntityManager,
    draftId: string,
    rows: readonly { unitId: string; unitKind: TranslationUnitKind; revision: number; text: string; literals: Literal[] | null }[],
  ): Promise<void> {
    for (const r of rows) {
      await m.query(
        `INSERT INTO translation_source (unit_id, revision, draft_id, unit_kind, text, literals) VALUES ($1, $2, $3, $4, $5, $6)`,
        [r.unitId, r.revision, draftId, r.unitKind, r.text, r.literals === null ? null : JSON.stringify(r.literals)],
      );
    }
  }

  /** Serialises the recording of new revisions of one draft's originals. */
  async lockSources(m: EntityManager, draftId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('translation_source'), hashtext($1))`, [draftId]);
  }

  async translations(draftId: string, lang: LanguageCode | null, m: EntityManager = this.db.manager): Promise<TranslationRow[]> {
    return m.query(
      `SELECT ${TRANSLATION_COLUMNS} FROM translation t LEFT JOIN app_user u ON u.id = t.updated_by
        WHERE t.draft_id = $1 AND ($2::text IS NULL OR t.lang = $2)`,
      [draftId, lang],
    );
  }

  async translationsOfUnits(unitIds: readonly string[], m: EntityManager = this.db.manager): Promise<TranslationRow[]> {
    if (unitIds.length === 0) return [];
    return m.query(`SELECT ${TRANSLATION_COLUMNS} FROM translation t LEFT JOIN app_user u ON u.id = t.updated_by WHERE t.unit_id = ANY ($1::uuid[])`, [
      unitIds,
    ]);
  }

  async translation(m: EntityManager, unitId: string, lang: LanguageCode): Promise<TranslationRow | null> {
    const rows: TranslationRow[] = await m.query(
      `SELECT ${TRANSLATION_COLUMNS} FROM translation t LEFT JOIN app_user u ON u.id = t.updated_by WHERE t.unit_id = $1 AND t.lang = $2`,
      [unitId, lang],
    );
    return rows[0] ?? null;
  }

  async upsert(
    m: EntityManager,
    t: { unitId: string; unitKind: TranslationUnitKind; draftId: string; lang: LanguageCode; text: string; literals: Literal[] | null; basedOn: number; userId: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO translation (unit_id, lang, draft_id, unit_kind, text, literals, based_on, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (unit_id, lang) DO UPDATE
         SET text = EXCLUDED.text, literals = EXCLUDED.literals, based_on = EXCLUDED.based_on,
             updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [t.unitId, t.lang, t.draftId, t.unitKind, t.text, t.literals === null ? null : JSON.stringify(t.literals), t.basedOn, t.userId],
    );
  }

  /** Locks the unit's row (paragraph or amendment) and tells which draft and paragraph it belongs to. */
  async lockUnit(m: EntityManager, kind: TranslationUnitKind, unitId: string): Promise<{ draftId: string; paragraphId: string } | null> {
    const rows: { draftId: string; paragraphId: string }[] =
      kind === 'paragraph'
        ? await m.query(`SELECT draft_id AS "draftId", id AS "paragraphId" FROM paragraph WHERE id = $1 FOR UPDATE`, [unitId])
        : await m.query(`SELECT draft_id AS "draftId", paragraph_id AS "paragraphId" FROM amendment WHERE id = $1 FOR UPDATE`, [unitId]);
    return rows[0] ?? null;
  }

  async hasTranslations(unitIds: readonly string[], m: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM translation WHERE unit_id = ANY ($1::uuid[]) LIMIT 1`, [unitIds]);
    return rows.length > 0;
  }

  async draftHasTranslations(draftId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM translation WHERE draft_id = $1 LIMIT 1`, [draftId]);
    return rows.length > 0;
  }

  async amendmentIdsOf(paragraphId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM amendment WHERE paragraph_id = $1`, [paragraphId]);
    return rows.map((r) => r.id);
  }
}
