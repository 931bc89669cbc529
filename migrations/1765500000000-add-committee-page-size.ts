import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The paper a committee's documents are printed on. OAS documents issued in Washington are US
 * Letter, so Letter is the default; a committee elsewhere sets A4.
 */
export class AddCommitteePageSize1765500000000 implements MigrationInterface {
  name = 'AddCommitteePageSize1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE committee ADD COLUMN page_size varchar(8) NOT NULL DEFAULT 'letter' CHECK (page_size IN ('letter', 'a4'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE committee DROP COLUMN page_size`);
  }
}
