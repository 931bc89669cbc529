import { afterEach, describe, expect, it, vi } from 'vitest';
import { renewDelayMs, sessionStore } from './session';

const user = { id: 'u1', username: 'mex', displayName: 'Delegate of Mexico', role: 'delegate' as const, delegation: 'MEX' };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('token renewal', () => {
  it('renews two thirds of the way to the expiry, and at least a minute before it', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(renewDelayMs('2026-01-01T10:30:00Z', now)).toBe(20 * 60_000);
    expect(renewDelayMs('2026-01-01T10:02:00Z', now)).toBe(60_000);
    expect(renewDelayMs('2026-01-01T10:00:30Z', now)).toBe(0);
  });

  it('exchanges the token for the fresh one of the same session before it expires', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T10:00:00Z') });
    const calls: { url: string; auth: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, auth: new Headers(init.headers).get('authorization') });
      return new Response(JSON.stringify({ token: 'second', expiresAt: '2026-01-01T10:50:00.000Z' }), { status: 200 });
    });
    sessionStore.signIn({ token: 'first', expiresAt: '2026-01-01T10:30:00.000Z', user });
    await vi.advanceTimersByTimeAsync(20 * 60_000 - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(sessionStore.get()?.token).toBe('second'));
    expect(calls).toEqual([{ url: '/api/auth/refresh', auth: 'Bearer first' }]);
    expect(sessionStore.get()).toMatchObject({ expiresAt: '2026-01-01T10:50:00.000Z', user });
    sessionStore.signOut('done');
  });

  it('signs out when the server refuses the renewal (the session was ended elsewhere)', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'unauthorized', message: 'You signed out of this session. Sign in again.' }), { status: 401 }));
    sessionStore.signIn({ token: 'ended', expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(), user });
    await sessionStore.renew();
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.notice()).toContain('You signed out of this session.');
  });

  it('ends the session on the server when the person signs out', async () => {
    const calls: { url: string; method: string | undefined; auth: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method, auth: new Headers(init.headers).get('authorization') });
      return new Response(null, { status: 204 });
    });
    sessionStore.signIn({ token: 'mine', expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(), user });
    sessionStore.signOut();
    expect(sessionStore.get()).toBeNull();
    expect(calls).toEqual([{ url: '/api/auth/logout', method: 'POST', auth: 'Bearer mine' }]);
  });
});
