import { describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../test/render-room';
import { ApiError, call, configureHttp, operationUrl, request } from './http';

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

describe('call', () => {
  it("sends an operation of the contract to its method and address, parameters encoded, the query appended and the body as JSON", async () => {
    const sent: { url: string; method?: string; body?: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, method: init.method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ ok: true }), { status: 200 });
    });
    await call('skipParagraph', { params: { id: 's/1', paragraphId: 'p 2' } });
    await call('history', { params: { id: 'd1' }, query: { targetId: 't1', limit: 200 } });
    await expect(call('login', { body: { username: 'chair', password: 'demo' } })).resolves.toEqual({ ok: true });
    expect(sent).toEqual([
      { url: '/api/sessions/s%2F1/queue/p%202/skip', method: 'POST', body: undefined },
      { url: '/api/drafts/d1/history?targetId=t1&limit=200', method: 'GET', body: undefined },
      { url: '/api/auth/login', method: 'POST', body: { username: 'chair', password: 'demo' } },
    ]);
    expect(operationUrl('minutes', { params: { id: 'm1' }, query: { format: 'markdown' } })).toBe('/api/sessions/m1/minutes?format=markdown');
  });

  it('refuses a call without one of its path parameters, and sends nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    // The type says so too; a caller that casts its way past it still gets no request to a wrong address.
    await expect(call('skipParagraph', { params: { id: 's1' } } as never)).rejects.toThrow('skipParagraph needs the path parameter paragraphId.');
    expect(fetch).not.toHaveBeenCalled();
  });
});
