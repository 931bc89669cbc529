import { randomBytes } from 'node:crypto';
import { startServer } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/config';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';
import { seedSampleDraft } from '../../test/documents/sample-in-db';
import { locateServer } from '../../test/support/test-database';
import type { TestServer } from '../../test/support/test-server';

export type HttpTimes = { ok: true; times: number[]; bytes: number } | { ok: false; reason: string };

/**
 * A real server on a scratch PostgreSQL database (migrated, demo seeded, the 130-paragraph draft
 * written in), and the DOCX export of its compilation text fetched `runs` times over HTTP.
 */
export async function httpExportTimes(runs: number): Promise<HttpTimes> {
  const found = await locateServer().catch(() => null);
  if (!found) return { ok: false, reason: 'no PostgreSQL answers on TEST_DATABASE_URL, DATABASE_URL or 127.0.0.1:5432' };
  const name = `omnibus_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(found.adminUrl, name);
  const server = await startServer(loadConfig({ ...process.env, DATABASE_URL: withDatabase(found.adminUrl, name), PORT: '0', HOST: '127.0.0.1', OMNIBUS_LOG: 'silent' }));
  try {
    const api: TestServer['api'] = async (method, urlPath, options = {}) => {
      const res = await fetch(`${server.url}${urlPath}`, {
        method,
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      return { status: res.status, body: await res.json(), headers: res.headers };
    };
    const login = await api('POST', '/api/auth/login', { body: { username: 'secretariat', password: 'demo' } });
    const token = login.body.token as string;
    const t = { server, url: server.url, databaseUrl: '', api, login: async () => token, close: async () => undefined } as TestServer;
    const draftId = await seedSampleDraft(t, token, 'CP/CSH/9999/22 rev. 1');
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/drafts/${draftId}/export/compilation?format=docx`, { headers: { authorization: `Bearer ${token}` } });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`export answered ${res.status}: ${body.toString().slice(0, 200)}`);
      if (i >= 3) times.push(performance.now() - t0);
      bytes = body.length;
    }
    return { ok: true, times, bytes };
  } finally {
    await server.close();
    await dropDatabase(found.adminUrl, name);
  }
}
