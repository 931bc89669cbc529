import type { ErrorCode } from '@omnibus/shared';
import { operationRequest, type OperationInput, type OperationKey, type OperationResponse } from '@omnibus/shared/api-contract';
import { formatError } from '../i18n/errors';

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

/** The refusal in the person's language (from its code and details), or the error's own words. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return formatError(err.code, err.details, err.message);
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

/** The signed-in person's token as a header, if there is one. */
function authorization(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A call of operation K takes its input only when it has path parameters, a query string or a body. */
type CallArgs<K extends OperationKey> = object extends OperationInput<K> ? [input?: OperationInput<K>] : [input: OperationInput<K>];

/**
 * Calls one operation of the API contract (shared/src/api-contract.ts) by its name: the path
 * parameters, query string and body are typed from the operation's schemas, and so is the answer.
 */
export async function call<K extends OperationKey>(key: K, ...[input]: CallArgs<K>): Promise<OperationResponse<K>> {
  const given = (input ?? {}) as { params?: Record<string, string>; query?: object; body?: unknown };
  const { method, url } = operationRequest(key, given);
  return request<OperationResponse<K>>(method, url, given.body);
}

/** The address of an operation that answers a file (an export, minutes as text): for download() and upload(). */
export function operationUrl<K extends OperationKey>(key: K, input: Omit<OperationInput<K>, 'body'>): string {
  return operationRequest(key, input as { params?: Record<string, string>; query?: object }).url;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const token = tokenSource();
  const headers: Record<string, string> = { accept: 'application/json', ...authorization(token) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError('The server cannot be reached. Check your network connection and try again; nothing was changed.', 0, 'network');
  }
  if (!res.ok) throw await failure(res, token !== null);
  return (await parsedBody(res)) as T;
}

/** The body as JSON, or null when it is empty or not JSON. */
async function parsedBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

async function failure(res: Response, hadToken: boolean): Promise<ApiError> {
  // Anything but the API's error body (a proxy's HTML error page) gets the generic sentence.
  const parsed = await parsedBody(res);
  const err = isErrorBody(parsed)
    ? new ApiError(parsed.message, res.status, parsed.error, parsed.details)
    : new ApiError(`The server answered with an error (HTTP ${res.status}). Try again in a moment.`, res.status, 'bad_response', { status: res.status });
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
    res = await fetch(path, { headers: authorization(token) });
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
    res = await fetch(path, { method: 'POST', body, headers: { 'content-type': contentType, ...authorization(token) } });
  } catch {
    throw new ApiError('The server cannot be reached. Check your network connection and try again; nothing was imported.', 0, 'network');
  }
  if (!res.ok) throw await failure(res, token !== null);
  return (await res.json()) as T;
}
