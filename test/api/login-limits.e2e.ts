import { startTestServer, TestServer } from '../support/test-server';

/**
 * Sign-in limits an attacker cannot race or talk around: attempts are counted before the password
 * is hashed, forwarded addresses are believed only when TRUST_PROXY says so, every 429 says when
 * to come back, and the metrics are not served to whatever a local proxy relays.
 */
jest.setTimeout(120_000);

const series = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
};

async function passwordChecks(t: TestServer): Promise<number> {
  return series((await t.api('GET', '/api/metrics')).body as string, 'omnibus_login_password_checks_total');
}

const login = (t: TestServer, username: string, password: string, headers: Record<string, string> = {}) =>
  t.api('POST', '/api/auth/login', { body: { username, password }, headers });

describe('without TRUST_PROXY (the default)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ TRUST_PROXY: '' });
  });
  afterAll(() => t.close());

  it('checks only the allowed number of 50 simultaneous wrong passwords for one account; the rest are refused without hashing', async () => {
    const before = await passwordChecks(t);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => login(t, 'mex', `wrong-${i}`)));
    const checked = (await passwordChecks(t)) - before;
    const unauthorized = results.filter((r) => r.status === 401).length;
    const limited = results.filter((r) => r.status === 429);
    process.stderr.write(`[login] 50 concurrent wrong passwords: ${unauthorized} checked (401), ${limited.length} refused (429), ${checked} hashes computed\n`);
    expect(unauthorized).toBe(5);
    expect(limited).toHaveLength(45);
    expect(checked).toBe(5);
    for (const r of limited) {
      expect(r.body).toMatchObject({ error: 'rate_limited', details: { retryAfterSeconds: expect.any(Number) } });
      expect(r.headers.get('retry-after')).toBe(String(r.body.details.retryAfterSeconds));
    }
    // Locked now, even with the right password.
    expect((await login(t, 'mex', 'demo')).status).toBe(429);
  });

  it('ignores X-Forwarded-For: rotating spoofed addresses neither escape the lock nor unlock a locked account', async () => {
    const before = await passwordChecks(t);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await login(t, 'ch', `guess-${i}`, { 'X-Forwarded-For': `203.0.113.${i + 1}` })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect((await passwordChecks(t)) - before).toBe(5);
    const spoofed = await login(t, 'ch', 'demo', { 'X-Forwarded-For': '198.51.100.7', Forwarded: 'for=198.51.100.7', 'X-Real-IP': '198.51.100.7' });
    expect(spoofed.status).toBe(429);
    expect(spoofed.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('serves /api/metrics to this machine asked directly, not to anything a local proxy relays', async () => {
    expect((await t.api('GET', '/api/metrics')).status).toBe(200);
    const relayed: Record<string, string>[] = [{ 'X-Forwarded-For': '127.0.0.1' }, { Forwarded: 'for=127.0.0.1' }, { 'X-Real-IP': '127.0.0.1' }, { Via: '1.1 proxy' }];
    for (const headers of relayed) {
      const res = await t.api('GET', '/api/metrics', { headers });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
  });
});

describe('with TRUST_PROXY=loopback (behind a reverse proxy on this machine)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('counts per forwarded address, and still caps one account across all addresses', async () => {
    const before = await passwordChecks(t);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await login(t, 'bra', `guess-${i}`, { 'X-Forwarded-For': `203.0.113.${i + 1}` })).status);
    const checked = (await passwordChecks(t)) - before;
    process.stderr.write(`[login] 30 guesses from rotating (trusted) addresses: ${checked} checked, ${statuses.filter((s) => s === 429).length} refused\n`);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(checked).toBe(20);
    // One address's failures do not lock another address out of its own account.
    for (let i = 0; i < 5; i += 1) await login(t, 'arg', 'wrong', { 'X-Forwarded-For': '203.0.113.200' });
    expect((await login(t, 'arg', 'demo', { 'X-Forwarded-For': '203.0.113.200' })).status).toBe(429);
    expect((await login(t, 'arg', 'demo', { 'X-Forwarded-For': '203.0.113.201' })).status).toBe(200);
  });
});
