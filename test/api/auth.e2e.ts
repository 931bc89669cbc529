import * as jwt from 'jsonwebtoken';
import { startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function secret(): Promise<string> {
  const rows: { value: string }[] = await t.server.dataSource.query(`SELECT value FROM app_setting WHERE key = 'token_secret'`);
  return rows[0]!.value;
}

describe('sign-in and tokens', () => {
  it('returns a token and the user for the right password, 401 otherwise', async () => {
    const ok = await t.api('POST', '/api/auth/login', { body: { username: 'mex', password: 'demo' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      user: { id: expect.any(String), username: 'mex', displayName: 'Delegate of Mexico', role: 'delegate', delegation: 'MEX' },
    });
    const me = await t.api('GET', '/api/auth/me', { token: ok.body.token });
    expect(me.body).toMatchObject({ username: 'mex', delegation: 'MEX' });
    const wrong = await t.api('POST', '/api/auth/login', { body: { username: 'mex', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'unauthorized', message: 'The username or password is not correct.' });
    const nobody = await t.api('POST', '/api/auth/login', { body: { username: 'nobody', password: 'demo' } });
    expect(nobody.status).toBe(401);
    expect(nobody.body.message).toBe(wrong.body.message);
  });

  it('stores passwords only as salted scrypt hashes', async () => {
    const rows: { password_hash: string }[] = await t.server.dataSource.query(`SELECT password_hash FROM app_user WHERE username IN ('mex','us')`);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });

  it('rate-limits repeated failures for one account and says when to retry', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await t.api('POST', '/api/auth/login', { body: { username: 'bra', password: `guess-${i}` } })).status).toBe(401);
    }
    const limited = await t.api('POST', '/api/auth/login', { body: { username: 'bra', password: 'demo' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(limited.body.message).toMatch(/Too many sign-in attempts\. Wait \d+ seconds/);
    expect(limited.body.details.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are not locked out by someone guessing at BRA.
    expect((await t.api('POST', '/api/auth/login', { body: { username: 'arg', password: 'demo' } })).status).toBe(200);
  });

  it('refuses requests without a token, with a forged token, and with an expired one', async () => {
    const none = await t.api('GET', '/api/drafts');
    expect(none.status).toBe(401);
    expect(none.body.error).toBe('unauthorized');
    const valid = await t.login('us');
    const claims = jwt.decode(valid) as { sub: string; cid: string; role: string };
    const forged = jwt.sign({ sub: claims.sub, cid: claims.cid, role: 'chair' }, 'not-the-server-secret-at-all-xxxxxxxxxxxx', {
      algorithm: 'HS256',
      issuer: 'omnibus',
      expiresIn: 3600,
    });
    const f = await t.api('GET', '/api/drafts', { token: forged });
    expect(f.status).toBe(401);
    expect(f.body).toEqual({ error: 'unauthorized', message: 'The sign-in token is not valid. Sign in again.' });
    const unsigned = `${valid.split('.').slice(0, 2).join('.')}.`;
    expect((await t.api('GET', '/api/drafts', { token: unsigned })).status).toBe(401);
    const expired = jwt.sign({ sub: claims.sub, cid: claims.cid, role: claims.role, exp: Math.floor(Date.now() / 1000) - 60 }, await secret(), {
      algorithm: 'HS256',
      issuer: 'omnibus',
    });
    const e = await t.api('GET', '/api/drafts', { token: expired });
    expect(e.status).toBe(401);
    expect(e.body).toEqual({ error: 'token_expired', message: 'Your session has expired. Sign in again.' });
  });

  it('takes the role from the account, not from the token claims', async () => {
    const valid = await t.login('us');
    const claims = jwt.decode(valid) as { sub: string; cid: string; sid: string };
    const promoted = jwt.sign({ sub: claims.sub, cid: claims.cid, sid: claims.sid, role: 'secretariat' }, await secret(), { algorithm: 'HS256', issuer: 'omnibus', expiresIn: 600 });
    const res = await t.api('POST', '/api/drafts', { token: promoted, body: { title: 'A draft', symbol: 'CP/CSH/1/22' } });
    expect(res.status).toBe(403);
  });
});
