import { spawnSync } from 'node:child_process';
import Redis from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function ping(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/**
 * The Redis the scale-out tests run on. In CI a missing Redis fails the test (never a skip); on a
 * workstation we start `redis-server` if it is installed, else fail saying how to get one.
 */
export async function requireRedis(): Promise<string> {
  if (await ping(REDIS_URL)) return REDIS_URL;
  if (process.env.CI === 'true') throw new Error(`CI=true and no Redis answers at ${REDIS_URL}: the scale-out tests need one (set TEST_REDIS_URL).`);
  const port = new URL(REDIS_URL).port || '6379';
  const started = spawnSync('redis-server', ['--port', port, '--daemonize', 'yes', '--save', '', '--appendonly', 'no'], { encoding: 'utf8' });
  if (started.error || started.status !== 0) {
    throw new Error(`No Redis answers at ${REDIS_URL} and redis-server could not be started (${started.error?.message ?? started.stderr}). Install Redis or set TEST_REDIS_URL.`);
  }
  for (let i = 0; i < 50; i++) {
    if (await ping(REDIS_URL)) return REDIS_URL;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server was started on port ${port} but does not answer`);
}
