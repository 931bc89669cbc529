import { describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../test/render-room';
import { ApiError, configureHttp, request } from './http';

describe('request', () => {
  it("turns the API's {error, message, details} into an error whose message is the server's sentence", async () => {
    mockFetch(() => ({ status: 403, body: { error: 'forbidden', message: 'Only the delegation that proposed it may withdraw it.', details: { role: 'delegate' } } }));
    const err = await request('POST', '/api/amendments/x/withdraw').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'Only the delegation that proposed it may withdraw it.', status: 403, code: 'forbidden', details: { role: 'delegate' } });
  });

  it('sends the token and signs out when the server no longer accepts it', async () => {
    const unauthorized = vi.fn();
    configureHttp({ token: () => 'tok', unauthorized });
    let auth: string | null = null;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      auth = new Headers(init.headers).get('authorization');
      return new Response(JSON.stringify({ error: 'token_expired', message: 'Your session has expired.' }), { status: 401 });
    });
    await expect(request('GET', '/api/drafts')).rejects.toThrow('Your session has expired.');
    expect(auth).toBe('Bearer tok');
    expect(unauthorized).toHaveBeenCalledTimes(1);
    configureHttp({ token: () => null, unauthorized: () => undefined });
  });

  it('explains an unreachable server and a non-JSON answer in sentences', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(request('GET', '/api/drafts')).rejects.toThrow(/The server cannot be reached/);
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(request('GET', '/api/drafts')).rejects.toThrow('The server answered with an error (HTTP 502). Try again in a moment.');
  });
});
