import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses others, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse ', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('never accepts anything against the dummy hash or a malformed one', async () => {
    expect(await verifyPassword('demo', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('demo', 'plaintext')).toBe(false);
    expect(await verifyPassword('demo', 'scrypt$1$2$3')).toBe(false);
  });
});
