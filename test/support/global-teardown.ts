import './resolve-shared';
import { dropDatabase } from '../../server/src/database/database-url';
import { readInfo } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (!process.env.OMNIBUS_TEST_DB) return;
  const info = readInfo();
  delete process.env.OMNIBUS_TEST_DB;
  await dropDatabase(info.adminUrl, info.template).catch(() => undefined);
  const stop = globalThis.__omnibusStopEmbedded;
  globalThis.__omnibusStopEmbedded = undefined;
  if (stop) await stop();
}
