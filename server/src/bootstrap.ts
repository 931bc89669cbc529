import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as express from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { CollabIoAdapter } from './collaboration/collab-io.adapter';
import { ErrorFilter } from './common/error.filter';
import type { AppConfig } from './config/config';
import { createDataSource, migrate } from './database/data-source';
import { ensureDatabase, withDatabase } from './database/database-url';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './database/embedded-postgres';
import { setupOpenApi } from './docs/openapi';
import { seedDemo, SeedResult } from './seed/demo-seed';

export interface RunningServer {
  app: NestExpressApplication;
  dataSource: DataSource;
  url: string;
  port: number;
  databaseUrl: string;
  embedded: boolean;
  seed: SeedResult | null;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'omnibus';

/** Finds or starts the database, brings its schema up to date, seeds the demo, and serves the API. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const log = new Logger('Omnibus');
  let embedded: EmbeddedPostgresHandle | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
    databaseUrl = withDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
    log.log(`Embedded PostgreSQL running with data in ${path.join(config.dataDir, 'postgres')}`);
  }
  const dataSource = createDataSource(databaseUrl, { quiet: config.logLevel === 'silent' });
  try {
    await dataSource.initialize();
    const ran = await migrate(dataSource);
    if (ran.length > 0) log.log(`Applied migrations: ${ran.join(', ')}`);
    const seed = config.seedDemo ? await seedDemo(dataSource) : null;
    const app = await createApp(config, dataSource);
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      dataSource,
      url: `http://127.0.0.1:${port}`,
      port,
      databaseUrl,
      embedded: embedded !== null,
      seed,
      close: async () => {
        await app.close();
        if (dataSource.isInitialized) await dataSource.destroy();
        if (embedded) await embedded.stop();
      },
    };
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (embedded) await embedded.stop();
    throw err;
  }
}

export async function createApp(config: AppConfig, dataSource: DataSource): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), {
    bodyParser: false,
    logger: config.logLevel === 'silent' ? false : ['error', 'warn'],
  });
  app.use(express.json({ limit: '256kb', strict: false }));
  app.use(bodyParserErrors);
  app.useGlobalFilters(new ErrorFilter());
  app.set('trust proxy', config.guard.trustProxy);
  setupOpenApi(app);
  serveClient(app, config.clientDir);
  app.useWebSocketAdapter(new CollabIoAdapter(app));
  app.enableShutdownHooks();
  return app;
}

/** Body-parser failures happen before Nest routes the request, so they are answered here in the API's error format. */
function bodyParserErrors(err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') {
    res.status(400).json({ error: 'invalid_json', message: 'The request body is not valid JSON.' });
  } else if (type === 'entity.too.large') {
    res.status(413).json({ error: 'payload_too_large', message: 'The request body is larger than the 256 kB the API accepts.' });
  } else if (type !== undefined) {
    res.status(400).json({ error: 'validation_failed', message: 'The request body could not be read; send JSON encoded as UTF-8.' });
  } else {
    next(err);
  }
}

/** The built React client, with every non-API path answered by index.html so deep links work. */
function serveClient(app: NestExpressApplication, clientDir: string): void {
  const index = path.join(clientDir, 'index.html');
  if (!fs.existsSync(index)) return;
  app.useStaticAssets(clientDir, { index: false });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    res.sendFile(index);
  });
}
