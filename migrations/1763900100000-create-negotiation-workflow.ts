import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The negotiation as the work plan runs it: the draft's phase and comment window, published
 * versions (immutable, like the history), comments, the calendar, approval sessions with their
 * queue, decisions and speakers, informal consultations, reservations and silence procedures.
 */
export class CreateNegotiationWorkflow1763900100000 implements MigrationInterface {
  name = 'CreateNegotiationWorkflow1763900100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE draft_workflow (
      draft_id uuid PRIMARY KEY REFERENCES draft(id) ON DELETE CASCADE,
      phase varchar(16) NOT NULL DEFAULT 'drafting'
        CHECK (phase IN ('drafting','comments','revision','negotiation','adopted')),
      comment_deadline timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT comments_have_deadline CHECK (phase <> 'comments' OR comment_deadline IS NOT NULL)
    )`);

    await q.query(`CREATE TABLE draft_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id),
      number int NOT NULL CHECK (number > 0),
      name varchar(120) NOT NULL,
      symbol varchar(80) NOT NULL,
      phase varchar(16) NOT NULL,
      classification jsonb NOT NULL,
      snapshot jsonb NOT NULL,
      published_by uuid REFERENCES app_user(id),
      published_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (draft_id, number),
      UNIQUE (draft_id, name)
    )`);
    // A published version is a document the committee distributed: it never changes afterwards.
    await q.query(`CREATE FUNCTION draft_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'draft_version is immutable once published';
      END $$`);
    await q.query(`CREATE TRIGGER draft_version_no_update BEFORE UPDATE OR DELETE ON draft_version
      FOR EACH ROW EXECUTE FUNCTION draft_version_immutable()`);

    await q.query(`CREATE TABLE paragraph_comment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
      parent_id uuid REFERENCES paragraph_comment(id) ON DELETE CASCADE,
      author_user_id uuid NOT NULL REFERENCES app_user(id),
      author_delegation_id uuid REFERENCES delegation(id),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX paragraph_comment_paragraph_idx ON paragraph_comment (paragraph_id, created_at)`);

    await q.query(`CREATE TABLE calendar_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
      category varchar(16) NOT NULL CHECK (category IN ('meeting','milestone','reminder')),
      kind varchar(24) NOT NULL,
      title varchar(500) NOT NULL,
      starts_at timestamptz,
      ends_at timestamptz,
      start_date date,
      end_date date,
      yearly boolean NOT NULL DEFAULT false,
      location varchar(200),
      tentative boolean NOT NULL DEFAULT false,
      note text,
      agenda jsonb NOT NULL DEFAULT '[]',
      sequence int NOT NULL DEFAULT 0,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT calendar_event_when CHECK (
        (starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at AND start_date IS NULL)
        OR (starts_at IS NULL AND ends_at IS NULL AND start_date IS NOT NULL AND (end_date IS NULL OR end_date >= start_date))
      ),
      CONSTRAINT meeting_kind CHECK (category <> 'meeting' OR kind IN ('regular','special','all_day','event'))
    )`);
    await q.query(`CREATE INDEX calendar_event_committee_idx ON calendar_event (committee_id)`);

    await q.query(`CREATE TABLE calendar_feed (
      user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
      key varchar(64) NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE approval_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      meeting_id uuid NOT NULL REFERENCES calendar_event(id),
      number int NOT NULL CHECK (number > 0),
      status varchar(8) NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
      current_paragraph_id uuid REFERENCES paragraph(id),
      opened_by uuid REFERENCES app_user(id),
      opened_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      closed_by uuid REFERENCES app_user(id),
      closed_at timestamptz,
      minutes jsonb,
      UNIQUE (draft_id, number),
      UNIQUE (draft_id, meeting_id),
      CONSTRAINT closed_has_minutes CHECK ((status = 'closed') = (closed_at IS NOT NULL AND minutes IS NOT NULL))
    )`);
    // One room per draft: a second open session would split the queue and the tally.
    await q.query(`CREATE UNIQUE INDEX approval_session_one_open ON approval_session (draft_id) WHERE status = 'open'`);

    await q.query(`CREATE TABLE session_item (
      session_id uuid NOT NULL REFERENCES approval_session(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
      position int NOT NULL,
      grp varchar(16) NOT NULL CHECK (grp IN ('consensus','amended','new')),
      status varchar(8) NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','called','skipped','decided')),
      is_returning boolean NOT NULL DEFAULT false,
      PRIMARY KEY (session_id, paragraph_id)
    )`);

    await q.query(`CREATE TABLE session_decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES approval_session(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id),
      sequence int NOT NULL,
      decision varchar(24) NOT NULL CHECK (decision IN ('approved','approved_as_amended','held','deferred','deleted')),
      section_key varchar(80) NOT NULL,
      label varchar(40) NOT NULL,
      text_before text NOT NULL,
      agreed_text text,
      lead_delegation_id uuid REFERENCES delegation(id),
      note text,
      tally jsonb NOT NULL,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (session_id, sequence),
      CONSTRAINT held_has_lead CHECK ((decision = 'held') = (lead_delegation_id IS NOT NULL))
    )`);

    await q.query(`CREATE TABLE speaker_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL,
      session_id uuid NOT NULL REFERENCES approval_session(id) ON DELETE CASCADE,
      delegation_id uuid NOT NULL REFERENCES delegation(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      paragraph_id uuid REFERENCES paragraph(id),
      status varchar(10) NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','speaking','done','withdrawn','removed')),
      requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    // A delegation is on the list once at a time; racing requests get one place, not two.
    await q.query(`CREATE UNIQUE INDEX speaker_request_one_per_delegation ON speaker_request (session_id, delegation_id)
      WHERE status IN ('waiting','speaking')`);
    await q.query(`CREATE UNIQUE INDEX speaker_request_one_speaking ON speaker_request (session_id) WHERE status = 'speaking'`);

    await q.query(`CREATE TABLE consultation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
      lead_delegation_id uuid NOT NULL REFERENCES delegation(id),
      status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open','ready','returned','concluded')),
      note text,
      opened_in_session uuid REFERENCES approval_session(id),
      returned_in_session uuid REFERENCES approval_session(id),
      opened_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE UNIQUE INDEX consultation_one_active ON consultation (paragraph_id) WHERE status <> 'concluded'`);

    await q.query(`CREATE TABLE reservation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
      delegation_id uuid NOT NULL REFERENCES delegation(id),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (paragraph_id, delegation_id)
    )`);
    await q.query(`CREATE INDEX reservation_draft_idx ON reservation (draft_id)`);

    await q.query(`CREATE TABLE silence_procedure (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      note text,
      deadline timestamptz NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'open' CHECK (status IN ('open','adopted','broken')),
      started_by uuid REFERENCES app_user(id),
      started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      concluded_at timestamptz,
      CONSTRAINT concluded_when_not_open CHECK ((status = 'open') = (concluded_at IS NULL))
    )`);
    await q.query(`CREATE INDEX silence_procedure_open_idx ON silence_procedure (deadline) WHERE status = 'open'`);
    await q.query(`CREATE TABLE silence_item (
      procedure_id uuid NOT NULL REFERENCES silence_procedure(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
      position int NOT NULL,
      text text NOT NULL,
      accepted_amendment_ids uuid[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (procedure_id, paragraph_id)
    )`);
    await q.query(`CREATE TABLE silence_objection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      procedure_id uuid NOT NULL REFERENCES silence_procedure(id) ON DELETE CASCADE,
      delegation_id uuid NOT NULL REFERENCES delegation(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (procedure_id, delegation_id)
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE silence_objection`);
    await q.query(`DROP TABLE silence_item`);
    await q.query(`DROP TABLE silence_procedure`);
    await q.query(`DROP TABLE reservation`);
    await q.query(`DROP TABLE consultation`);
    await q.query(`DROP TABLE speaker_request`);
    await q.query(`DROP TABLE session_decision`);
    await q.query(`DROP TABLE session_item`);
    await q.query(`DROP TABLE approval_session`);
    await q.query(`DROP TABLE calendar_feed`);
    await q.query(`DROP TABLE calendar_event`);
    await q.query(`DROP TABLE paragraph_comment`);
    await q.query(`DROP TABLE draft_version`);
    await q.query(`DROP FUNCTION draft_version_immutable()`);
    await q.query(`DROP TABLE draft_workflow`);
  }
}
