import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as express from 'express';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { CollabIoAdapter } from './collaboration/collab-io.adapter';
import { ErrorFilter } from './common/error.filter';
import { AppConfig, isLoopback, REPO_ROOT } from './config/config';
import { createDataSource, migrate } from './database/data-source';
import { ensureDatabase, withDatabase } from './database/database-url';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './database/embedded-postgres';
import { StartupError } from './database/startup-error';
import { setupOpenApi } from './docs/openapi';
import { AppLogger, createHttpLogger, createRootLogger, type RootLogger } from './logging/logger';
import { seedDemo, SeedResult } from './seed/demo-seed';

export interface RunningServer {
  app: NestExpressApplication;
  dataSource: DataSource;
  url: string;
  port: number;
  databaseUrl: string;
  embedded: boolean;
  /** The embedded PostgreSQL's cluster folder, when it is used. */
  embeddedDir: string | null;
  seed: SeedResult | null;
  /** Why the demo was not seeded although seeding is on, if so. */
  seedSkipped: string | null;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'omnibus';

/** Finds or starts the database, brings its schema up to date, seeds the demo, and serves the API. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const root = createRootLogger(config);
  const log = root.child({ context: 'Omnibus' });
  let embedded: EmbeddedPostgresHandle | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.embeddedPostgres.dataDir,
      port: config.embeddedPostgres.port,
      ...(config.embeddedPostgres.dataDirChosen ? {} : { fallbackDataDir: fallbackDataDir(config.embeddedPostgres.dataDir) }),
      log: (line) => log.warn(line),
    });
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
    databaseUrl = withDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  }
  const dataSource = createDataSource(databaseUrl, { quiet: config.logging.level === 'silent' });
  try {
    await dataSource.initialize().catch((err: unknown) => {
      throw embedded ? err : new StartupError(`The database at DATABASE_URL (${hostOf(databaseUrl)}) does not answer (${reason(err)}); check that PostgreSQL runs there and that the URL is right.`);
    });
    const ran = await migrate(dataSource);
    if (ran.length > 0) log.info(`Applied migrations: ${ran.join(', ')}`);
    // The demo accounts' password "demo" is public: with it they are only ever created on a server this
    // machine alone can reach; beyond it only with a password the operator chose.
    const demoPassword = config.demoPassword;
    const seedSkipped =
      config.seedDemo && !isLoopback(config.host) && demoPassword === null
        ? `the server listens on ${config.host}, beyond this machine, and the demo accounts' password "demo" is public; start with HOST=127.0.0.1, or choose their password with OMNIBUS_DEMO_PASSWORD`
        : null;
    const seed = config.seedDemo && seedSkipped === null ? await seedDemo(dataSource, demoPassword ?? undefined) : null;
    const app = await createApp(config, dataSource, root);
    await app.listen(config.port, config.host).catch((err: unknown) => {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      if (code === 'EADDRINUSE') throw new StartupError(`Port ${config.port} on ${config.host} is already in use; stop what uses it or set PORT to a free port.`);
      if (code === 'EADDRNOTAVAIL') throw new StartupError(`This machine has no address ${config.host}; set HOST to one of its addresses (127.0.0.1 by default).`);
      throw err;
    });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      dataSource,
      url: `http://127.0.0.1:${port}`,
      port,
      databaseUrl,
      embedded: embedded !== null,
      embeddedDir: embedded?.databaseDir ?? null,
      seed,
      seedSkipped,
      close: async () => {
        // The embedded PostgreSQL is stopped however the rest goes, or it would outlive us.
        try {
          await app.close();
          if (dataSource.isInitialized) await dataSource.destroy();
        } finally {
          if (embedded) await embedded.stop();
        }
      },
    };
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (embedded) await embedded.stop();
    throw err;
  }
}

export async function createApp(config: AppConfig, dataSource: DataSource, root: RootLogger = createRootLogger(config)): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource, root), {
    bodyParser: false,
    bufferLogs: true,
  });
  // Nest's own Logger, everywhere in the code, writes through pino from here on.
  app.useLogger(new AppLogger(app.get(Logger)));
  app.disable('x-powered-by');
  // First, so that every request (a refused body included) gets its id and its log line.
  app.use(createHttpLogger(root));
  app.use(securityHeaders());
  app.use(express.json({ limit: '256kb', strict: false }));
  app.use(bodyParserErrors);
  app.useGlobalFilters(new ErrorFilter());
  app.set('trust proxy', config.guard.trustProxy);
  setupOpenApi(app);
  serveClient(app, config.clientDir);
  app.useWebSocketAdapter(new CollabIoAdapter(app));
  // No enableShutdownHooks(): main.ts closes the app on SIGINT/SIGTERM and then stops the embedded
  // PostgreSQL; Nest's own hook re-raises the signal once the app is closed, which killed the
  // process before PostgreSQL was stopped and left it running.
  return app;
}

/** Where the embedded data goes when the PostgreSQL user cannot reach the project's folder (a clone in /root). */
function fallbackDataDir(dataDir: string): string {
  const tag = createHash('sha256').update(dataDir).digest('hex').slice(0, 8);
  return path.join('/var/lib/omnibus', `${path.basename(REPO_ROOT)}-${tag}`);
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an address that is not a URL';
  }
}

function reason(err: unknown): string {
  const e = err as { code?: string; message?: string } | null;
  return e?.code ?? e?.message ?? String(err);
}

/**
 * Headers that keep the client from being framed, sniffed or fed foreign scripts. The built
 * client and Swagger UI load everything from this origin; Swagger UI needs inline styles and
 * data: images, and socket.io connects back to the same host.
 */
function securityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Only behind TLS does HSTS mean anything; a reverse proxy in front sets it.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
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
