import type { ErrorCode } from '@omnibus/shared';

/** What went wrong, in a sentence meant to be shown to the person as is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'bad_response',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

type TokenSource = () => string | null;
type UnauthorizedHandler = (err: ApiError) => void;

let tokenSource: TokenSource = () => null;
let onUnauthorized: UnauthorizedHandler = () => undefined;

/** Wired once by the session so that every request carries the token and an expired one signs out. */
export function configureHttp(options: { token: TokenSource; unauthorized: UnauthorizedHandler }): void {
  tokenSource = options.token;
  onUnauthorized = options.unauthorized;
}

function isErrorBody(body: unknown): body is { error: ErrorCode; message: string; details?: unknown } {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' && typeof (body as { error?: unknown }).error === 'string';
}

export async function request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = tokenSource();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError('The server cannot be reached. Check your network connection and try again; nothing was changed.', 0, 'network');
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // A proxy's HTML error page: fall through to the generic sentence below.
  }
  if (res.ok) return parsed as T;
  const err = isErrorBody(parsed)
    ? new ApiError(parsed.message, res.status, parsed.error, parsed.details)
    : new ApiError(`The server answered with an error (HTTP ${res.status}). Try again in a moment.`, res.status, 'bad_response');
  if (res.status === 401 && token) onUnauthorized(err);
  throw err;
}

async function failure(res: Response, hadToken: boolean): Promise<ApiError> {
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the API's error body; the generic sentence follows.
  }
  const err = isErrorBody(parsed)
    ? new ApiError(parsed.message, res.status, parsed.error, parsed.details)
    : new ApiError(`The server answered with an error (HTTP ${res.status}). Try again in a moment.`, res.status, 'bad_response');
  if (res.status === 401 && hadToken) onUnauthorized(err);
  return err;
}

function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** A file the API generates (an export): fetched with the token, since a plain link cannot carry it. */
export async function download(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const token = tokenSource();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError('The server cannot be reached. Check your network connection and try again.', 0, 'network');
  }
  if (!res.ok) throw await failure(res, token !== null);
  return { blob: await res.blob(), fileName: fileNameOf(res, fallbackName) };
}

/** Sends a document as the request body (an import), not as JSON. */
export async function upload<T>(path: string, body: Blob | string, contentType: string): Promise<T> {
  const token = tokenSource();
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body, headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  } catch {
    throw new ApiError('The server cannot be reached. Check your network connection and try again; nothing was imported.', 0, 'network');
  }
  if (!res.ok) throw await failure(res, token !== null);
  return (await res.json()) as T;
}
