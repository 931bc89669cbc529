import { startServer } from './bootstrap';
import { loadConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const t0 = Date.now();
  const server = await startServer(config);
  const lines = [
    '',
    `Omnibus is serving on ${server.url} (ready in ${Date.now() - t0} ms)`,
    `  API health:  ${server.url}/api/health`,
    `  API docs:    ${server.url}/api/docs`,
    `  Database:    ${server.embedded ? `embedded PostgreSQL, data in ${config.dataDir}/postgres` : 'DATABASE_URL'}`,
  ];
  if (server.seed) {
    lines.push(
      server.seed.created
        ? `  Demo committee seeded: ${server.seed.summary}`
        : `  Demo committee already present: ${server.seed.summary}`,
      `  Demo accounts (password "demo"): chair, vicechair, secretariat, observer, translator, and one delegate per delegation`,
      `    named by its code in lower case: ${server.seed.delegateUsernames.join(', ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  const stop = (signal: string) => {
    process.stdout.write(`Received ${signal}, shutting down…\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Omnibus failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
