import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The committee, its people and its draft resolution. Every rule the database can hold itself
 * (roles, kinds, statuses, one target per sponsorship, an append-only audit trail) is a
 * constraint here, so that no code path can write a row the methodology forbids.
 */
export class CreateFoundation1763800000000 implements MigrationInterface {
  name = 'CreateFoundation1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE app_setting (
      key varchar(100) PRIMARY KEY,
      value text NOT NULL
    )`);

    await q.query(`CREATE TABLE committee (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name varchar(200) NOT NULL,
      acronym varchar(20) NOT NULL UNIQUE,
      period varchar(40) NOT NULL,
      time_zone varchar(64) NOT NULL DEFAULT 'America/New_York',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE delegation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
      code varchar(4) NOT NULL CHECK (code ~ '^[A-Z]{2,4}$'),
      name varchar(120) NOT NULL,
      aliases text[] NOT NULL DEFAULT '{}',
      UNIQUE (committee_id, code)
    )`);

    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
      username varchar(64) NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
      display_name varchar(120) NOT NULL,
      password_hash text NOT NULL,
      role varchar(16) NOT NULL CHECK (role IN ('delegate','chair','vice_chair','secretariat','observer')),
      delegation_id uuid REFERENCES delegation(id),
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT delegate_has_delegation CHECK ((role = 'delegate') = (delegation_id IS NOT NULL))
    )`);

    await q.query(`CREATE TABLE thematic_area (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
      number int NOT NULL CHECK (number > 0),
      title varchar(200) NOT NULL,
      UNIQUE (committee_id, number)
    )`);

    await q.query(`CREATE TABLE topic (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
      area_id uuid NOT NULL REFERENCES thematic_area(id),
      key varchar(80) NOT NULL,
      title varchar(300) NOT NULL,
      position int NOT NULL,
      UNIQUE (committee_id, key)
    )`);

    await q.query(`CREATE TABLE inter_american_entity (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
      key varchar(16) NOT NULL,
      name varchar(200) NOT NULL,
      UNIQUE (committee_id, key)
    )`);

    await q.query(`CREATE TABLE draft (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
      title varchar(400) NOT NULL,
      symbol varchar(80) NOT NULL,
      caps jsonb NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE section (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      kind varchar(16) NOT NULL CHECK (kind IN ('preamble','topic','entity','general')),
      key varchar(80) NOT NULL,
      title varchar(300) NOT NULL,
      topic_id uuid REFERENCES topic(id),
      entity_id uuid REFERENCES inter_american_entity(id),
      position int NOT NULL,
      UNIQUE (draft_id, kind, key),
      CONSTRAINT section_target CHECK (
        (kind = 'topic') = (topic_id IS NOT NULL) AND (kind = 'entity') = (entity_id IS NOT NULL)
      )
    )`);

    await q.query(`CREATE TABLE paragraph (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      section_id uuid NOT NULL REFERENCES section(id),
      kind varchar(16) NOT NULL CHECK (kind IN ('preambular','substantive','mandates','reaffirming','follow_up')),
      label varchar(40) NOT NULL,
      origin varchar(16) NOT NULL CHECK (origin IN ('chair','entity','delegation')),
      status varchar(16) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending','approved','held','deferred','deleted','withdrawn')),
      text text NOT NULL DEFAULT '',
      literals jsonb,
      proposer_delegation_id uuid REFERENCES delegation(id),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      UNIQUE (section_id, label),
      CONSTRAINT mandates_shape CHECK ((kind = 'mandates') = (literals IS NOT NULL)),
      CONSTRAINT delegation_paragraph_has_proposer CHECK ((origin = 'delegation') = (proposer_delegation_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX paragraph_draft_idx ON paragraph (draft_id)`);

    await q.query(`CREATE TABLE amendment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
      kind varchar(16) NOT NULL CHECK (kind IN ('insert','delete','replace','alternative')),
      start_offset int NOT NULL CHECK (start_offset >= 0),
      end_offset int NOT NULL,
      text text NOT NULL DEFAULT '',
      alternative_group uuid,
      alternative_number int,
      status varchar(16) NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed','accepted','rejected','withdrawn')),
      proposer_delegation_id uuid NOT NULL REFERENCES delegation(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      CONSTRAINT amendment_range CHECK (end_offset >= start_offset),
      CONSTRAINT insert_is_a_point CHECK (kind <> 'insert' OR end_offset = start_offset),
      CONSTRAINT alternative_grouped CHECK ((kind = 'alternative') = (alternative_group IS NOT NULL AND alternative_number IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX amendment_paragraph_idx ON amendment (paragraph_id)`);

    await q.query(`CREATE TABLE sponsorship (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      paragraph_id uuid REFERENCES paragraph(id) ON DELETE CASCADE,
      amendment_id uuid REFERENCES amendment(id) ON DELETE CASCADE,
      delegation_id uuid NOT NULL REFERENCES delegation(id),
      status varchar(16) NOT NULL CHECK (status IN ('invited','accepted','declined')),
      position int NOT NULL,
      invited_by uuid REFERENCES app_user(id),
      responded_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      responded_at timestamptz,
      CONSTRAINT one_target CHECK ((paragraph_id IS NULL) <> (amendment_id IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX sponsorship_paragraph_uq ON sponsorship (paragraph_id, delegation_id) WHERE paragraph_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX sponsorship_amendment_uq ON sponsorship (amendment_id, delegation_id) WHERE amendment_id IS NOT NULL`);
    await q.query(`CREATE INDEX sponsorship_delegation_idx ON sponsorship (delegation_id, status)`);

    await q.query(`CREATE TABLE audit_event (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      committee_id uuid REFERENCES committee(id) ON DELETE CASCADE,
      draft_id uuid,
      actor_user_id uuid,
      actor_username varchar(64),
      actor_role varchar(16),
      actor_delegation varchar(4),
      action varchar(64) NOT NULL,
      target_type varchar(32) NOT NULL,
      target_id varchar(64),
      before jsonb,
      after jsonb
    )`);
    await q.query(`CREATE INDEX audit_event_draft_idx ON audit_event (draft_id, id)`);
    // The history is evidence: nothing may rewrite or erase it, not even a bug in our code.
    await q.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE sponsorship`);
    await q.query(`DROP TABLE amendment`);
    await q.query(`DROP TABLE paragraph`);
    await q.query(`DROP TABLE section`);
    await q.query(`DROP TABLE draft`);
    await q.query(`DROP TABLE inter_american_entity`);
    await q.query(`DROP TABLE topic`);
    await q.query(`DROP TABLE thematic_area`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE delegation`);
    await q.query(`DROP TABLE committee`);
    await q.query(`DROP TABLE app_setting`);
  }
}
