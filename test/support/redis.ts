import { spawnSync } from 'node:child_process';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING at `url`, asked from a child process so that test files can decide synchronously. */
function answers(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `
    const s = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname || '127.0.0.1')});
    s.setTimeout(2000, () => process.exit(1));
    s.on('error', () => process.exit(1));
    s.on('connect', () => s.write('PING\\r\\n'));
    s.on('data', (d) => process.exit(String(d).startsWith('+PONG') ? 0 : 1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0;
}

/**
 * The Redis the scale-out tests run on, or null when there is none on this workstation. In CI a
 * missing Redis is an error (never a skip); elsewhere we start `redis-server` if it is installed,
 * and only a machine without one skips those tests, saying so.
 */
export function redisForTests(): string | null {
  if (answers(REDIS_URL)) return REDIS_URL;
  if (process.env.CI === 'true') throw new Error(`CI=true and no Redis answers at ${REDIS_URL}: the scale-out tests need one (set TEST_REDIS_URL).`);
  const port = new URL(REDIS_URL).port || '6379';
  const started = spawnSync('redis-server', ['--port', port, '--daemonize', 'yes', '--save', '', '--appendonly', 'no'], { encoding: 'utf8' });
  if (!started.error && started.status === 0) {
    for (let i = 0; i < 50; i++) {
      if (answers(REDIS_URL)) return REDIS_URL;
      spawnSync('sleep', ['0.1']);
    }
  }
  process.stderr.write(`[omnibus] no Redis at ${REDIS_URL} and no redis-server to start: the scale-out tests are skipped on this machine (never in CI).\n`);
  return null;
}
