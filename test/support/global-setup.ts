import './resolve-shared';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDataSource, migrate } from '../../server/src/database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';
import { startEmbeddedPostgres } from '../../server/src/database/embedded-postgres';
import { seedDemo } from '../../server/src/seed/demo-seed';
import { INFO_FILE, TestDatabaseInfo, locateServer } from './test-database';

declare global {
  var __omnibusStopEmbedded: (() => Promise<void>) | undefined;
}

/**
 * Runs once per `jest` run: finds PostgreSQL (or, outside CI, starts an embedded one), and builds a
 * template database with every migration applied and the demo committee seeded. Each test file then
 * copies the template, which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.OMNIBUS_TEST_DB) return;
  const t0 = Date.now();
  let found = await locateServer();
  let info: TestDatabaseInfo;
  const template = `omnibus_template_${process.pid}`;
  if (found) {
    info = { adminUrl: found.adminUrl, template, embeddedPid: null, source: found.source };
  } else {
    if (process.env.CI === 'true') {
      throw new Error('CI=true and no PostgreSQL answers on TEST_DATABASE_URL, DATABASE_URL or 127.0.0.1:5432: refusing to skip database tests.');
    }
    const dataDir = path.resolve(__dirname, '../../.data/test');
    const embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339) });
    globalThis.__omnibusStopEmbedded = () => embedded.stop();
    found = { adminUrl: embedded.adminUrl, source: 'local' };
    info = { adminUrl: embedded.adminUrl, template, embeddedPid: process.pid, source: 'embedded' };
  }
  await dropDatabase(info.adminUrl, template);
  await ensureDatabase(info.adminUrl, template);
  const ds = createDataSource(withDatabase(info.adminUrl, template), { poolSize: 2, applicationName: 'omnibus-test-setup' });
  await ds.initialize();
  try {
    await migrate(ds);
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
  const serialized = JSON.stringify(info);
  process.env.OMNIBUS_TEST_DB = serialized;
  fs.writeFileSync(INFO_FILE, serialized);
  process.stderr.write(`\n[omnibus] test PostgreSQL: ${info.source} (${new URL(info.adminUrl).host}), template ready in ${Date.now() - t0} ms\n`);
}
