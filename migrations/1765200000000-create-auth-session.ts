import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions: every token names its session, so signing out, disabling an account or letting
 * a session lapse ends the token on every instance and every open socket. `expires_at` is the
 * expiry of the newest token issued for the session (renewal moves it, never past `max_expires_at`).
 */
export class CreateAuthSession1765200000000 implements MigrationInterface {
  name = 'CreateAuthSession1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE auth_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      max_expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      end_reason varchar(32),
      CONSTRAINT auth_session_expiry CHECK (expires_at <= max_expires_at),
      CONSTRAINT auth_session_ended CHECK ((ended_at IS NULL) = (end_reason IS NULL))
    )`);
    await q.query(`CREATE INDEX auth_session_user ON auth_session (user_id) WHERE ended_at IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_session`);
  }
}
