import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delegation may ask to join the sponsors of another delegation's new paragraph: a sponsorship
 * row in status 'requested', which a sponsor accepts (the delegation becomes a sponsor) or declines.
 */
export class AddSponsorshipRequests1765800000000 implements MigrationInterface {
  name = 'AddSponsorshipRequests1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sponsorship DROP CONSTRAINT sponsorship_status_check`);
    await q.query(`ALTER TABLE sponsorship ADD CONSTRAINT sponsorship_status_check
      CHECK (status IN ('invited','requested','accepted','declined'))`);
    await q.query(`ALTER TABLE sponsorship ADD CONSTRAINT sponsorship_request_paragraph
      CHECK (status <> 'requested' OR paragraph_id IS NOT NULL)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sponsorship WHERE status = 'requested'`);
    await q.query(`ALTER TABLE sponsorship DROP CONSTRAINT sponsorship_request_paragraph`);
    await q.query(`ALTER TABLE sponsorship DROP CONSTRAINT sponsorship_status_check`);
    await q.query(`ALTER TABLE sponsorship ADD CONSTRAINT sponsorship_status_check CHECK (status IN ('invited','accepted','declined'))`);
  }
}
