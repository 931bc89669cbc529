import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Yjs client ids leased to pages. Yjs keeps every client id that ever wrote a document and every
 * transaction walks them all, so a page that asks is given an id of its own account's that no page
 * holds (one whose last page left cleanly, or was away longer than the lease) instead of a new one.
 * A row is one id of one draft: the account it belongs to for good (none: the server's own, under
 * which a room merges API changes), the page (`page_key`, random per Y.Doc; per opening for a room)
 * that holds it, and until when; a page that comes back with changes under an id given since to
 * another page is refused. Rows are never deleted while the draft exists: the id stays its account's.
 */
export class CreateCollabWriters1765900000000 implements MigrationInterface {
  name = 'CreateCollabWriters1765900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE collab_writer (
      draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
      client_id bigint NOT NULL,
      user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
      page_key varchar(64) NOT NULL,
      held_until timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (draft_id, client_id),
      CONSTRAINT collab_writer_client_id CHECK (client_id BETWEEN 1 AND 4294967295)
    )`);
    await q.query(`CREATE INDEX collab_writer_user ON collab_writer (draft_id, user_id, held_until)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collab_writer`);
  }
}
