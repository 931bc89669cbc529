import { loadConfig } from '../config/config';
import { parseTrustProxy } from './guard-config';
import { endReasonOf } from './sessions.repository';

describe('TRUST_PROXY', () => {
  it('trusts nobody unless told, and reads Express’s forms', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(() => parseTrustProxy('anyone; rm -rf')).toThrow(/TRUST_PROXY must be/);
  });

  it('refuses an out-of-range budget with the variable’s name', () => {
    expect(() => loadConfig({ SOCKET_SEND_BUFFER_BYTES: '10' })).toThrow(/SOCKET_SEND_BUFFER_BYTES must be a number between/);
    expect(loadConfig({}).guard.updatesPerSecond).toBe(50);
  });
});

describe('endReasonOf', () => {
  const live = { id: 's', userId: 'u', expiresAt: new Date(2_000), endedAt: null, endReason: null, disabled: false };
  it('names why a session may no longer act, and null while it may', () => {
    expect(endReasonOf(live, 1_000)).toBeNull();
    expect(endReasonOf(live, 2_000)).toBe('expired');
    expect(endReasonOf({ ...live, disabled: true }, 1_000)).toBe('account_disabled');
    expect(endReasonOf({ ...live, endedAt: new Date(500), endReason: 'signed_out', disabled: true }, 1_000)).toBe('signed_out');
    expect(endReasonOf(undefined, 1_000)).toBe('revoked');
  });
});
