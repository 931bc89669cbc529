import { randomBytes } from 'node:crypto';
import { startServer } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/config';
import { createDataSource, migrate } from '../../server/src/database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';
import { seedDemo } from '../../server/src/seed/demo-seed';
import { readInfo } from '../support/test-database';

async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { adminUrl } = readInfo();
  const name = `omnibus_e_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

describe('starting on an empty database', () => {
  it('applies the migrations and, in production, seeds no demo accounts', async () => {
    const db = await emptyDatabase();
    const server = await startServer(
      loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', OMNIBUS_LOG: 'silent', TOKEN_SECRET: 'x'.repeat(40) }),
    );
    try {
      expect(server.seed).toBeNull();
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const users: { n: number }[] = await server.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
      expect(users[0]!.n).toBe(0);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chair', password: 'demo' }),
      });
      expect(login.status).toBe(401);
    } finally {
      await server.close();
      await db.drop();
    }
  });

  it('seeds the demo committee once, however often it starts', async () => {
    const db = await emptyDatabase();
    const ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    try {
      await migrate(ds);
      const first = await seedDemo(ds);
      const second = await seedDemo(ds);
      expect(first.created).toBe(true);
      expect(second).toMatchObject({ created: false, committeeId: first.committeeId, draftId: first.draftId });
      const counts: { users: number; paragraphs: number }[] = await ds.query(
        `SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM paragraph) AS paragraphs`,
      );
      expect(counts[0]).toEqual({ users: 5 + 35, paragraphs: 12 });
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('can revert every migration, leaving no table behind', async () => {
    const db = await emptyDatabase();
    const ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    try {
      const ran = await migrate(ds);
      expect(ran.length).toBeGreaterThan(0);
      for (let i = 0; i < ran.length; i += 1) await ds.undoLastMigration({ transaction: 'all' });
      const tables: { table_name: string }[] = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      expect(await migrate(ds)).toEqual(ran);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('refuses a TOKEN_SECRET too short to be safe', () => {
    expect(() => loadConfig({ TOKEN_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
  });
});
