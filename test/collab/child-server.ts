import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { waitFor } from '../support/collab-client';
import { createTestDatabase } from '../support/test-database';

const ROOT = path.resolve(__dirname, '../..');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  port: number;
  databaseUrl: string;
  /** Resident memory of the server process, MB. */
  rssMb(): number;
  /** GET /api/metrics and read one series (0 when absent). */
  metric(name: string): Promise<number>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The server in a process of its own (on its own copy of the test database), so its memory and event loop are its own. */
export async function startChildServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const db = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', path.join(ROOT, 'test/support/resolve-shared.ts'), path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_PROJECT: path.join(ROOT, 'server/tsconfig.json'),
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      OMNIBUS_SEED: 'off',
      OMNIBUS_LOG: 'silent',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    return (await fetch(`${url}/api/health`).catch(() => null))?.ok === true;
  }, 'the server to answer', 120_000);
  return {
    child,
    url,
    port,
    databaseUrl: db.url,
    rssMb() {
      const line = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
      return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
    },
    async metric(name) {
      const text = await (await fetch(`${url}/api/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      return line ? Number(line.slice(name.length + 1)) : 0;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      await db.drop();
    },
  };
}

/** Polls GET /api/health every 20 ms until stopped; the latencies, ms. */
export function probeHealth(url: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/health`);
      await res.text();
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return times;
    },
  };
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
