import { ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { waitFor } from './collab-client';

const ROOT = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `npm start`'s server in a process of its own (so a test can SIGKILL it), on a given database and
 * port, its log (stdout and stderr) kept in `log` for the test to read.
 */
export class ChildServer {
  readonly log: string[] = [];
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly databaseUrl: string,
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until it answers /api/health. */
  async start(timeoutMs = 120_000): Promise<void> {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', path.join(ROOT, 'test/support/resolve-shared.ts'), path.join(ROOT, 'server/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TS_NODE_PROJECT: path.join(ROOT, 'server/tsconfig.json'),
          DATABASE_URL: this.databaseUrl,
          PORT: String(this.port),
          HOST: '127.0.0.1',
          OMNIBUS_SEED: 'off',
          REDIS_URL: '',
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => this.log.push(chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let gone = false;
    void this.exited.then(() => (gone = true));
    await waitFor(
      async () => {
        if (gone) throw new Error(`the server exited while starting:\n${this.log.join('')}`);
        return (await fetch(`${this.url}/api/health`).catch(() => null))?.ok === true;
      },
      'the server to answer',
      timeoutMs,
    );
  }

  /** SIGKILL: no shutdown hook runs, exactly like an OOM kill or a crashed container. */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** The log lines that match `pattern`. */
  lines(pattern: RegExp): string[] {
    return this.log
      .join('')
      .split('\n')
      .filter((l) => pattern.test(l));
  }
}
