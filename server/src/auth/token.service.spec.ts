import * as jwt from 'jsonwebtoken';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/config';
import type { SettingsRepository } from './settings.repository';
import { TokenService } from './token.service';

const SECRET = 'a-secret-of-this-server-only-0123456789abcdef';
const service = (secret = SECRET) => new TokenService({ tokenSecret: secret } as AppConfig, {} as SettingsRepository);
const claims = { sub: 'u1', role: 'delegate', cid: 'c1', sid: 's1' };
const inAMinute = () => new Date(Date.now() + 60_000);

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('the token was accepted');
}

describe('sign-in tokens (secret held as a key object)', () => {
  it('verifies what it signed, claims intact', async () => {
    const tokens = service();
    const { token } = await tokens.sign(claims, inAMinute());
    expect(await tokens.verify(token)).toEqual(claims);
  });

  it('verifies tokens signed with the same secret as a plain string (tokens issued before this change, or by another instance)', async () => {
    const token = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 }, SECRET, { algorithm: 'HS256', issuer: 'omnibus' });
    expect(await service().verify(token)).toEqual(claims);
    // And what it signs, the string secret verifies: both sides use the same key bytes.
    const { token: ours } = await service().sign(claims, inAMinute());
    expect(jwt.verify(ours, SECRET, { algorithms: ['HS256'], issuer: 'omnibus' })).toMatchObject(claims);
  });

  it('refuses a token of another secret, a changed one, an expired one and one of another algorithm', async () => {
    const tokens = service();
    const { token: foreign } = await service('another-secret-entirely-0123456789abcdef').sign(claims, inAMinute());
    expect(await refusal(tokens.verify(foreign))).toBe('unauthorized');

    const { token } = await tokens.sign(claims, inAMinute());
    const [head, , sig] = token.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'chair', exp: Math.floor(Date.now() / 1000) + 60, iss: 'omnibus' })).toString('base64url');
    expect(await refusal(tokens.verify(`${head}.${promoted}.${sig}`))).toBe('unauthorized');

    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { algorithm: 'HS256', issuer: 'omnibus' });
    expect(await refusal(tokens.verify(expired))).toBe('token_expired');

    const hs512 = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 }, SECRET, { algorithm: 'HS512', issuer: 'omnibus' });
    expect(await refusal(tokens.verify(hs512))).toBe('unauthorized');

    const unsigned = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 }, '', { algorithm: 'none', issuer: 'omnibus' });
    expect(await refusal(tokens.verify(unsigned))).toBe('unauthorized');
  });

  it('costs far less than verifying with the secret as a string, which jsonwebtoken first tries to read as a PEM key', async () => {
    const tokens = service();
    const { token } = await tokens.sign(claims, inAMinute());
    const options: jwt.VerifyOptions = { algorithms: ['HS256'], issuer: 'omnibus' };
    const time = async (fn: () => unknown) => {
      const t0 = performance.now();
      for (let i = 0; i < 200; i++) await fn();
      return performance.now() - t0;
    };
    await time(() => tokens.verify(token));
    await time(() => jwt.verify(token, SECRET, options));
    // ~0.05 against ~0.5 ms a token on the 2-core development machine; compared in the same moment, so a busy machine slows both.
    const ours = Math.min(await time(() => tokens.verify(token)), await time(() => tokens.verify(token)));
    const asString = Math.min(await time(() => jwt.verify(token, SECRET, options)), await time(() => jwt.verify(token, SECRET, options)));
    expect(ours).toBeLessThan(asString / 2);
  });
});
