import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The real-time document of each draft: a snapshot plus the append-only Yjs updates written since
 * (in batches, numbered per draft so an instance can tell it missed one), who created each live
 * bracket, and what the projection last agreed with the database about each paragraph.
 */
export class CreateCollabDocuments1764000000000 implements MigrationInterface {
  name = 'CreateCollabDocuments1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    // The row is also the per-draft store lock: every flush and compaction takes it FOR UPDATE.
    await q.query(`CREATE TABLE collab_document (
      draft_id uuid PRIMARY KEY REFERENCES draft(id) ON DELETE CASCADE,
      snapshot bytea,
      snapshot_seq bigint NOT NULL DEFAULT 0,
      head_seq bigint NOT NULL DEFAULT 0,
      compacted_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT collab_document_seq CHECK (snapshot_seq <= head_seq)
    )`);

    await q.query(`CREATE TABLE collab_update (
      id bigserial PRIMARY KEY,
      draft_id uuid NOT NULL REFERENCES collab_document(draft_id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      update bytea NOT NULL CHECK (octet_length(update) > 0),
      user_ids uuid[] NOT NULL DEFAULT '{}',
      instance varchar(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (draft_id, seq)
    )`);

    await q.query(`CREATE TABLE collab_bracket (
      amendment_id uuid PRIMARY KEY,
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      paragraph_id uuid NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
      created_by uuid NOT NULL REFERENCES app_user(id),
      delegation_id uuid NOT NULL REFERENCES delegation(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE collab_projection (
      paragraph_id uuid PRIMARY KEY REFERENCES paragraph(id) ON DELETE CASCADE,
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      fingerprint text NOT NULL,
      ancestor jsonb NOT NULL,
      rev int NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX collab_projection_draft_idx ON collab_projection (draft_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collab_projection`);
    await q.query(`DROP TABLE collab_bracket`);
    await q.query(`DROP TABLE collab_update`);
    await q.query(`DROP TABLE collab_document`);
  }
}
