import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can end a session is announced by PostgreSQL itself, at commit, on the channel
 * `omnibus_session`: a session row changed or removed (payload `s:<session id>`), an account
 * disabled, enabled or removed (`u:<user id>`). Instances listen and forget what they knew of that
 * session, so a write is checked against the database's word without asking it on every keystroke,
 * and an end made anywhere (the API, another instance, SQL typed by hand) reaches every instance.
 */
export class AnnounceSessionChanges1765900000000 implements MigrationInterface {
  name = 'AnnounceSessionChanges1765900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION omnibus_announce_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'auth_session' THEN
          PERFORM pg_notify('omnibus_session', 's:' || OLD.id::text);
        ELSIF TG_OP = 'DELETE' OR OLD.disabled IS DISTINCT FROM NEW.disabled THEN
          PERFORM pg_notify('omnibus_session', 'u:' || OLD.id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER auth_session_announce AFTER UPDATE OR DELETE ON auth_session
      FOR EACH ROW EXECUTE FUNCTION omnibus_announce_session()`);
    await q.query(`CREATE TRIGGER app_user_announce AFTER UPDATE OF disabled OR DELETE ON app_user
      FOR EACH ROW EXECUTE FUNCTION omnibus_announce_session()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER app_user_announce ON app_user`);
    await q.query(`DROP TRIGGER auth_session_announce ON auth_session`);
    await q.query(`DROP FUNCTION omnibus_announce_session()`);
  }
}
