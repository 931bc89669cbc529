import { RunningServer, startServer } from '../../server/src/bootstrap';
import { AppConfig, loadConfig } from '../../server/src/config/config';
import { createTestDatabase } from './test-database';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  databaseUrl: string;
  login(username: string, password?: string): Promise<string>;
  api<T = any>(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** HTTP against a server at `url`, in this process or another: JSON in and out, sign-ins remembered. */
export function apiClient(url: string): Pick<TestServer, 'api' | 'login'> {
  const tokens = new Map<string, string>();
  const api: TestServer['api'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // Not JSON (the docs page): hand back the text.
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    api,
    async login(username, password = 'demo') {
      const cached = tokens.get(username);
      if (cached && password === 'demo') return cached;
      const res = await api('POST', '/api/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.token);
      return res.body.token as string;
    },
  };
}

/**
 * The configuration of a test's server on `databaseUrl`: a free port on 127.0.0.1, no seed, no log,
 * `env`'s settings over the process's. The app gets exactly this (its modules read no environment).
 */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', OMNIBUS_SEED: 'off', OMNIBUS_LOG: 'silent', ...env });
}

/** A real server on a real PostgreSQL database of its own (copied from the seeded template), on a free port. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const server = await startServer(testConfig(db.url, env));
  return {
    server,
    url: server.url,
    databaseUrl: db.url,
    ...apiClient(server.url),
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
