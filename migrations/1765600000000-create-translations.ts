import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parallel language versions: the committee's official languages, each draft's original language,
 * the original text of every translatable unit per revision (so an outdated translation can show
 * what changed since it was made), the translations themselves, and the translator role.
 */
export class CreateTranslations1765600000000 implements MigrationInterface {
  name = 'CreateTranslations1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    const known = `ARRAY['en','es','fr','pt','ar','zh','ru']::text[]`;
    await q.query(`ALTER TABLE committee ADD COLUMN official_languages text[] NOT NULL DEFAULT '{en,es,fr,pt}'
      CONSTRAINT committee_official_languages CHECK (cardinality(official_languages) > 0 AND official_languages <@ ${known})`);
    await q.query(`ALTER TABLE draft ADD COLUMN original_language varchar(8) NOT NULL DEFAULT 'en'
      CONSTRAINT draft_original_language CHECK (original_language = ANY (${known}))`);

    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
      CHECK (role IN ('delegate','chair','vice_chair','secretariat','observer','translator'))`);

    // One row per text the original of a unit has had; revision 1 is the first text observed.
    await q.query(`CREATE TABLE translation_source (
      unit_id uuid NOT NULL,
      revision int NOT NULL CHECK (revision > 0),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      unit_kind varchar(16) NOT NULL CHECK (unit_kind IN ('paragraph','amendment')),
      text text NOT NULL,
      literals jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (unit_id, revision)
    )`);
    await q.query(`CREATE INDEX translation_source_draft ON translation_source (draft_id)`);

    await q.query(`CREATE TABLE translation (
      unit_id uuid NOT NULL,
      lang varchar(8) NOT NULL CHECK (lang = ANY (${known})),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      unit_kind varchar(16) NOT NULL CHECK (unit_kind IN ('paragraph','amendment')),
      text text NOT NULL,
      literals jsonb,
      based_on int NOT NULL,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (unit_id, lang),
      FOREIGN KEY (unit_id, based_on) REFERENCES translation_source (unit_id, revision)
    )`);
    await q.query(`CREATE INDEX translation_draft ON translation (draft_id, lang)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE translation`);
    await q.query(`DROP TABLE translation_source`);
    await q.query(`DELETE FROM app_user WHERE role = 'translator'`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
      CHECK (role IN ('delegate','chair','vice_chair','secretariat','observer'))`);
    await q.query(`ALTER TABLE draft DROP COLUMN original_language`);
    await q.query(`ALTER TABLE committee DROP COLUMN official_languages`);
  }
}
