import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far the paragraph and amendment rows reflect each draft's stored co-editing document: every
 * batch up to `projected_seq` is in the rows. A batch raises `head_seq` in its own statement, so a
 * draft whose `head_seq` is ahead holds acknowledged text the rows may lack (a crash between a
 * commit and its projection); the server projects such drafts when it starts. Existing documents
 * start at 0, so the first start after this migration checks each of them once.
 */
export class AddCollabProjectedSeq1765100000000 implements MigrationInterface {
  name = 'AddCollabProjectedSeq1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collab_document ADD COLUMN projected_seq bigint NOT NULL DEFAULT 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collab_document DROP COLUMN projected_seq`);
  }
}
