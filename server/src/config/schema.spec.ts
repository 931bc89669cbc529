import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuthRedis } from '../auth/auth-redis';
import { COLLAB_CONFIG, type CollabConfig } from '../collaboration/collab-config';
import { RedisConnections } from '../collaboration/redis-connections';
import { loadConfig, REPO_ROOT } from './config';
import { APP_CONFIG, ConfigModule } from './config.module';
import { documentedNames, README_PATH, readmeTable } from './readme-table';
import { ConfigError, parseEnvironment, VARIABLES, variablesTable } from './schema';

/** The ConfigError `env` causes (fails when it causes none). */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe('the configuration schema', () => {
  it('fills in every default when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      embeddedPostgres: { dataDir: path.join(REPO_ROOT, '.data'), dataDirChosen: false, port: 54329 },
      production: false,
      tokenSecret: null,
      tokenTtlSeconds: 1800,
      seedDemo: true,
      logging: { level: 'info' },
      metricsToken: null,
      publicUrl: null,
      demoPassword: null,
      redis: { url: null, prefix: null },
      chromium: { path: '/usr/bin/chromium' },
      guard: {
        trustProxy: false,
        sessionMaxSeconds: 43200,
        sessionCheckMs: 2000,
        socketBufferBytes: 8 * 1024 * 1024,
        updatesPerSecond: 50,
        updateBurst: 200,
        syncsPerSecond: 0.5,
        syncBurst: 5,
        pdfConcurrency: 2,
        pdfQueue: 8,
      },
      collab: {
        compactAfterRows: 1000,
        projectEveryMs: 1000,
        awarenessEveryMs: 100,
        pacing: { batchFreeUpTo: 50, batchMsPerPerson: 0.38, batchMaxMs: 40, awarenessMsPerPerson: 10, awarenessMaxMs: 1000 },
        idleCloseMs: 30000,
        catchUpEveryMs: 2000,
        writerLeaseMs: 86_400_000,
      },
    });
    expect(config.collab.instanceId).toMatch(new RegExp(`^${process.pid}-[a-z0-9]+$`));
    // Each app built in one process (two instances in a test) has a name of its own.
    expect(loadConfig({}).collab.instanceId).not.toBe(config.collab.instanceId);
  });

  it('takes an empty value for an unset one, and reads what is set', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '', REDIS_URL: '', OMNIBUS_DATA_DIR: '' })).toMatchObject({
      port: 3000,
      logging: { level: 'info' },
      redis: { url: null },
      embeddedPostgres: { dataDirChosen: false },
    });
    const config = loadConfig({
      PORT: '8080',
      NODE_ENV: 'production',
      LOG_LEVEL: ' Debug ',
      TRUST_PROXY: 'loopback',
      COLLAB_SYNCS_PER_SECOND: '0.25',
      COLLAB_PROJECT_EVERY_MS: '100',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'staging',
      OMNIBUS_DATA_DIR: '/srv/omnibus',
      PUBLIC_URL: 'https://omnibus.example.org/',
      CHROMIUM_PATH: '/opt/chromium',
    });
    expect(config).toMatchObject({
      port: 8080,
      production: true,
      seedDemo: false,
      logging: { level: 'debug' },
      guard: { trustProxy: 'loopback', syncsPerSecond: 0.25 },
      collab: { projectEveryMs: 100 },
      redis: { url: 'redis://127.0.0.1:6379', prefix: 'staging' },
      embeddedPostgres: { dataDir: '/srv/omnibus', dataDirChosen: true },
      publicUrl: 'https://omnibus.example.org',
      chromium: { path: '/opt/chromium' },
    });
    expect(loadConfig({ OMNIBUS_LOG: 'silent', LOG_LEVEL: 'trace' }).logging.level).toBe('silent');
    expect(loadConfig({ OMNIBUS_SEED: 'off' }).seedDemo).toBe(false);
  });

  it('refuses each kind of bad value in one sentence naming the variable, what it must be and what it got', () => {
    expect(refusal({ PORT: 'abc' }).message).toBe('PORT must be a whole number between 0 and 65535, got "abc"');
    expect(refusal({ PORT: '65536' }).message).toBe('PORT must be a whole number between 0 and 65535, got "65536"');
    expect(refusal({ COLLAB_BATCH_MAX_MS: '1.5' }).message).toBe('COLLAB_BATCH_MAX_MS must be a whole number between 0 and 1000, got "1.5"');
    expect(refusal({ COLLAB_SYNCS_PER_SECOND: 'often' }).message).toBe('COLLAB_SYNCS_PER_SECOND must be a number between 0.01 and 1000, got "often"');
    expect(refusal({ SESSION_CHECK_MS: '50' }).message).toBe('SESSION_CHECK_MS must be a number between 100 and 60000, got "50"');
    expect(refusal({ LOG_LEVEL: 'loud' }).message).toBe('LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "loud"');
    expect(refusal({ PUBLIC_URL: 'omnibus.example.org' }).message).toMatch(/^PUBLIC_URL must be an absolute address/);
    expect(refusal({ PUBLIC_URL: 'ftp://omnibus.example.org' }).message).toMatch(/^PUBLIC_URL must start with https:\/\//);
    expect(refusal({ TRUST_PROXY: 'anyone; rm -rf' }).message).toMatch(/^TRUST_PROXY must be true, false, a number of proxies/);
    expect(refusal({ REDIS_PREFIX: 'two words' }).message).toBe('REDIS_PREFIX must be at most 200 characters without spaces, got "two words"');
  });

  it('never repeats a secret it refuses', () => {
    const secret = refusal({ TOKEN_SECRET: 'hunter2' });
    expect(secret.message).toBe('TOKEN_SECRET must be at least 32 characters long');
    const password = refusal({ OMNIBUS_DEMO_PASSWORD: 'hunter2' });
    expect(password.message).toMatch(/^OMNIBUS_DEMO_PASSWORD must be at least 12 characters long/);
    expect(`${secret.message}${password.message}`).not.toContain('hunter2');
  });

  it('reports every problem at once, one sentence each', () => {
    const err = refusal({ PORT: 'eighty', TOKEN_SECRET: 'short', COLLAB_IDLE_CLOSE_MS: '-1', LOG_LEVEL: 'loud', HOST: '0.0.0.0' });
    expect(err.problems).toEqual([
      'PORT must be a whole number between 0 and 65535, got "eighty"',
      'TOKEN_SECRET must be at least 32 characters long',
      'COLLAB_IDLE_CLOSE_MS must be a whole number between 0 and 3600000, got "-1"',
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "loud"',
    ]);
    expect(err.message).toBe(`4 settings are wrong:\n  ${err.problems.join('\n  ')}`);
  });

  it('ignores variables it does not declare', () => {
    expect(parseEnvironment({ PATH: '/usr/bin', PORT: '1' }).PORT).toBe(1);
    expect('PATH' in parseEnvironment({ PATH: '/usr/bin' })).toBe(false);
  });
});

describe('the README', () => {
  const readme = fs.readFileSync(README_PATH, 'utf8');
  const table = readmeTable(readme);

  it('documents every variable of the schema and none other', () => {
    expect(table).not.toBeNull();
    const documented = documentedNames(table ?? '');
    const declared = Object.keys(VARIABLES);
    expect({ missingFromReadme: declared.filter((n) => !documented.includes(n)), notInSchema: documented.filter((n) => !declared.includes(n)) }).toEqual({
      missingFromReadme: [],
      notInSchema: [],
    });
  });

  it('shows the schema’s defaults and meanings (run `npm run docs:config` after changing the schema)', () => {
    expect(table).toBe(variablesTable());
  });

  it('finds a documented variable the schema lacks and one the README lacks', () => {
    const names = documentedNames(`| variable | default | meaning |\n| --- | --- | --- |\n| \`PORT\` | 3000 | port |\n| \`GHOST\` | 1 | nothing |`);
    expect(names).toEqual(['PORT', 'GHOST']);
  });
});

describe('the configuration a module receives', () => {
  it('is exactly the one the app was given, whatever the process environment says', async () => {
    const saved = { ...process.env };
    process.env.COLLAB_PROJECT_EVERY_MS = '5555';
    process.env.REDIS_URL = 'redis://elsewhere:1';
    process.env.REDIS_PREFIX = 'from-the-environment';
    const config = loadConfig({ COLLAB_PROJECT_EVERY_MS: '100', COLLAB_IDLE_CLOSE_MS: '50', COLLAB_INSTANCE_ID: 'given' });

    @Module({ imports: [ConfigModule.forRoot(config, 'postgres://db.example/omnibus_test')], providers: [AuthRedis, RedisConnections] })
    class Probe {}

    const app = await NestFactory.createApplicationContext(Probe, { logger: false });
    try {
      expect(app.get(APP_CONFIG)).toBe(config);
      const collab = app.get<CollabConfig>(COLLAB_CONFIG);
      expect(collab).toEqual({ ...config.collab, redisUrl: null, redisPrefix: 'omnibus:omnibus_test' });
      expect(collab.projectEveryMs).toBe(100);
      expect(collab.instanceId).toBe('given');
      expect(app.get(AuthRedis).prefix).toBe('omnibus:omnibus_test');
      expect(app.get(AuthRedis).enabled).toBe(false);
      expect(app.get(RedisConnections).enabled).toBe(false);
    } finally {
      await app.close();
      process.env = saved;
    }
  });
});
