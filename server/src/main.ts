import { startServer } from './bootstrap';
import { loadConfig } from './config/config';
import * as fs from 'node:fs';
import { StartupError } from './database/startup-error';

async function main(): Promise<void> {
  // The one place the server reads its environment: everything else is handed the parsed configuration.
  const config = loadConfig(process.env);
  const t0 = Date.now();
  const server = await startServer(config);
  const lines = [
    '',
    `Omnibus is serving on ${server.url} (ready in ${Date.now() - t0} ms)`,
    `  API health:  ${server.url}/api/health`,
    `  API docs:    ${server.url}/api/docs`,
    `  Database:    ${server.embeddedDir !== null ? `embedded PostgreSQL, data in ${server.embeddedDir}` : 'DATABASE_URL'}`,
  ];
  if (server.seed) {
    lines.push(
      server.seed.created
        ? `  Demo committee seeded: ${server.seed.summary}`
        : `  Demo committee already present: ${server.seed.summary}`,
      `  Demo accounts (password ${config.demoPassword ? 'from OMNIBUS_DEMO_PASSWORD' : '"demo"'}): chair, vicechair, secretariat, observer, translator, and one delegate per delegation`,
      `    named by its code in lower case: ${server.seed.delegateUsernames.join(', ')}`,
    );
  }
  lines.push(`  PDF export:  ${pdfExport(config.chromium.path)}`);
  if (server.seedSkipped !== null) lines.push(`  Demo committee not seeded: ${server.seedSkipped}.`);
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
  process.stderr.write(`Omnibus failed to start: ${describe(err)}\n`);
  process.exit(1);
});

/** PDF is laid out by Chromium; without it every other format still exports. */
function pdfExport(chromiumPath: string): string {
  try {
    fs.accessSync(chromiumPath, fs.constants.X_OK);
    return `available (Chromium at ${chromiumPath})`;
  } catch {
    return `not available: no Chromium at ${chromiumPath} (install it, e.g. "apt-get install chromium", or set CHROMIUM_PATH); the other formats export as usual`;
  }
}

/** One sentence for what the operator can fix; the stack only for what nobody foresaw. */
function describe(err: unknown): string {
  if (err instanceof StartupError) return err.message;
  if (err instanceof Error) return `${err.message || err.name}\n${err.stack ?? ''}`;
  return `an unexpected ${err === undefined ? 'failure with no message' : `value was thrown (${String(err)})`}; run again with the same settings and report this line.`;
}
